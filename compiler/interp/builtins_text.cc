// String builtins of the reference interpreter, evaluated once per dictionary entry: Unicode case
// mapping and code point counts (utf8proc), byte-wise predicates, RE2 `matches`.
#include <re2/re2.h>
#include <utf8proc.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/interp/builtin_fns.h"
#include "segc/check.h"

namespace segc::interp::detail::fn {
namespace {

/// The length of the valid UTF-8 sequence at s[i] and its code point, or 0 when the byte at s[i]
/// does not start one (invalid, overlong, surrogate, truncated): such a byte stands for itself.
size_t Decode(std::string_view s, size_t i, utf8proc_int32_t& code_point) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i;
  utf8proc_ssize_t n = utf8proc_iterate(bytes, utf8proc_ssize_t(s.size() - i), &code_point);
  return n > 0 ? size_t(n) : 0;
}

/// Maps every code point of `s` with `map` (Unicode simple case mapping: one code point to one);
/// bytes that are not valid UTF-8 are copied unchanged (docs/semantics.md, "Functions").
std::string MapCodePoints(std::string_view s, utf8proc_int32_t (*map)(utf8proc_int32_t)) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t code_point = 0;
    size_t n = Decode(s, i, code_point);
    if (n == 0) {
      out.push_back(s[i++]);
      continue;
    }
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t written = utf8proc_encode_char(map(code_point), buffer);
    out.append(reinterpret_cast<const char*>(buffer), size_t(written));
    i += n;
  }
  return out;
}

/// Code points of `s`; a byte that is not part of a valid sequence counts as one.
int64_t CodePoints(std::string_view s) {
  int64_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    utf8proc_int32_t code_point = 0;
    size_t n = Decode(s, i, code_point);
    i += n == 0 ? 1 : n;
  }
  return count;
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
  return Value::Str(MapCodePoints(args[0]->s, utf8proc_tolower));
}
Value Upper(const ir::Node&, const Args& args, Row&) {
  return Value::Str(MapCodePoints(args[0]->s, utf8proc_toupper));
}
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
