// String builtins of the reference interpreter, evaluated once per dictionary entry: ASCII case
// mapping, code point counts, byte-wise predicates, RE2 `matches`.
#include <re2/re2.h>

#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/interp/builtin_fns.h"
#include "segc/check.h"

namespace segc::interp::detail::fn {
namespace {

int64_t CodePoints(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Ascii(std::string s, bool upper) {
  for (char& c : s) {
    c = char(upper ? std::toupper(static_cast<unsigned char>(c))
                   : std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

/// The compiled form of a `matches` pattern. Patterns are string literals, so each thread
/// compiles each distinct pattern once; RE2 is the engine sema validated the pattern with.
const RE2& CompiledPattern(const std::string& pattern) {
  thread_local std::unordered_map<std::string, std::unique_ptr<RE2>> cache;
  std::unique_ptr<RE2>& slot = cache[pattern];
  if (slot == nullptr) {
    RE2::Options options;
    options.set_log_errors(false);
    slot = std::make_unique<RE2>(pattern, options);
  }
  return *slot;
}

}  // namespace

Value Lower(const ir::Node&, const Args& args, Row&) {
  return Value::Str(Ascii(args[0]->s, false));
}
Value Upper(const ir::Node&, const Args& args, Row&) { return Value::Str(Ascii(args[0]->s, true)); }
Value Length(const ir::Node&, const Args& args, Row&) { return Value::Int(CodePoints(args[0]->s)); }
Value StartsWith(const ir::Node&, const Args& args, Row&) {
  return Value::Bool(std::string_view(args[0]->s).starts_with(args[1]->s));
}
Value EndsWith(const ir::Node&, const Args& args, Row&) {
  return Value::Bool(std::string_view(args[0]->s).ends_with(args[1]->s));
}
Value Contains(const ir::Node&, const Args& args, Row&) {
  return Value::Bool(args[0]->s.find(args[1]->s) != std::string::npos);
}

/// matches(s, p): true when the RE2 pattern `p` matches anywhere in `s` (unanchored search).
Value Matches(const ir::Node&, const Args& args, Row&) {
  const RE2& re = CompiledPattern(args[1]->s);
  SEGC_CHECK(re.ok());
  return Value::Bool(RE2::PartialMatch(args[0]->s, re));
}

}  // namespace segc::interp::detail::fn
