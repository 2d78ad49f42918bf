// LowerContext: state of one lowering run (internal to compiler/ir).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/ir/builder.h"
#include "compiler/ir/lower.h"
#include "stdlib/builtins.h"

namespace segc::ir::detail {

/// A lowered duration: calendar months (a constant) or a day count (an int value).
struct Duration {
  bool calendar = false;
  int64_t months = 0;
  ValueId days = kNoValue;
};

/// What a constant argument must be: `what` names it in messages ("the number of tiles of
/// 'ntile'"); the value must lie in [low, high], and be integral when `integer`.
struct ConstantRule {
  const char* what;
  double low;
  double high;
  bool integer;
};

/// Walks the checked AST of one instance at a time and emits IR through a Builder.
/// Errors are reported through `status` (the first one wins); lowering continues with nulls.
class LowerContext {
 public:
  LowerContext(const sema::CheckedProject& project, const LowerOptions& options, Program& program);

  /// Lowers all declarations in project order and records the outputs.
  Status Run();

  // ---- expressions (lower_expr.cc) ----
  /// The evaluation date as a date value. Every use of as_of goes through here (the recency
  /// desugaring, `ago`, `within` and the functions that read the date), so that how the date
  /// reaches the kernels is decided in one place.
  ValueId AsOf();
  ValueId Expr(const ast::Expr& expr, uint32_t instance);
  Duration DurationOf(const ast::Expr& expr, uint32_t instance);
  /// as_of + sign * duration as a date value.
  ValueId Shift(ValueId date, const Duration& duration, int sign);
  ValueId Compare(ast::BinaryOp op, ValueId a, ValueId b);
  /// -value, folded for constants.
  ValueId Negate(ValueId value);

  // ---- calls and statistics (lower_call.cc) ----
  /// A call, lowered as its stdlib/builtins.def row says (Lowering, Implicit).
  ValueId Call(const ast::Expr& expr, const ast::Call& call, uint32_t instance);
  /// `stat(...) among P`: kIsTrue of the population, or kNoValue when there is none or it is the
  /// constant true (then the statistic is the plain one, over every row).
  ValueId Population(const ast::Call& call, uint32_t instance);
  /// A kStat node (deduplicated); `type` is the stat's own type (kFloat, or the input's for
  /// min_of / max_of).
  ValueId Stat(StatKind kind, ValueId input, double q, Type type);
  /// A kDerived node (deduplicated).
  ValueId Derived(DerivedKind kind, ValueId input, int64_t n, Type type);
  /// A kAggregate node (deduplicated) for `count(purchases where ...)`, `sum(purchases.x)`...
  ValueId Aggregate(const ast::Expr& expr, const ast::Call& call, uint32_t instance);
  /// The kColumn of column `column` of event table `table` (CheckedProject::events index).
  ValueId EventColumn(uint32_t table, uint32_t column) {
    return builder_.Column(event_inputs_[table] + column);
  }

  // ---- constant arguments (lower_constant.cc) ----
  /// The number a lowered constant expression (literals, params, arithmetic over them) has.
  std::optional<double> ConstantValue(ValueId value) const;
  /// The value of constant argument `arg` lowered to `value`, checked against `rule`; a value
  /// outside it (only a --param override can give one) fails with kInvalidArgument.
  double ConstantArg(const ast::Expr& arg, ValueId value, uint32_t instance,
                     const ConstantRule& rule);
  /// Fails with kInvalidArgument when the pattern of `matches` (lowered to `value`) is not a
  /// regular expression RE2 compiles.
  void CheckPattern(const ast::Expr& arg, ValueId value, uint32_t instance);
  /// "--param NAME=VALUE" of each overridden param `expr` uses (through lets and members).
  void OverridesIn(const ast::Expr& expr, uint32_t instance, std::vector<std::string>& out) const;
  /// The overrides `arg` uses, as a message prefix ("--param n=0: "), or "".
  std::string Culprit(const ast::Expr& arg, uint32_t instance) const;

  // ---- declarations (lower_decl.cc) ----
  /// The value a declaration of `instance` has when referenced (memoized).
  ValueId Decl(uint32_t instance, uint32_t decl);

  Builder& b() { return builder_; }
  const sema::CheckedProject& project() const { return project_; }
  const sema::ExprInfo& info(const ast::Expr& expr) const { return project_.info(expr.id); }
  const ast::Expr* FindExpr(ast::NodeId id) const;
  void Fail(Status status);
  ValueId Numeric(ValueId value, Type type) { return builder_.Cast(value, type); }
  /// The common type of numbers (int, or float if any is float) or of same-typed values.
  Type Common(const std::vector<ValueId>& values) const;

 private:
  ValueId Segment(uint32_t instance, const ast::SegmentDecl& segment);
  ValueId Score(uint32_t instance, const ast::ScoreDecl& score);
  ValueId Classify(uint32_t instance, const sema::DeclInfo& info, const ast::ClassifyDecl& cls);
  /// `split`: a classify over the key's bucket (lower_split.cc).
  ValueId Split(uint32_t instance, const sema::DeclInfo& info, const ast::SplitDecl& split);
  ValueId Param(uint32_t instance, uint32_t decl);
  ValueId Measure(uint32_t instance, const ast::MeasureDecl& measure);
  ValueId RunInputParam(const std::string& name, ValueId value);
  void IndexExprs(const ast::Expr& expr);
  void AddInputs();
  void AddOutput(const sema::DeclRef& ref, ValueId value);
  ValueId ScalarCall(const ast::Expr& expr, const ast::Call& call, uint32_t instance,
                     const stdlib::BuiltinInfo& fn, std::vector<ValueId> args);
  ValueId NonCall(const ast::Expr& expr, const ast::Call& call, uint32_t instance,
                  const stdlib::BuiltinInfo& fn, std::vector<ValueId> args);
  /// A float statistic of `input`, cast to a date when `expr` is date-typed (date percentiles).
  ValueId FloatStat(const ast::Expr& expr, StatKind kind, ValueId input, double q);

  const sema::CheckedProject& project_;
  const LowerOptions& options_;
  Program& program_;
  Builder builder_;
  Status status_;
  std::unordered_map<ast::NodeId, const ast::Expr*> exprs_;
  std::map<std::pair<uint32_t, uint32_t>, ValueId> decls_;
  std::vector<std::unique_ptr<ast::Expr>> overrides_;  ///< parsed --param values
  std::map<std::tuple<int, ValueId, double>, uint32_t> stats_;
  std::map<std::tuple<int, ValueId, int64_t>, uint32_t> derived_;
  std::map<std::tuple<int, uint32_t, ValueId, ValueId>, uint32_t> aggregates_;
  std::vector<uint32_t> event_inputs_;  ///< by event table: Program::inputs index of column 0
};

/// Parses a `--param` value written as a rule-file literal ("60d", "-3", "30%", "\"x\"").
Result<std::unique_ptr<ast::Expr>> ParseParamLiteral(const std::string& text);
/// The duration literal of a param value (`90d`, or negated: `-90d`), or nullptr.
const ast::DurationLit* DurationLiteral(const ast::Expr& expr);
/// Months and years: calendar units, not a fixed number of days.
bool IsCalendar(const ast::DurationLit& duration);

/// The IR type of a sema type (durations are int days; enums are strings).
Type IrType(const sema::Type& type);

}  // namespace segc::ir::detail
