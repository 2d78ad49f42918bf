// Scalar builtins of the reference interpreter (stdlib/builtins.def, kScalar entries).
#include "stdlib/builtins.h"

#include <re2/re2.h>

#include <cctype>
#include <cmath>
#include <limits>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "compiler/interp/value.h"
#include "compiler/ir/calendar.h"
#include "compiler/ir/numeric.h"
#include "segc/check.h"

namespace segc::interp::detail {

namespace {

using stdlib::BuiltinId;

int64_t Pow10(int64_t n) {
  int64_t out = 1;
  for (int64_t i = 0; i < n; ++i) out *= 10;
  return out;
}

/// round(x, digits) half away from zero; ints keep their type (digits < 0 rounds to tens...).
Value Round(bool is_float, const Value& x, int64_t digits, Row& row) {
  if (is_float) {
    return Finite(ir::RoundToDigits(x.f, digits), row);
  }
  if (digits >= 0) return x;
  if (digits < -18) return Value::Int(0);
  int64_t unit = Pow10(-digits);
  int64_t q = x.i / unit, r = x.i % unit;
  if (2 * (r < 0 ? -r : r) >= unit) q += x.i < 0 ? -1 : 1;
  int64_t out;
  if (__builtin_mul_overflow(q, unit, &out)) {
    row.overflow = true;
    return Value::Null();
  }
  return Value::Int(out);
}

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

/// min/max/clamp over same-typed numbers or dates.
Value Extreme(bool is_float, const std::vector<const Value*>& args, bool max) {
  Value out = *args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    const Value& v = *args[i];
    bool better = is_float ? (max ? v.f > out.f : v.f < out.f) : (max ? v.i > out.i : v.i < out.i);
    if (better) out = v;
  }
  return out;
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

/// matches(s, p): true when the RE2 pattern `p` matches anywhere in `s` (unanchored search).
bool Matches(const std::string& text, const std::string& pattern) {
  const RE2& re = CompiledPattern(pattern);
  SEGC_CHECK(re.ok());
  return RE2::PartialMatch(text, re);
}

}  // namespace

Value CallBuiltin(const ir::Node& node, const std::vector<const Value*>& args, Row& row) {
  for (const Value* a : args) {
    if (a->null) return Value::Null();
  }
  auto id = static_cast<BuiltinId>(node.payload.index);
  bool is_float = node.type == ir::Type::kFloat;
  const Value& x = *args[0];
  switch (id) {
    case BuiltinId::kYear:
      return Value::Int(ir::CivilFromDays(x.i).year);
    case BuiltinId::kMonth:
      return Value::Int(ir::CivilFromDays(x.i).month);
    case BuiltinId::kWeekday:
      return Value::Int(ir::IsoWeekday(x.i));
    case BuiltinId::kAbs:
      if (is_float) return Value::Float(std::fabs(x.f));
      if (x.i == std::numeric_limits<int64_t>::min()) {
        row.overflow = true;
        return Value::Null();
      }
      return Value::Int(x.i < 0 ? -x.i : x.i);
    case BuiltinId::kRound:
      return Round(is_float, x, args.size() > 1 ? args[1]->i : 0, row);
    case BuiltinId::kFloor:
      return is_float ? Value::Float(std::floor(x.f)) : x;
    case BuiltinId::kCeil:
      return is_float ? Value::Float(std::ceil(x.f)) : x;
    case BuiltinId::kMin:
      return Extreme(is_float, args, false);
    case BuiltinId::kMax:
      return Extreme(is_float, args, true);
    case BuiltinId::kClamp: {
      Value low = Extreme(is_float, {args[0], args[1]}, true);
      return Extreme(is_float, {&low, args[2]}, false);
    }
    case BuiltinId::kLower:
      return Value::Str(Ascii(x.s, false));
    case BuiltinId::kUpper:
      return Value::Str(Ascii(x.s, true));
    case BuiltinId::kLength:
      return Value::Int(CodePoints(x.s));
    case BuiltinId::kStartsWith:
      return Value::Bool(std::string_view(x.s).starts_with(args[1]->s));
    case BuiltinId::kEndsWith:
      return Value::Bool(std::string_view(x.s).ends_with(args[1]->s));
    case BuiltinId::kContains:
      return Value::Bool(x.s.find(args[1]->s) != std::string::npos);
    case BuiltinId::kMatches:
      return Value::Bool(Matches(x.s, args[1]->s));
    default:
      break;
  }
  SEGC_UNREACHABLE();
}

}  // namespace segc::interp::detail
