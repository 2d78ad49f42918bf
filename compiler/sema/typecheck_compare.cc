// Comparisons: ==, ordering, between, in, within; dates against durations; pNN borrowing
// (E0111, E0112, E0201, E0205, E0206, E0208, E0213, E0217).
#include <charconv>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/expr_checker.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool IsPercentile(const ast::Expr& expr) {
  return std::holds_alternative<ast::PercentileRef>(expr.kind);
}

bool IsOrdering(ast::BinaryOp op) { return op >= ast::BinaryOp::kLt; }

bool ParsesAsNumber(const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

bool IsNumberLiteral(const ast::Expr& expr) {
  return std::holds_alternative<ast::IntLit>(expr.kind) ||
         std::holds_alternative<ast::FloatLit>(expr.kind);
}

}  // namespace

bool ExprChecker::Borrow(const ast::Expr& ref, const ast::Expr* other) {
  double percent = std::get<ast::PercentileRef>(ref.kind).percent;
  ExprInfo& info = ctx_.Info(ref.id);
  std::string name(ctx_.sources.Text(ref.range));
  if (percent < 0 || percent > 100) {
    diag::Diagnostic d = Make(Code::kPercentileOutOfRange, ref.range,
                              "percentile " + Quote(name) + " is outside 0..100");
    d.help = "use p0 (the minimum) to p100 (the maximum)";
    info.type = Fail(std::move(d));
    return true;
  }
  const ExprInfo& column = ctx_.Info(other->id);
  if (column.type.is_error()) return true;
  const Type& type = column.type;
  if (column.row_dependent && (type.is_numeric() || type.kind() == TypeKind::kDate)) {
    info.type = type.kind() == TypeKind::kDate ? Type::Date() : Type::Float();
    info.desugar = Desugar::kPercentileOf;
    info.borrowed = other->id;
    info.quantile = percent / 100.0;
    return true;
  }
  diag::Diagnostic d = Make(Code::kPercentileWithoutColumn, ref.range,
                            "percentile shorthand " + Quote(name) + " has no column to borrow");
  d.label = column.row_dependent ? Show(*other) + " is " + Described(type) + ", not a number"
                                 : Show(*other) + " is a constant, not a column";
  d.help = "write the explicit form: `" + name + "(" + ExampleColumn() + ")`";
  info.type = Fail(std::move(d));
  return true;
}

const ExprInfo& ExprChecker::Operand(const ast::Expr& operand, const ast::Expr* other) {
  if (other != nullptr && IsPercentile(operand) && Borrow(operand, other)) {
    return ctx_.Info(operand.id);
  }
  return CheckBeside(operand, other);
}

const ExprInfo& ExprChecker::CheckBeside(const ast::Expr& expr, const ast::Expr* partner) {
  const ast::Expr* saved = partner_;
  partner_ = partner;
  const ExprInfo& info = Check(expr);
  partner_ = saved;
  return info;
}

std::string ExprChecker::PercentileSubject() const {
  if (partner_ == nullptr || partner_->range.end - partner_->range.begin > 40) {
    return ExampleColumn();
  }
  const ExprInfo& info = ctx_.Info(partner_->id);
  Type type = info.type;
  bool row_dependent = info.row_dependent;
  if (type.is_error() && info.symbol.kind == Symbol::Kind::kColumn) {  // not yet checked
    type = ctx_.project.schema.columns[info.symbol.index].type;
    row_dependent = true;
  }
  bool usable = row_dependent && (type.is_numeric() || type.kind() == TypeKind::kDate);
  std::string_view text = ctx_.sources.Text(partner_->range);
  if (!usable || text.find('\n') != std::string_view::npos) return ExampleColumn();
  return std::string(text);
}

void ExprChecker::Compare(const ast::Expr&, const ast::Binary& binary, ExprInfo& info) {
  const ast::Expr& lhs = *binary.lhs;
  const ast::Expr& rhs = *binary.rhs;
  if (IsPercentile(lhs) && !IsPercentile(rhs)) {
    CheckBeside(rhs, &lhs);
    Operand(lhs, &rhs);
  } else {
    CheckBeside(lhs, &rhs);
    Operand(rhs, IsPercentile(lhs) ? nullptr : &lhs);
  }
  const Type& a = TypeOf(lhs);
  const Type& b = TypeOf(rhs);
  info.row_dependent = ctx_.Info(lhs.id).row_dependent || ctx_.Info(rhs.id).row_dependent;
  if (a.is_error() || b.is_error()) return;
  if (a.kind() == TypeKind::kDate && b.kind() == TypeKind::kDuration) {
    info.type = CompareDuration(lhs, binary.op, info);
    return;
  }
  if (a.kind() == TypeKind::kDuration && b.kind() == TypeKind::kDate) {
    info.type = CompareDuration(rhs, Mirror(binary.op), info);
    return;
  }
  if (a.kind() == TypeKind::kDuration || b.kind() == TypeKind::kDuration) {
    // Two day/week durations compare as day counts: `last - first > 365d` (language.md §9).
    bool ok = DayCountsComparable(lhs, rhs, binary.op, binary.op_range);
    info.type = ok ? Type::Bool() : Type::Error();
    return;
  }
  if (IsOrdering(binary.op) && RefuseOrdering(lhs, rhs, binary.op, binary.op_range)) {
    info.type = Type::Error();
    return;
  }
  if (IsOrdering(binary.op) && (!a.is_ordered() || !b.is_ordered()) && a.kind() == b.kind()) {
    diag::Diagnostic d = Make(Code::kNotComparable, binary.op_range,
                              "values of type " + a.ToString() + " cannot be ordered");
    d.help = a.kind() == TypeKind::kBool ? "booleans can only be compared with == and !="
                                         : "only numbers, dates and strings can be ordered";
    info.type = Fail(std::move(d));
    return;
  }
  info.type =
      Comparable(lhs, rhs, binary.op_range, Code::kTypeMismatch) ? Type::Bool() : Type::Error();
}

Type ExprChecker::CompareDuration(const ast::Expr& date, ast::BinaryOp op, ExprInfo& info) {
  // language.md Decision 8: a date compared with a duration compares its age, for all six
  // operators: `d < D` means "less than D ago", i.e. `d > as_of - D`, and `d == D` is
  // `d == as_of - D` (Mirror leaves == and != as they are).
  info.desugar = Desugar::kRecency;
  info.date_side = date.id;
  info.recency_op = Mirror(op);
  return Type::Bool();
}

bool ExprChecker::DayCountsComparable(const ast::Expr& lhs, const ast::Expr& rhs, ast::BinaryOp op,
                                      diag::SourceRange at) {
  bool both = TypeOf(lhs).kind() == TypeOf(rhs).kind();
  bool lhs_calendar = both && IsCalendar(lhs), rhs_calendar = both && IsCalendar(rhs);
  if (both && !lhs_calendar && !rhs_calendar) return true;
  if (!both) {
    bool lhs_duration = TypeOf(lhs).kind() == TypeKind::kDuration;
    const ast::Expr& duration = lhs_duration ? lhs : rhs;
    const ast::Expr& other = lhs_duration ? rhs : lhs;
    diag::Diagnostic d = Make(Code::kDurationNeedsDate, at,
                              "duration " + Show(duration) + " compared with " + Show(other) +
                                  ", which is " + Described(TypeOf(other)));
    d.help = TypeOf(other).is_numeric()
                 ? "durations compare with dates (`last_purchase < 90d`); to compare numbers, "
                   "drop the unit"
                 : "durations compare with dates (`last_purchase < 90d`)";
    if (DateDifference(duration) != nullptr) {
      d.help = IsNumberLiteral(other) ? "a date difference is a duration: give the number a "
                                        "unit, `" +
                                            std::string(ctx_.sources.Text(other.range)) + "d`"
                                      : "a date difference is a duration: compare it with a "
                                        "duration (`365d`)";
    }
    Fail(std::move(d));
    return false;
  }
  // Months and years are not a fixed number of days (language.md Decision 9).
  const ast::Expr& calendar = lhs_calendar ? lhs : rhs;
  const ast::Expr& other = lhs_calendar ? rhs : lhs;
  diag::Diagnostic d = Make(Code::kDurationNeedsDate, at,
                            "cannot compare " + Show(other) + " with " + Show(calendar) +
                                ": months and years are not a fixed number of days");
  d.help = CalendarHelp(other, calendar, lhs_calendar ? Mirror(op) : op);
  Fail(std::move(d));
  return false;
}

std::string ExprChecker::CalendarHelp(const ast::Expr& days, const ast::Expr& calendar,
                                      ast::BinaryOp op) const {
  // `last - first >= 1y` is `last >= first + 1y` in calendar arithmetic.
  const ast::Binary* difference = DateDifference(days);
  if (difference == nullptr) {
    return "compare with days or weeks (`180d`), or compare the dates themselves";
  }
  static const char* const kSpelling[] = {"==", "!=", "<", "<=", ">", ">="};
  auto text = [&](const ast::Expr& e) { return std::string(ctx_.sources.Text(e.range)); };
  return "compare the dates instead: `" + text(*difference->lhs) + " " +
         kSpelling[static_cast<int>(op) - static_cast<int>(ast::BinaryOp::kEq)] + " " +
         text(*difference->rhs) + " + " + text(calendar) + "`";
}

const ast::Binary* ExprChecker::DateDifference(const ast::Expr& expr) const {
  const auto* binary = std::get_if<ast::Binary>(&expr.kind);
  if (binary == nullptr || binary->op != ast::BinaryOp::kSub) return nullptr;
  return ctx_.Info(binary->lhs->id).type.kind() == TypeKind::kDate ? binary : nullptr;
}

bool ExprChecker::IsCalendar(const ast::Expr& duration) const {
  return IsCalendarIn(unit_, duration);
}

bool ExprChecker::IsCalendarIn(const Unit& unit, const ast::Expr& duration) const {
  if (const auto* lit = std::get_if<ast::DurationLit>(&duration.kind)) {
    return lit->unit == ast::DurationUnit::kMonths || lit->unit == ast::DurationUnit::kYears;
  }
  if (const auto* unary = std::get_if<ast::Unary>(&duration.kind)) {
    return IsCalendarIn(unit, *unary->operand);
  }
  // Follow params (their default; the lowering checks --param values) and lets, also through a
  // module member, to the duration literal they hold.
  const ExprInfo& info = ctx_.Info(duration.id);
  const Unit* owner = &unit;
  if (info.symbol.kind == Symbol::Kind::kMember) {
    uint32_t module = unit.imports[info.symbol.import].unit;
    if (module == kNone) return false;
    owner = ctx_.project.units[module].get();
  } else if (info.symbol.kind != Symbol::Kind::kDecl) {
    return false;
  }
  const DeclInfo& decl = owner->decls[info.symbol.index];
  if (decl.in_cycle) return false;
  if (decl.kind == DeclKind::kParam) {
    return IsCalendarIn(*owner, *std::get<ast::ParamDecl>(decl.ast->kind).value);
  }
  if (decl.kind == DeclKind::kLet) {
    return IsCalendarIn(*owner, *std::get<ast::LetDecl>(decl.ast->kind).value);
  }
  return false;
}

bool ExprChecker::Comparable(const ast::Expr& lhs, const ast::Expr& rhs, diag::SourceRange at,
                             Code code) {
  const Type& a = TypeOf(lhs);
  const Type& b = TypeOf(rhs);
  if (a.is_error() || b.is_error()) return false;
  if (a.ComparableWith(b)) {
    if (!a.values().empty() && std::holds_alternative<ast::StringLit>(rhs.kind)) {
      return CheckValueInSet(lhs, rhs);
    }
    if (!b.values().empty() && std::holds_alternative<ast::StringLit>(lhs.kind)) {
      return CheckValueInSet(rhs, lhs);
    }
    return true;
  }
  bool in_list = code == Code::kInListMismatch;
  diag::Diagnostic d =
      in_list ? Make(code, rhs.range,
                     "list item " + Show(rhs) + " is " + Described(b) + ", but " + Show(lhs) +
                         " is " + Described(a))
              : Make(code, at, "cannot compare " + Described(a) + " with " + Described(b));
  if (!in_list)
    d.label = Show(lhs) + " is " + Described(a) + ", " + Show(rhs) + " is " + Described(b);
  const ast::Expr& string_side = a.is_stringlike() ? lhs : rhs;
  const ast::Expr& other_side = a.is_stringlike() ? rhs : lhs;
  const auto* lit = std::get_if<ast::StringLit>(&string_side.kind);
  const Type& other = TypeOf(other_side);
  if (lit != nullptr && other.is_numeric() && ParsesAsNumber(lit->value)) {
    d.help = "remove the quotes to compare numbers: `" + lit->value + "`";
  } else if (a.is_stringlike() != b.is_stringlike() && other.is_numeric() &&
             IsNumberLiteral(other_side)) {
    d.help = "quote the number to compare strings: `\"" +
             std::string(ctx_.sources.Text(other_side.range)) + "\"`";
  } else if ((a.kind() == TypeKind::kDate && b.is_numeric()) ||
             (b.kind() == TypeKind::kDate && a.is_numeric())) {
    d.help = DateNumberHelp(lhs, rhs, at);
  } else if (lit != nullptr && other.kind() == TypeKind::kDate) {
    d.help = "write dates without quotes: `2026-01-31`";
  } else if (lit != nullptr && other.kind() == TypeKind::kBool) {
    d.help = "write `true` or `false` without quotes";
  } else {
    d.help = "compare values of the same type (int and float mix)";
  }
  Fail(std::move(d));
  return false;
}

std::string ExprChecker::DateNumberHelp(const ast::Expr& lhs, const ast::Expr& rhs,
                                        diag::SourceRange op) const {
  bool date_left = ctx_.Info(lhs.id).type.kind() == TypeKind::kDate;
  std::string date(ctx_.sources.Text((date_left ? lhs : rhs).range));
  std::string fallback = "compare `days_since(" + date + ")` with numbers, or the date with a date";
  if (!date_left || !IsNumberLiteral(rhs)) return fallback;
  static const std::pair<std::string_view, const char*> kReadings[] = {
      {"<", "less than"}, {"<=", "at most"}, {">", "more than"}, {">=", "at least"}};
  std::string_view op_text = ctx_.sources.Text(op);
  std::string n(ctx_.sources.Text(rhs.range));
  for (const auto& [spelling, reading] : kReadings) {
    if (spelling != op_text) continue;
    return "give the number a unit: `" + date + " " + std::string(op_text) + " " + n +
           "d` reads \"" + reading + " " + n + " days ago\"; or " + fallback;
  }
  return fallback;
}

bool ExprChecker::CheckValueInSet(const ast::Expr& set_side, const ast::Expr& literal) {
  const Type& type = TypeOf(set_side);
  const std::string& value = std::get<ast::StringLit>(literal.kind).value;
  if (ValueSet{"", type.values()}.Contains(value)) return true;
  bool is_enum = type.kind() == TypeKind::kEnum;
  diag::Diagnostic d =
      is_enum ? Make(Code::kUnknownEnumValue, literal.range,
                     "\"" + value + "\" is not a value of enum " + Quote(type.owner()))
              : Make(Code::kUnknownClassLabel, literal.range,
                     "\"" + value + "\" is not a label of classify " + Quote(type.owner()));
  std::vector<std::string> best = diag::ClosestNames(value, type.values());
  if (!best.empty()) {
    d.help = "did you mean \"" + best[0] + "\"?";
  } else {
    d.help = is_enum ? "the values are:" : "the labels are:";
    for (size_t i = 0; i < type.values().size(); ++i) {
      d.help += (i ? ", \"" : " \"") + type.values()[i] + "\"";
    }
  }
  Fail(std::move(d));
  return false;
}

}  // namespace segc::sema::detail
