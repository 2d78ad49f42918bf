// Private: the expression type checker (split over typecheck_expr/_compare/_call.cc).
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {

/// `a OP b` ≡ `b Mirror(OP) a` for the ordering operators; other operators are symmetric.
inline ast::BinaryOp Mirror(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kLt:
      return ast::BinaryOp::kGt;
    case ast::BinaryOp::kLe:
      return ast::BinaryOp::kGe;
    case ast::BinaryOp::kGt:
      return ast::BinaryOp::kLt;
    case ast::BinaryOp::kGe:
      return ast::BinaryOp::kLe;
    default:
      return op;
  }
}

/// Types expressions of one unit bottom-up into the side table. Reports only root causes: an
/// operand that already has kError makes the parent kError without a new diagnostic.
class ExprChecker {
 public:
  ExprChecker(Context& ctx, uint32_t unit) : ctx_(ctx), unit_(*ctx.project.units[unit]) {}

  /// Types `expr` (and its children) and returns its side-table entry.
  const ExprInfo& Check(const ast::Expr& expr);
  /// Types a condition (segment where, rule/arm when, and/or/not operand): must be bool (E0202).
  /// `what` names the context for the message ("the condition of segment 'X'").
  Type CheckCondition(const ast::Expr& expr, const std::string& what);

  /// The source text of an expression, quoted, or "this expression" when it is long.
  std::string Show(const ast::Expr& expr) const;

 private:
  // typecheck_expr.cc
  void CheckKind(const ast::Expr& expr, ExprInfo& info);
  void Name(const ast::Expr& expr, ExprInfo& info);
  void Member(const ast::Expr& expr, ExprInfo& info);
  void FromDecl(const DeclInfo& decl, ExprInfo& info);
  void Unary(const ast::Expr& expr, const ast::Unary& unary, ExprInfo& info);
  void Arithmetic(const ast::Binary& binary, ExprInfo& info);
  void Logical(const ast::Logical& logical, ExprInfo& info);
  void LonePercentile(const ast::Expr& expr, const ast::PercentileRef& ref);
  void Ago(const ast::Expr& expr, const ast::Ago& ago, ExprInfo& info);
  Type Fail(diag::Diagnostic d);

  // typecheck_compare.cc
  void Compare(const ast::Expr& expr, const ast::Binary& binary, ExprInfo& info);
  void Between(const ast::Expr& expr, const ast::Between& between, ExprInfo& info);
  void InList(const ast::Expr& expr, const ast::InList& in, ExprInfo& info);
  void Within(const ast::Expr& expr, const ast::Within& within, ExprInfo& info);
  /// Types `operand`; a `pNN` operand borrows `other` (LANGUAGE.md §5: x OP pNN).
  const ExprInfo& Operand(const ast::Expr& operand, const ast::Expr* other);
  bool Borrow(const ast::Expr& ref, const ast::Expr* other);
  /// Checks that a == / in / ordering operand pair is comparable; reports E0201/E0111/E0112.
  bool Comparable(const ast::Expr& lhs, const ast::Expr& rhs, diag::SourceRange at,
                  diag::Code code);
  bool CheckValueInSet(const ast::Expr& set_side, const ast::Expr& literal);
  /// Help for `last_purchase < 90`: a unit turns the number into "days ago".
  std::string DateNumberHelp(const ast::Expr& lhs, const ast::Expr& rhs,
                             diag::SourceRange op) const;
  /// `date OP duration` (OP already normalised to the date on the left): the recency desugaring.
  Type CompareDuration(const ast::Expr& date, ast::BinaryOp op, ExprInfo& info);
  /// True when two durations may be compared as day counts (`last - first > 365d`); otherwise
  /// reports E0206 (a duration against a non-date, or months/years against a day count).
  bool DayCountsComparable(const ast::Expr& lhs, const ast::Expr& rhs, ast::BinaryOp op,
                           diag::SourceRange at);
  /// Help for a day count compared with months/years: the date arithmetic that says it.
  std::string CalendarHelp(const ast::Expr& days, const ast::Expr& calendar,
                           ast::BinaryOp op) const;
  /// `expr` as `date - date`, or nullptr.
  const ast::Binary* DateDifference(const ast::Expr& expr) const;
  /// A duration in months or years: a literal, or a param/let (of `unit`) holding one.
  bool IsCalendar(const ast::Expr& duration) const;
  bool IsCalendarIn(const Unit& unit, const ast::Expr& duration) const;

  // typecheck_unordered.cc: E0217 for ordering on enum values and classify labels.
  /// True (and reported) when `lhs OP rhs` orders an enum or label value.
  bool RefuseOrdering(const ast::Expr& lhs, const ast::Expr& rhs, ast::BinaryOp op,
                      diag::SourceRange at);
  /// True (and reported) when `between` is applied to an enum or label value.
  bool RefuseOrderedBetween(const ast::Between& between, diag::SourceRange at);
  /// Reports E0217 with an `in (...)` help listing the values [span) in declared order.
  void Unordered(const ast::Expr& set_side, std::optional<std::pair<size_t, size_t>> span,
                 diag::SourceRange at);

  // typecheck_aggregate.cc
  void AggregateCall(const ast::Expr& expr, const ast::Call& call, ExprInfo& info);
  /// True when `expr` reads only the event table's columns, params and constants (E0231).
  bool EventPure(const ast::Expr& expr, const EventSchema& events);

  // typecheck_call.cc
  void Call(const ast::Expr& expr, const ast::Call& call, ExprInfo& info);
  Type CallResult(const ast::Expr& expr, const ast::Call& call, const stdlib::BuiltinInfo& fn,
                  ExprInfo& info);
  bool ArgCount(const ast::Call& call, const stdlib::BuiltinInfo& fn, diag::SourceRange at);
  /// Whether a call can be null, from the row's null policy and its arguments.
  bool NeverNull(const ast::Call& call, const stdlib::BuiltinInfo& fn) const;
  bool ArgIs(const ast::Call& call, size_t index, bool ok, const std::string& expected);
  Type StatisticArg(const ast::Call& call, size_t index, bool allow_date);
  bool ConstantArg(const ast::Call& call, size_t index, double low, double high, bool integer,
                   const std::string& what);
  Type CommonArgs(const ast::Call& call, bool allow_date, bool allow_any);
  /// The pattern of `matches`: a constant string that RE2 compiles (E0214, E0204).
  bool MatchesPattern(const ast::Expr& arg);
  /// The string literal `expr` stands for (itself, or the value of a param or let naming one),
  /// or nullptr when it is not a constant.
  const ast::Expr* ConstantString(const ast::Expr& expr) const;

  const Type& TypeOf(const ast::Expr& expr) { return ctx_.Info(expr.id).type; }
  /// An example column for help texts (`p90(cltv)`): the first numeric column or input.
  std::string ExampleColumn() const;
  /// What a stray `pNN` should take the percentile of: the other side of the enclosing
  /// comparison when it is a numeric or date column expression, else ExampleColumn().
  std::string PercentileSubject() const;
  /// Check(expr) with `partner` as the other side of the enclosing comparison.
  const ExprInfo& CheckBeside(const ast::Expr& expr, const ast::Expr* partner);

  Context& ctx_;
  Unit& unit_;
  const ast::Expr* partner_ = nullptr;  ///< the other side of the comparison being checked
  std::unordered_set<ast::NodeId> bad_patterns_;  ///< invalid patterns already reported
};

}  // namespace segc::sema::detail
