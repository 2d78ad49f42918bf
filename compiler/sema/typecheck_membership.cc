// `between`, `in` and `within` (E0201, E0206, E0208, E0217).
#include "compiler/sema/detail/expr_checker.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool IsDuration(const Type& type) { return type.kind() == TypeKind::kDuration; }

}  // namespace

void ExprChecker::Between(const ast::Expr& expr, const ast::Between& between, ExprInfo& info) {
  const ExprInfo& value = Check(*between.value);
  const ExprInfo& low = Operand(*between.low, between.value.get());
  const ExprInfo& high = Operand(*between.high, between.value.get());
  info.row_dependent = value.row_dependent || low.row_dependent || high.row_dependent;
  if (value.type.is_error() || low.type.is_error() || high.type.is_error()) return;
  bool date = value.type.kind() == TypeKind::kDate;
  if (date && IsDuration(low.type) && IsDuration(high.type)) {
    // `d between 30d and 90d` = `d >= 30d and d <= 90d` = as_of - 90d <= d <= as_of - 30d.
    info.desugar = Desugar::kRecencyBetween;
    info.date_side = between.value->id;
    info.type = Type::Bool();
    return;
  }
  if (IsDuration(value.type) && IsDuration(low.type) && IsDuration(high.type)) {
    // `last - first between 30d and 52w`: day counts, like `>=` and `<=` (E0206 for months).
    bool ok =
        DayCountsComparable(*between.value, *between.low, ast::BinaryOp::kGe, between.low->range) &&
        DayCountsComparable(*between.value, *between.high, ast::BinaryOp::kLe, between.high->range);
    info.type = ok ? Type::Bool() : Type::Error();
    return;
  }
  if (IsDuration(low.type) || IsDuration(high.type) || IsDuration(value.type)) {
    diag::Diagnostic d =
        Make(Code::kDurationNeedsDate, expr.range,
             "'between' mixes " + Described(value.type) + " with " +
                 (IsDuration(low.type) ? Described(high.type) : Described(low.type)) +
                 " and a duration");
    d.help = date ? "write both bounds as durations (`between 30d and 90d`) or as dates"
                  : "durations compare with dates only";
    info.type = Fail(std::move(d));
    return;
  }
  if (RefuseOrderedBetween(between, expr.range)) {
    info.type = Type::Error();
    return;
  }
  if (!value.type.is_ordered()) {
    diag::Diagnostic d = Make(Code::kNotComparable, between.value->range,
                              "values of type " + value.type.ToString() + " cannot be ordered");
    d.help = "'between' works on numbers, dates and strings";
    info.type = Fail(std::move(d));
    return;
  }
  bool ok = Comparable(*between.value, *between.low, between.low->range, Code::kTypeMismatch) &&
            Comparable(*between.value, *between.high, between.high->range, Code::kTypeMismatch);
  info.type = ok ? Type::Bool() : Type::Error();
}

void ExprChecker::InList(const ast::Expr&, const ast::InList& in, ExprInfo& info) {
  const ExprInfo& value = Check(*in.value);
  info.row_dependent = value.row_dependent;
  bool ok = !value.type.is_error();
  for (const ast::ExprPtr& item : in.items) {
    const ExprInfo& checked = Check(*item);
    info.row_dependent |= checked.row_dependent;
    if (!ok || checked.type.is_error()) continue;
    bool duration = IsDuration(value.type) || IsDuration(checked.type);
    if (duration && value.type.kind() != checked.type.kind()) {
      diag::Diagnostic d = Make(Code::kInListMismatch, item->range,
                                "list item " + Show(*item) + " is " + Described(checked.type) +
                                    ", but " + Show(*in.value) + " is " + Described(value.type));
      d.help = "durations compare with dates through <, >, 'within' and 'ago'";
      ok = false;
      Fail(std::move(d));
      continue;
    }
    ok &= Comparable(*in.value, *item, item->range, Code::kInListMismatch);
  }
  info.type = ok ? Type::Bool() : Type::Error();
}

void ExprChecker::Within(const ast::Expr&, const ast::Within& within, ExprInfo& info) {
  const ExprInfo& value = Check(*within.value);
  const ExprInfo& duration = Check(*within.duration);
  info.row_dependent = value.row_dependent || duration.row_dependent;
  if (value.type.is_error() || duration.type.is_error()) return;
  if (!IsDuration(duration.type)) {
    diag::Diagnostic d = Make(Code::kTypeMismatch, within.duration->range,
                              "'within' needs a duration on its right, but " +
                                  Show(*within.duration) + " is " + Described(duration.type));
    d.help = duration.type.is_numeric()
                 ? "add a unit: `" + std::string(ctx_.sources.Text(within.duration->range)) + "d`"
                 : "write a duration: `30d`, `6mo`";
    info.type = Fail(std::move(d));
    return;
  }
  if (value.type.kind() != TypeKind::kDate) {
    diag::Diagnostic d = Make(Code::kDurationNeedsDate, within.value->range,
                              "'within' needs a date on its left, but " + Show(*within.value) +
                                  " is " + Described(value.type));
    d.help = "`d within 30d` means as_of - 30d <= d <= as_of";
    info.type = Fail(std::move(d));
    return;
  }
  info.desugar = Desugar::kWithin;
  info.type = Type::Bool();
}

}  // namespace segc::sema::detail
