// Declarations: params, lets, segments, scores, classifies, measures and import bindings
// (E0202, E0209-E0212, E0215).
#include <cmath>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/expr_checker.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

/// A param value: a literal, possibly negated (design-decisions.md).
bool IsLiteral(const ast::Expr& expr) {
  if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
    return unary->op == ast::UnaryOp::kNeg && IsLiteral(*unary->operand);
  }
  return std::visit(ast::Overloaded{
                        [](const ast::IntLit&) { return true; },
                        [](const ast::FloatLit&) { return true; },
                        [](const ast::PercentLit&) { return true; },
                        [](const ast::StringLit&) { return true; },
                        [](const ast::BoolLit&) { return true; },
                        [](const ast::DateLit&) { return true; },
                        [](const ast::DurationLit&) { return true; },
                        [](const auto&) { return false; },
                    },
                    expr.kind);
}

class DeclChecker {
 public:
  DeclChecker(Context& ctx, uint32_t unit)
      : ctx_(ctx), unit_(*ctx.project.units[unit]), exprs_(ctx, unit) {}

  void Run() {
    for (uint32_t index : unit_.order) Check(unit_.decls[index]);
  }

  /// Types a param value; reports E0210 when it is not a literal.
  Type Param(const ast::Expr& value, const std::string& what) {
    if (!IsLiteral(value)) {
      diag::Diagnostic d = Make(Code::kInvalidParamValue, value.range,
                                what + " must be a literal, but " + exprs_.Show(value) + " is not");
      d.help =
          "write a number, percent, string, date, duration or true/false; use `let` for "
          "expressions";
      ctx_.Report(std::move(d));
      return Type::Error();
    }
    return exprs_.Check(value).type;
  }

  ExprChecker& exprs() { return exprs_; }

 private:
  void Check(DeclInfo& decl) {
    std::visit(
        ast::Overloaded{
            [&](const ast::ParamDecl& p) {
              decl.type = Param(*p.value, "the value of param " + Quote(p.name.name));
            },
            [&](const ast::LetDecl& let) { decl.type = exprs_.Check(*let.value).type; },
            [&](const ast::SegmentDecl& segment) { Segment(segment); },
            [&](const ast::ScoreDecl& score) { decl.type = Score(score); },
            [&](const ast::ClassifyDecl& classify) { Classify(classify); },
            [&](const ast::MeasureDecl& measure) { decl.type = Measure(measure); },
            [&](const ast::AudienceDecl& a) {
              exprs_.CheckCondition(*a.segment, "the segment of audience " + Quote(a.name.name));
            },
            [&](const ast::SplitDecl& s) {
              exprs_.CheckCondition(*s.segment, "the segment of split " + Quote(s.name.name));
            },
            [](const auto&) {},
        },
        decl.ast->kind);
    if (decl.in_cycle) decl.type = Type::Error();
  }

  void Segment(const ast::SegmentDecl& segment) {
    exprs_.CheckCondition(*segment.where, "the condition of segment " + Quote(segment.name.name));
    if (segment.expect) ExpectSize(*segment.expect);
  }

  void ExpectSize(const ast::ExpectSize& expect) {
    for (const ast::SizeBound* bound : {&expect.low, &expect.high}) {
      if (bound->percent && bound->value > 1.0) {
        diag::Diagnostic d = Make(
            Code::kInvalidExpectSize, bound->range,
            "expected size " + NumberText(bound->value * 100) + "% is more than 100% of the rows");
        d.help = "percent bounds go from 0% to 100%";
        ctx_.Report(std::move(d));
        return;
      }
    }
    if (expect.low.percent == expect.high.percent && expect.low.value > expect.high.value) {
      diag::Diagnostic d = Make(Code::kInvalidExpectSize, expect.range,
                                "expect size bounds are reversed: the low bound is above the high "
                                "bound");
      d.help = "write the smaller bound first: `between " +
               std::string(ctx_.sources.Text(expect.high.range)) + " and " +
               std::string(ctx_.sources.Text(expect.low.range)) + "`";
      ctx_.Report(std::move(d));
    }
  }

  Type Score(const ast::ScoreDecl& score) {
    if (score.range && !(score.range->low < score.range->high)) {
      diag::Diagnostic d = Make(Code::kInvalidRange, score.range->range,
                                "score range " + NumberText(score.range->low) + ".." +
                                    NumberText(score.range->high) + " is empty or reversed");
      d.help = "write the lower bound first: `range LO..HI` with LO < HI";
      ctx_.Report(std::move(d));
    }
    if (score.expr) return Points(*score.expr, "the value of score " + Quote(score.name.name));
    Type result = Type::Int();
    for (const ast::ScoreRule& rule : score.rules) {
      Type points = Points(*rule.points, "the points of score " + Quote(score.name.name));
      if (rule.when) exprs_.CheckCondition(*rule.when, "the condition of a score rule");
      result = points.is_error() ? result : CommonNumeric(result, points);
    }
    return result;
  }

  Type Points(const ast::Expr& expr, const std::string& what) {
    const ExprInfo& info = exprs_.Check(expr);
    if (info.type.is_error() || info.type.is_numeric()) return info.type;
    diag::Diagnostic d =
        Make(Code::kScoreNotNumeric, expr.range,
             what + " must be a number, but " + exprs_.Show(expr) + " is " + Described(info.type));
    d.help = info.type.kind() == TypeKind::kBool
                 ? "to add points when a condition holds, write `+10 when " +
                       std::string(ctx_.sources.Text(expr.range)) + "`"
                 : "score points must be numbers";
    ctx_.Report(std::move(d));
    return Type::Error();
  }

  void Classify(const ast::ClassifyDecl& classify) {
    for (const ast::ClassifyArm& arm : classify.arms) {
      if (arm.when) {
        exprs_.CheckCondition(*arm.when, "the condition of label \"" + arm.label.name + "\"");
      }
    }
  }

  /// `measure NAME = AGG(arg [where filter])` (E0140, E0141, E0203, E0240). Its type is float
  /// (never read by expressions: a measure is not a row value, E0216).
  Type Measure(const ast::MeasureDecl& m) {
    const std::string what = "measure " + Quote(m.name.name);
    if (m.aggregate.name.empty()) {
      diag::Diagnostic d = Make(Code::kMeasureNotAggregate, m.value_range,
                                what + " must aggregate the rows of each segment");
      const auto* call = std::get_if<ast::Call>(&m.args[0]->kind);
      if (call != nullptr && call->among != nullptr) {
        d.help =
            "a measure is reported for every segment already; to fold some rows only, "
            "filter inside the call: `" +
            call->callee.name + "(... where " + std::string(ctx_.sources.Text(call->among->range)) +
            ")`";
      } else {
        d.help = "write one of sum, mean, min, max or count around a per-row expression: `sum(" +
                 std::string(ctx_.sources.Text(m.value_range)) + ")`";
      }
      ctx_.Report(std::move(d));
      return Type::Error();
    }
    std::optional<MeasureAggregate> fn = FindMeasureAggregate(m.aggregate.name);
    if (!fn) {
      UnknownAggregate(m, what);
      return Type::Error();
    }
    if (m.args.size() != 1) {
      diag::Diagnostic d = Make(
          Code::kWrongArgumentCount, m.value_range,
          Quote(m.aggregate.name) + " in " + what + " takes one argument, the value of each row");
      d.help = "combine values per row first: `" + m.aggregate.name + "(a + b)`";
      ctx_.Report(std::move(d));
      return Type::Error();
    }
    bool ok = MeasureArgument(*fn, *m.args[0], Quote(m.aggregate.name) + " in " + what);
    if (m.filter) exprs_.CheckCondition(*m.filter, "the filter of " + what);
    return ok ? Type::Float() : Type::Error();
  }

  void UnknownAggregate(const ast::MeasureDecl& m, const std::string& what) {
    static const std::pair<const char*, const char*> kSynonyms[] = {
        {"avg", "mean"},    {"average", "mean"}, {"total", "sum"},
        {"minimum", "min"}, {"maximum", "max"},  {"n", "count"}};
    diag::Diagnostic d = Make(Code::kUnknownMeasureAggregate, m.aggregate.range,
                              "unknown aggregator " + Quote(m.aggregate.name) + " in " + what);
    d.label = "not an aggregator";
    for (const auto& [word, meant] : kSynonyms) {
      if (m.aggregate.name == word) d.help = "did you mean '" + std::string(meant) + "'?";
    }
    if (d.help.empty()) d.help = diag::DidYouMean(m.aggregate.name, MeasureAggregateNames());
    if (d.help.empty()) d.help = "the aggregators of a measure are sum, mean, min, max and count";
    ctx_.Report(std::move(d));
  }

  /// sum and mean take numbers or booleans (true counts 1), min and max numbers; count takes
  /// any value (it counts the rows where it is not null, or true for a boolean).
  bool MeasureArgument(MeasureAggregate fn, const ast::Expr& arg, const std::string& what) {
    const ExprInfo& info = exprs_.Check(arg);
    const Type& type = info.type;
    if (type.is_error()) return false;
    bool is_bool = type.kind() == TypeKind::kBool;
    bool ok = fn == MeasureAggregate::kCount ||
              (fn == MeasureAggregate::kSum || fn == MeasureAggregate::kMean
                   ? type.is_numeric() || is_bool
                   : type.is_numeric());
    if (ok) return true;
    diag::Diagnostic d = Make(Code::kMeasureArgumentType, arg.range,
                              "the argument of " + what + " must be a number, but " +
                                  exprs_.Show(arg) + " is " + Described(type));
    d.help = is_bool ? "count the rows where it holds with `count(" +
                           std::string(ctx_.sources.Text(arg.range)) +
                           ")`, or take its share with `mean(...)`"
             : type.kind() == TypeKind::kDate
                 ? "measure a number of days: `days_since(" +
                       std::string(ctx_.sources.Text(arg.range)) + ")`"
                 : "count the rows that have a value with `count(" +
                       std::string(ctx_.sources.Text(arg.range)) + ")`";
    ctx_.Report(std::move(d));
    return false;
  }

  Context& ctx_;
  Unit& unit_;
  ExprChecker exprs_;
};

}  // namespace

std::string NumberText(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void TypeCheckUnit(Context& ctx, uint32_t unit) { DeclChecker(ctx, unit).Run(); }

void CheckBindings(Context& ctx, uint32_t unit_index) {
  Unit& unit = *ctx.project.units[unit_index];
  DeclChecker checker(ctx, unit_index);
  for (const Import& import : unit.imports) {
    if (import.unit == kNone) continue;
    const Unit& module = *ctx.project.units[import.unit];
    for (const ast::Binding& binding : import.ast->bindings) {
      uint32_t decl = module.Find(binding.name.name);
      auto bound = decl == kNone ? import.bindings.end() : import.bindings.find(decl);
      if (bound == import.bindings.end() || bound->second != binding.value.get()) continue;
      const DeclInfo& target = module.decls[decl];
      bool param = target.kind == DeclKind::kParam;
      Type type = param ? checker.Param(*binding.value,
                                        "the value bound to param " + Quote(binding.name.name))
                        : checker.exprs().Check(*binding.value).type;
      if (type.is_error() || target.type.is_error()) continue;
      bool ok = target.type.kind() == TypeKind::kFloat ? type.is_numeric()
                : target.type.kind() == TypeKind::kEnum || target.type.kind() == TypeKind::kString
                    ? type.is_stringlike()
                    : type.kind() == target.type.kind();
      if (ok) continue;
      diag::Diagnostic d =
          Make(Code::kInputTypeMismatch, binding.value->range,
               std::string(param ? "param " : "input ") + Quote(binding.name.name) + " of module " +
                   Quote(module.name) + " is " + Described(target.type) + ", but " +
                   checker.exprs().Show(*binding.value) + " is " + Described(type));
      d.secondary.push_back({target.name_range, "declared here"});
      d.help = "bind it to " + Described(target.type) + " of your table";
      ctx.Report(std::move(d));
    }
    // Defaults of the inputs the import left unbound (literals, so checked anywhere).
    for (const auto& [decl, value] : import.bindings) {
      const DeclInfo& target = module.decls[decl];
      if (target.kind != DeclKind::kInput) continue;
      const auto& input = std::get<ast::InputDecl>(target.ast->kind);
      if (value != input.fallback.get()) continue;
      Type type = checker.exprs().Check(*value).type;
      if (type.is_error() || target.type.is_error()) continue;
      bool ok = target.type.kind() == TypeKind::kFloat ? type.is_numeric()
                : target.type.kind() == TypeKind::kEnum || target.type.kind() == TypeKind::kString
                    ? type.is_stringlike()
                    : type.kind() == target.type.kind();
      if (ok) continue;
      diag::Diagnostic d = Make(Code::kInputTypeMismatch, value->range,
                                "the default of input " + Quote(target.name) + " is " +
                                    Described(type) + ", not " + Described(target.type));
      ctx.Report(std::move(d));
    }
  }
}

}  // namespace segc::sema::detail
