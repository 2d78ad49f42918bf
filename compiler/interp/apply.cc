// The reference semantics of IR operators (docs/semantics.md).
#include <cmath>
#include <limits>

#include "compiler/interp/value.h"
#include "compiler/ir/calendar.h"
#include "segc/check.h"

namespace segc::interp::detail {

namespace {

using ir::Op;
using ir::Type;

constexpr int64_t kMinDate = std::numeric_limits<int32_t>::min();
constexpr int64_t kMaxDate = std::numeric_limits<int32_t>::max();

Value Overflow(Row& row) {
  row.overflow = true;
  return Value::Null();
}

Value DateOrOverflow(int64_t days, Row& row) {
  return days < kMinDate || days > kMaxDate ? Overflow(row) : Value::Int(days);
}

Value IntArith(Op op, Type type, const Value& a, const Value& b, Row& row) {
  int64_t out = 0;
  bool overflow = false;
  switch (op) {
    case Op::kAdd:
      overflow = __builtin_add_overflow(a.i, b.i, &out);
      break;
    case Op::kSub:
      overflow = __builtin_sub_overflow(a.i, b.i, &out);
      break;
    case Op::kMul:
      overflow = __builtin_mul_overflow(a.i, b.i, &out);
      break;
    default:
      SEGC_UNREACHABLE();
  }
  if (overflow) return Overflow(row);
  return type == Type::kDate ? DateOrOverflow(out, row) : Value::Int(out);
}

Value Arith(const ir::Program& p, const ir::Node& node, const Value& a, const Value& b, Row& row) {
  if (node.type != Type::kFloat) return IntArith(node.op, node.type, a, b, row);
  SEGC_CHECK(p.nodes[node.args[0]].type == Type::kFloat);
  switch (node.op) {
    case Op::kAdd:
      return Finite(a.f + b.f, row);
    case Op::kSub:
      return Finite(a.f - b.f, row);
    case Op::kMul:
      return Finite(a.f * b.f, row);
    case Op::kDiv:
      return b.f == 0 ? Value::Null() : Finite(a.f / b.f, row);
    default:
      SEGC_UNREACHABLE();
  }
}

/// -1, 0, 1 comparing two non-null values of `type`.
int Order(Type type, const Value& a, const Value& b) {
  if (type == Type::kFloat) return a.f < b.f ? -1 : (a.f > b.f ? 1 : 0);
  if (type == Type::kString) {
    int c = std::string_view(a.s).compare(b.s);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
}

bool Holds(Op op, int order) {
  switch (op) {
    case Op::kEq:
      return order == 0;
    case Op::kNe:
      return order != 0;
    case Op::kLt:
      return order < 0;
    case Op::kLe:
      return order <= 0;
    case Op::kGt:
      return order > 0;
    default:
      return order >= 0;
  }
}

Value Cast(Type from, Type to, const Value& a, Row& row) {
  if (to == Type::kFloat) return Value::Float(from == Type::kFloat ? a.f : double(a.i));
  if (to == Type::kInt) return Value::Int(a.i);  // date → days, bool → 0/1
  if (to == Type::kDate && from == Type::kFloat) {
    double days = std::floor(a.f);
    if (!(days >= double(kMinDate) && days <= double(kMaxDate))) return Overflow(row);
    return Value::Int(int64_t(days));
  }
  if (to == Type::kDate) return DateOrOverflow(a.i, row);
  SEGC_UNREACHABLE();
}

/// Kleene and/or over the argument values.
Value Logic(Op op, const ir::Node& node, const std::vector<Value>& values) {
  bool any_null = false;
  bool decisive = op == Op::kOr;  // true decides OR, false decides AND
  for (ir::ValueId arg : node.args) {
    const Value& v = values[arg];
    if (v.null) {
      any_null = true;
    } else if ((v.i != 0) == decisive) {
      return Value::Bool(decisive);
    }
  }
  return any_null ? Value::Null() : Value::Bool(!decisive);
}

}  // namespace

Value Finite(double v, Row& row) { return std::isfinite(v) ? Value::Float(v) : Overflow(row); }

Value Apply(const ir::Program& p, const ir::Node& node, Row& row) {
  const std::vector<Value>& values = *row.values;
  auto arg = [&](size_t i) -> const Value& { return values[node.args[i]]; };
  auto any_null = [&] {
    for (ir::ValueId a : node.args) {
      if (values[a].null) return true;
    }
    return false;
  };
  switch (node.op) {
    case Op::kAnd:
    case Op::kOr:
      return Logic(node.op, node, values);
    case Op::kIsNull:
      return Value::Bool(arg(0).null);
    case Op::kIsNotNull:
      return Value::Bool(!arg(0).null);
    case Op::kIsTrue:
      return Value::Bool(!arg(0).null && arg(0).i != 0);
    case Op::kCoalesce:
      for (ir::ValueId a : node.args) {
        if (!values[a].null) return values[a];
      }
      return Value::Null();
    case Op::kSelect:
      for (size_t i = 0; i + 1 < node.args.size(); i += 2) {
        if (!arg(i).null && arg(i).i != 0) return arg(i + 1);
      }
      return arg(node.args.size() - 1);
    default:
      break;
  }
  if (node.op == Op::kCall) {
    std::vector<const Value*> args;
    for (ir::ValueId a : node.args) args.push_back(&values[a]);
    return CallBuiltin(node, args, row);
  }
  if (any_null()) return Value::Null();
  Type arg_type = p.nodes[node.args[0]].type;
  switch (node.op) {
    case Op::kNot:
      return Value::Bool(arg(0).i == 0);
    case Op::kNeg:
      if (node.type == Type::kFloat) return Value::Float(-arg(0).f);
      return arg(0).i == std::numeric_limits<int64_t>::min() ? Overflow(row)
                                                             : Value::Int(-arg(0).i);
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
      return Arith(p, node, arg(0), arg(1), row);
    case Op::kCast:
      return Cast(arg_type, node.type, arg(0), row);
    case Op::kAddMonths: {
      auto out = ir::AddMonths(int32_t(arg(0).i), arg(1).i);
      return out ? Value::Int(*out) : Overflow(row);
    }
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      return Value::Bool(Holds(node.op, Order(arg_type, arg(0), arg(1))));
    default:
      SEGC_UNREACHABLE();
  }
}

}  // namespace segc::interp::detail
