// Scalar builtins of the reference interpreter: the dispatch table expanded from the `interp`
// column of stdlib/builtins.def, and the date and number functions.
#include "stdlib/builtins.h"

#include <cmath>
#include <limits>

#include "compiler/interp/builtin_fns.h"
#include "compiler/interp/interp.h"
#include "compiler/ir/calendar.h"
#include "compiler/ir/numeric.h"
#include "compiler/ir/split_hash.h"
#include "segc/check.h"

namespace segc::interp {
namespace detail {
namespace fn {
namespace {

int64_t Pow10(int64_t n) {
  int64_t out = 1;
  for (int64_t i = 0; i < n; ++i) out *= 10;
  return out;
}

/// round(int x, digits): digits >= 0 keeps x; otherwise half away from zero to 10^-digits.
Value RoundInt(const Value& x, int64_t digits, Row& row) {
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

/// min/max over same-typed numbers or dates (std::min/std::max operand order).
Value Extreme(bool is_float, const Args& args, bool max) {
  Value out = *args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    const Value& v = *args[i];
    bool better = is_float ? (max ? v.f > out.f : v.f < out.f) : (max ? v.i > out.i : v.i < out.i);
    if (better) out = v;
  }
  return out;
}

bool IsFloat(const ir::Node& node) { return node.type == ir::Type::kFloat; }

/// The date argument and the implicit evaluation date (the last IR argument).
int32_t DateArg(const Args& args) { return int32_t(args[0]->i); }
int32_t AsOfArg(const Args& args) { return int32_t(args.back()->i); }

}  // namespace

Value DaysSince(const ir::Node&, const Args& args, Row&) {
  return Value::Int(int64_t(AsOfArg(args)) - DateArg(args));
}
Value YearsSince(const ir::Node&, const Args& args, Row&) {
  return Value::Int(ir::YearsSince(DateArg(args), AsOfArg(args)));
}
Value MonthsSince(const ir::Node&, const Args& args, Row&) {
  return Value::Int(ir::MonthsSince(DateArg(args), AsOfArg(args)));
}
Value Year(const ir::Node&, const Args& args, Row&) {
  return Value::Int(ir::CivilFromDays(DateArg(args)).year);
}
Value Month(const ir::Node&, const Args& args, Row&) {
  return Value::Int(ir::CivilFromDays(DateArg(args)).month);
}
Value Weekday(const ir::Node&, const Args& args, Row&) {
  return Value::Int(ir::IsoWeekday(DateArg(args)));
}

Value Abs(const ir::Node& node, const Args& args, Row& row) {
  const Value& x = *args[0];
  if (IsFloat(node)) return Value::Float(std::fabs(x.f));
  if (x.i == std::numeric_limits<int64_t>::min()) {
    row.overflow = true;
    return Value::Null();
  }
  return Value::Int(x.i < 0 ? -x.i : x.i);
}

Value Round(const ir::Node& node, const Args& args, Row& row) {
  int64_t digits = args.size() > 1 ? args[1]->i : 0;
  if (IsFloat(node)) return Finite(ir::RoundToDigits(args[0]->f, digits), row);
  return RoundInt(*args[0], digits, row);
}

Value Floor(const ir::Node& node, const Args& args, Row&) {
  return IsFloat(node) ? Value::Float(std::floor(args[0]->f)) : *args[0];
}
Value Ceil(const ir::Node& node, const Args& args, Row&) {
  return IsFloat(node) ? Value::Float(std::ceil(args[0]->f)) : *args[0];
}
Value Min(const ir::Node& node, const Args& args, Row&) {
  return Extreme(IsFloat(node), args, false);
}
Value Max(const ir::Node& node, const Args& args, Row&) {
  return Extreme(IsFloat(node), args, true);
}
Value Clamp(const ir::Node& node, const Args& args, Row&) {
  Value low = Extreme(IsFloat(node), {args[0], args[1]}, true);
  return Extreme(IsFloat(node), {&low, args[2]}, false);
}
Value SplitBucket(const ir::Node&, const Args& args, Row&) {
  std::vector<int64_t> words;
  for (size_t i = 2; i < args.size(); ++i) words.push_back(args[i]->i);
  std::string salt = ir::UnpackSalt(words.data(), words.size());
  bool string_key = args[1]->i != 0;
  std::string key = string_key ? args[0]->s : ir::SplitKeyText(args[0]->i);
  return Value::Int(ir::SplitBucket(salt, key));
}

/// By BuiltinId: the interpreter's implementation, or nullptr where the row's lowering never
/// produces an Op::kCall (coalesce, statistics). The identifiers resolve in this namespace, so a
/// row naming a function that builtin_fns.h does not declare is a compile error.
constexpr Impl kImpls[] = {
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, lowering, implicit, interp, \
                     jit)                                                                        \
  interp,
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
};
static_assert(std::size(kImpls) == stdlib::kBuiltinCount);

}  // namespace fn

Value CallBuiltin(const ir::Node& node, const std::vector<const Value*>& args, Row& row) {
  size_t index = node.payload.index;
  SEGC_CHECK(index < std::size(fn::kImpls) && fn::kImpls[index] != nullptr);
  const stdlib::BuiltinInfo& info = stdlib::AllBuiltins()[index];
  SEGC_CHECK(args.size() >= size_t(info.min_args) + stdlib::ImplicitArgs(info));
  // kNullIfAnyNull[OrOverflow], the only policies of Op::kCall rows (registry_test.cc).
  for (const Value* a : args) {
    if (a->null) return Value::Null();
  }
  return fn::kImpls[index](node, args, row);
}

}  // namespace detail

bool Implements(stdlib::BuiltinId id) {
  size_t index = static_cast<size_t>(id);
  return index < std::size(detail::fn::kImpls) && detail::fn::kImpls[index] != nullptr;
}

}  // namespace segc::interp
