// SQL text of one IR node, with the semantics of compiler/interp (docs/semantics.md): strict
// nulls, Kleene logic, division by zero and overflow as null, calendar months.
#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "compiler/ir/calendar.h"
#include "compiler/ir/split_hash.h"
#include "compiler/sql/emitter.h"
#include "segc/check.h"
#include "stdlib/builtins.h"

namespace segc::sql::detail {

using ir::Op;
using ir::Type;
using stdlib::BuiltinId;

namespace {

constexpr const char* kInt64Range = "-9223372036854775808 AND 9223372036854775807";
constexpr const char* kInt32Range = "-2147483648 AND 2147483647";

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : sep) + part;
  return out;
}

}  // namespace

std::string Emitter::Const(Type type, const ir::Payload& v) const {
  if (v.is_null) return "CAST(NULL AS " + TypeName(type) + ")";
  switch (type) {
    case Type::kBool:
      return d_.Bool(v.i != 0);
    case Type::kFloat:
      return Float(v.f);
    case Type::kDate:
      return d_.DateLiteral(v.i);
    case Type::kString:
      return d_.String(p_.strings[v.index]);
    default:
      return Int(v.i);
  }
}

std::optional<Refusal> Emitter::CheckNode(ir::ValueId id) const {
  const ir::Node& node = p_.node(id);
  if (node.op == Op::kAggregate && !d_.EventAggregates()) {
    const ir::Aggregate& a = p_.aggregates[node.payload.index];
    return Refusal{fmt::format("the event aggregate '{}' over '{}' (no ordered or filtered "
                               "aggregates in this dialect)",
                               ir::AggregateKindName(a.kind), p_.event_tables[a.table - 1].name),
                   node.origin};
  }
  if (node.op == Op::kDictLookup) return Refusal{"a dictionary lookup", node.origin};
  if (node.op != Op::kCall) return std::nullopt;
  auto fn = static_cast<BuiltinId>(node.payload.index);
  if (fn == BuiltinId::kMatches) {
    const ir::Node& pattern = p_.node(node.args[1]);
    if (pattern.op != Op::kConst || pattern.payload.is_null ||
        !d_.Matches("s", p_.strings[pattern.payload.index])) {
      return Refusal{"this 'matches' pattern (only the subset of RE2 that reads the same in " +
                         d_.Name() + " is translated)",
                     node.origin};
    }
  }
  if (fn == BuiltinId::kSplitBucket && !d_.Md5Hex("s")) {
    return Refusal{
        "a split (its bucket hashes with md5, which segc translates for postgres and "
        "duckdb only)",
        node.origin};
  }
  if (fn == BuiltinId::kRound && node.args.size() > 1 && p_.node(node.args[1]).op != Op::kConst) {
    return Refusal{"'round' with digits that are not a constant", node.origin};
  }
  return std::nullopt;
}

std::string Emitter::NodeSql(ir::ValueId id) const {
  const ir::Node& node = p_.node(id);
  auto a = [&](size_t i) { return Ref(node.args[i]); };
  auto all = [&] {
    std::vector<std::string> out;
    for (ir::ValueId arg : node.args) out.push_back(Ref(arg));
    return out;
  };
  switch (node.op) {
    case Op::kConst:
      return Const(node.type, node.payload);
    case Op::kColumn:
      return d_.Ident(p_.inputs[node.payload.index].name);
    case Op::kRunInput:
      return Const(node.type, o_.run_values.at(node.payload.index));
    case Op::kStat:
      return StatRef(node.payload.index);
    case Op::kDerived:
      return DerivedSql(node);
    case Op::kNeg:
      if (node.type == Type::kFloat) return "(-" + a(0) + ")";
      return fmt::format("CASE WHEN {0} <> {1} THEN -{0} END", a(0),
                         Int(std::numeric_limits<int64_t>::min()));
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
      return Arith(node);
    case Op::kCast:
      return Cast(node);
    case Op::kAddMonths:
      return fmt::format("CASE WHEN {1} BETWEEN {2} AND {3} THEN {0} END",
                         d_.AddMonths(a(0), "CAST(" + a(1) + " AS " + d_.Int32Type() + ")"), a(1),
                         Int(-(int64_t(1) << 31) + 1), Int((int64_t(1) << 31) - 1));
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      return Compare(node);
    case Op::kAnd:
      return d_.And(all());
    case Op::kOr:
      return d_.Or(all());
    case Op::kNot:
      return "(NOT " + a(0) + ")";
    case Op::kIsNull:
      return "(" + a(0) + " IS NULL)";
    case Op::kIsNotNull:
      return "(" + a(0) + " IS NOT NULL)";
    case Op::kIsTrue:
      return "COALESCE(" + a(0) + ", " + d_.Bool(false) + ")";
    case Op::kCoalesce:
      return "COALESCE(" + Join(all(), ", ") + ")";
    case Op::kSelect: {
      std::string out = "CASE";
      for (size_t i = 0; i + 1 < node.args.size(); i += 2) {
        out += fmt::format(" WHEN {} THEN {}", a(i), a(i + 1));
      }
      return out + " ELSE " + a(node.args.size() - 1) + " END";
    }
    case Op::kCall:
      return Call(node);
    case Op::kAggregate:
      return d_.Ident(fmt::format("segc#a{}", node.payload.index));
    case Op::kDictLookup:
      break;
  }
  SEGC_UNREACHABLE();
}

std::string Emitter::Arith(const ir::Node& node) const {
  std::string a = Ref(node.args[0]), b = Ref(node.args[1]);
  if (node.type == Type::kFloat) return FloatArith(node.op, a, b);
  Type left = p_.node(node.args[0]).type, right = p_.node(node.args[1]).type;
  if (node.type == Type::kDate) {  // date ± days, in range of the 32-bit day numbers
    std::string days = fmt::format("CAST({} AS {}) {} CAST({} AS {})", d_.DaysOf(a), d_.WideInt(),
                                   node.op == Op::kAdd ? "+" : "-", b, d_.WideInt());
    return fmt::format("CASE WHEN {0} BETWEEN {1} THEN {2} END", days, kInt32Range,
                       d_.FromDays(days));
  }
  if (left == Type::kDate && right == Type::kDate) return d_.DaysBetween(a, b);
  return IntArith(node.op, a, b);
}

// Computed exactly in the wide type, so that PostgreSQL's "bigint out of range" error never
// fires: out of range is null, as in the interpreter.
std::string Emitter::IntArith(Op op, const std::string& a, const std::string& b) const {
  const char* sign = op == Op::kAdd ? "+" : (op == Op::kSub ? "-" : "*");
  return fmt::format(
      "CASE WHEN CAST({0} AS {3}) {2} CAST({1} AS {3}) BETWEEN {4} THEN {0} {2} {1} END", a, b,
      sign, d_.WideInt(), kInt64Range);
}

// PostgreSQL raises on a float result that overflows to infinity or underflows to zero from
// non-zero operands; the interpreter gives null (overflow) or the rounded zero. Each guard is
// exact: scaling by a power of two is exact and commutes with rounding away from the limits.
std::string Emitter::FloatArith(Op op, const std::string& a, const std::string& b) const {
  const std::string big = Float(std::ldexp(1.0, 1022)),
                    half_max = Float(std::ldexp(0x1.fffffffffffffp1023, -1));
  const std::string down = Float(std::ldexp(1.0, -512)), up = Float(std::ldexp(1.0, 537));
  const std::string tiny = Float(std::ldexp(1.0, -537)), max = Float(0x1.fffffffffffffp1023);
  if (op == Op::kAdd || op == Op::kSub) {
    const char* s = op == Op::kAdd ? "+" : "-";
    return fmt::format(
        "CASE WHEN abs({0}) < {3} AND abs({1}) < {3} THEN {0} {2} {1} "
        // One operand is at least 2^1022: a tiny other one is absorbed (and halving it could
        // underflow, which PostgreSQL raises on); otherwise halving both is exact.
        "WHEN abs({1}) < {5} THEN {0} WHEN abs({0}) < {5} THEN {6}{1} "
        "WHEN abs({0} / 2 {2} {1} / 2) <= {4} THEN 2 * ({0} / 2 {2} {1} / 2) END",
        a, b, s, big, half_max, Float(std::ldexp(1.0, -1000)), op == Op::kAdd ? "" : "-");
  }
  if (op == Op::kMul) {
    return fmt::format(
        "CASE WHEN {0} = 0 OR {1} = 0 THEN {0} * {1} "
        "WHEN abs({0}) > 1 AND abs({1}) > 1 THEN CASE WHEN abs(({0} * {2}) * ({1} * {2})) < 1 "
        "THEN {0} * {1} END "
        "WHEN abs({0}) >= 1 OR abs({1}) >= 1 OR (abs({0}) >= {4} AND abs({1}) >= {4}) "
        "THEN {0} * {1} "
        "WHEN abs(({0} * {3}) * ({1} * {3})) <= 0.5 THEN (0 * {0}) * {1} ELSE {0} * {1} END",
        a, b, down, up, tiny);
  }
  // Division: by zero is null (not an overflow); the overflow test is exact but for quotients
  // within one rounding of the largest double (docs/sql.md).
  return fmt::format(
      "CASE WHEN {1} = 0 THEN NULL WHEN {0} = 0 THEN {0} / {1} "
      "WHEN abs({1}) < 1 AND abs({0}) > abs({1}) * {2} THEN NULL "
      "WHEN abs({1}) > 1 AND abs({0}) < 1 AND abs({0} * {3}) * 2 <= abs({1} * {4}) "
      "THEN (0 * {0}) / {1} ELSE {0} / {1} END",
      a, b, max, up, tiny);
}

std::string Emitter::Cast(const ir::Node& node) const {
  std::string a = Ref(node.args[0]);
  Type from = p_.node(node.args[0]).type;
  switch (node.type) {
    case Type::kFloat:
      if (from == Type::kDate) a = d_.DaysOf(a);
      return "CAST(" + a + " AS " + TypeName(Type::kFloat) + ")";
    case Type::kInt:
      if (from == Type::kDate) return d_.DaysOf(a);
      return "CAST(CAST(" + a + " AS " + d_.Int32Type() + ") AS " + TypeName(Type::kInt) +
             ")";  // bool: 0 or 1
    case Type::kDate: {
      std::string days = from == Type::kFloat ? "floor(" + a + ")" : a;
      return fmt::format("CASE WHEN {0} BETWEEN {1} THEN {2} END", days, kInt32Range,
                         d_.FromDays(days));
    }
    default:
      SEGC_UNREACHABLE();
  }
}

std::string Emitter::Compare(const ir::Node& node) const {
  std::string a = Ref(node.args[0]), b = Ref(node.args[1]);
  const char* op = "=";
  switch (node.op) {
    case Op::kNe:
      op = "<>";
      break;
    case Op::kLt:
      op = "<";
      break;
    case Op::kLe:
      op = "<=";
      break;
    case Op::kGt:
      op = ">";
      break;
    case Op::kGe:
      op = ">=";
      break;
    default:
      break;
  }
  // Strings order by bytes (docs/semantics.md), whatever the database's collation.
  if (p_.node(node.args[0]).type == Type::kString && node.op != Op::kEq && node.op != Op::kNe) {
    a = d_.ByteOrder(a);
  }
  return fmt::format("({} {} {})", a, op, b);
}

// months_since (docs/semantics.md): n = 12(Y - y) + (M - m), less one when min(D, days in the
// month of the earlier date) < its day; negated when the date is after as_of.
std::string Emitter::MonthsSince(const std::string& d, const std::string& as_of) const {
  auto forward = [&](const std::string& from, const std::string& to) {
    return fmt::format("(12 * ({0} - {1}) + ({2} - {3}) - CASE WHEN {4} >= {5} THEN 0 ELSE 1 END)",
                       d_.Year(to), d_.Year(from), d_.Month(to), d_.Month(from),
                       d_.Least({d_.Day(to), d_.DaysInMonth(from)}), d_.Day(from));
  };
  return fmt::format("CASE WHEN {0} <= {1} THEN {2} ELSE -{3} END", d, as_of, forward(d, as_of),
                     forward(as_of, d));
}

std::string Emitter::Call(const ir::Node& node) const {
  std::vector<std::string> a;
  for (ir::ValueId arg : node.args) a.push_back(Ref(arg));
  bool is_float = node.type == Type::kFloat;
  auto null_if_any = [&](const std::string& body) {
    std::vector<std::string> tests;
    for (const std::string& x : a) tests.push_back(x + " IS NULL");
    return "CASE WHEN " + Join(tests, " OR ") + " THEN NULL ELSE " + body + " END";
  };
  switch (static_cast<BuiltinId>(node.payload.index)) {
    case BuiltinId::kDaysSince:
      return d_.DaysBetween(a[1], a[0]);
    case BuiltinId::kAge:
    case BuiltinId::kYearsSince:  // months / 12 truncated toward zero (exact in doubles)
      return "CAST(" +
             d_.Trunc("CAST(" + MonthsSince(a[0], a[1]) + " AS " + TypeName(Type::kFloat) +
                      ") / 12") +
             " AS " + TypeName(Type::kInt) + ")";
    case BuiltinId::kMonthsSince:
      return MonthsSince(a[0], a[1]);
    case BuiltinId::kYear:
      return d_.Year(a[0]);
    case BuiltinId::kMonth:
      return d_.Month(a[0]);
    case BuiltinId::kWeekday:
      return d_.IsoWeekday(a[0]);
    case BuiltinId::kAbs:
      if (is_float) return "abs(" + a[0] + ")";
      return fmt::format("CASE WHEN {0} <> {1} THEN abs({0}) END", a[0],
                         Int(std::numeric_limits<int64_t>::min()));
    case BuiltinId::kRound:
      return Round(node);
    case BuiltinId::kFloor:
      return is_float ? "floor(" + a[0] + ")" : a[0];
    case BuiltinId::kCeil:
      return is_float ? "ceil(" + a[0] + ")" : a[0];
    // LEAST and GREATEST skip nulls; segc's min and max are null when any argument is.
    case BuiltinId::kMin:
      return null_if_any(d_.Least(a));
    case BuiltinId::kMax:
      return null_if_any(d_.Greatest(a));
    case BuiltinId::kClamp:
      return null_if_any(d_.Least({d_.Greatest({a[0], a[1]}), a[2]}));
    case BuiltinId::kLower:
      return d_.Lower(a[0]);
    case BuiltinId::kUpper:
      return d_.Upper(a[0]);
    case BuiltinId::kLength:
      return d_.Length(a[0]);
    case BuiltinId::kStartsWith:
      return d_.StartsWith(a[0], a[1]);
    case BuiltinId::kEndsWith:
      return d_.EndsWith(a[0], a[1]);
    case BuiltinId::kContains:
      return d_.Contains(a[0], a[1]);
    case BuiltinId::kMatches:
      return *d_.Matches(a[0], p_.strings[p_.node(node.args[1]).payload.index]);
    case BuiltinId::kSplitBucket:
      return SplitBucket(node);
    default:
      break;
  }
  SEGC_UNREACHABLE();
}

// docs/language.md, "Splits": the first eight hex digits of md5(salt ':' key) as an unsigned
// integer, modulo 10000. The hex digits are read with strpos, which both dialects share.
std::string Emitter::SplitBucket(const ir::Node& node) const {
  std::vector<int64_t> words;
  for (size_t i = 2; i < node.args.size(); ++i) words.push_back(p_.node(node.args[i]).payload.i);
  std::string salt = ir::UnpackSalt(words.data(), words.size());
  bool string_key = p_.node(node.args[1]).payload.i != 0;
  std::string key = Ref(node.args[0]);
  std::string text = string_key ? key : "CAST(" + key + " AS " + TypeName(Type::kString) + ")";
  std::string hex = *d_.Md5Hex("(" + d_.String(salt + ":") + " || " + text + ")");
  std::vector<std::string> digits;
  int64_t weight = int64_t(1) << 28;
  for (int i = 0; i < 8; ++i, weight >>= 4) {
    digits.push_back(fmt::format("(strpos('0123456789abcdef', substr({}, {}, 1)) - 1) * {}", hex,
                                 i + 1, Int(weight)));
  }
  return "CASE WHEN " + key + " IS NULL THEN NULL ELSE (" + Join(digits, " + ") + ") % " +
         std::to_string(ir::kSplitBuckets) + " END";
}

// round half away from zero: trunc plus the sign when the dropped fraction is at least a half
// (x - trunc(x) is exact); PostgreSQL's round(float8) rounds half to even.
std::string Emitter::Round(const ir::Node& node) const {
  std::string x = Ref(node.args[0]);
  int64_t digits = node.args.size() > 1 ? p_.node(node.args[1]).payload.i : 0;
  if (node.type != Type::kFloat) {
    if (digits >= 0) return x;
    if (digits < -18) return "CASE WHEN " + x + " IS NOT NULL THEN " + Int(0) + " END";
    int64_t unit = 1;
    for (int64_t i = 0; i < -digits; ++i) unit *= 10;
    std::string wide = "CAST(" + x + " AS " + d_.WideInt() + ")";
    std::string rest = d_.WideRemainder(x, wide, unit);
    std::string out =
        fmt::format("({0} - {1} + CASE WHEN 2 * abs({1}) >= {2} THEN {3} * {2} ELSE 0 END)", wide,
                    rest, unit, d_.Sign(wide));
    return fmt::format("CASE WHEN {0} BETWEEN {1} THEN CAST({0} AS {2}) END", out, kInt64Range,
                       TypeName(Type::kInt));
  }
  auto half_away = [&](const std::string& v) {
    return fmt::format("({0} + CASE WHEN abs({1} - {0}) >= 0.5 THEN {2} ELSE 0 END)", d_.Trunc(v),
                       v, d_.Sign(v));
  };
  if (digits == 0) return half_away(x);
  if (digits > 308) return x;
  if (digits < -308) return "(0 * " + x + ")";
  std::string scale = Float(std::pow(10.0, double(digits > 0 ? digits : -digits)));
  if (digits < 0) {  // |x| < scale / 2 rounds to a zero of x's sign
    return fmt::format("CASE WHEN abs({0}) < {1} / 2 THEN 0 * {0} ELSE {2} END", x, scale,
                       FloatArith(Op::kMul, half_away(x + " / " + scale), scale));
  }
  std::string scaled = FloatArith(Op::kMul, x, scale);
  return fmt::format("COALESCE({} / {}, {})", half_away(scaled), scale, x);
}

// 1 when the node's operation overflowed on this row: its strict arguments were all non-null
// (and a divisor non-zero) but the result is null.
std::string Emitter::OverflowFlag(ir::ValueId id) const {
  const ir::Node& node = p_.node(id);
  std::vector<std::string> tests{Ref(id) + " IS NULL"};
  for (ir::ValueId arg : node.args) tests.push_back(Ref(arg) + " IS NOT NULL");
  if (node.op == Op::kDiv) tests.push_back(Ref(node.args[1]) + " <> 0");
  return "CASE WHEN " + Join(tests, " AND ") + " THEN 1 ELSE 0 END";
}

}  // namespace segc::sql::detail
