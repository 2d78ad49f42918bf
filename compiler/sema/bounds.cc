// Interval arithmetic over expressions, for W0302/W0303.
#include "compiler/sema/detail/bounds.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "compiler/sema/detail/contradiction.h"

namespace segc::sema::detail {
namespace {

using stdlib::BuiltinId;

Bounds Exact(double value) { return {value, value}; }

Bounds Add(Bounds a, Bounds b) { return {a.low + b.low, a.high + b.high}; }

Bounds Negate(Bounds a) { return {-a.high, -a.low}; }

Bounds Scale(Bounds a, double k) {
  if (k == 0) return Exact(0);
  double x = a.low * k, y = a.high * k;
  return {std::min(x, y), std::max(x, y)};
}

Bounds Hull(Bounds a, Bounds b) { return {std::min(a.low, b.low), std::max(a.high, b.high)}; }

class BoundsEval {
 public:
  BoundsEval(Context& ctx, const Unit& unit) : ctx_(ctx), unit_(unit) {}

  Bounds Eval(const ast::Expr& expr) {
    const ExprInfo& info = ctx_.Info(expr.id);
    if (info.number) return Exact(*info.number);
    if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
      return unary->op == ast::UnaryOp::kNeg ? Negate(Eval(*unary->operand)) : Bounds{};
    }
    if (const auto* binary = std::get_if<ast::Binary>(&expr.kind)) return Binary(*binary);
    if (const auto* call = std::get_if<ast::Call>(&expr.kind)) return Call(info, *call);
    if (info.symbol.kind == Symbol::Kind::kDecl) return Decl(unit_.decls[info.symbol.index]);
    return {};
  }

 private:
  Bounds Binary(const ast::Binary& binary) {
    Bounds a = Eval(*binary.lhs), b = Eval(*binary.rhs);
    switch (binary.op) {
      case ast::BinaryOp::kAdd:
        return Add(a, b);
      case ast::BinaryOp::kSub:
        return Add(a, Negate(b));
      case ast::BinaryOp::kMul:
        if (a.low == a.high) return Scale(b, a.low);
        if (b.low == b.high) return Scale(a, b.low);
        return {};
      default:
        return {};
    }
  }

  Bounds Call(const ExprInfo& info, const ast::Call& call) {
    if (info.symbol.kind != Symbol::Kind::kBuiltin || info.desugar != Desugar::kNone) return {};
    std::vector<Bounds> args;
    for (const ast::ExprPtr& arg : call.args) args.push_back(Eval(*arg));
    switch (static_cast<BuiltinId>(info.symbol.index)) {
      case BuiltinId::kMin:
        return Fold(args, [](double x, double y) { return std::min(x, y); });
      case BuiltinId::kMax:
        return Fold(args, [](double x, double y) { return std::max(x, y); });
      case BuiltinId::kClamp:
        return {std::max(args[0].low, args[1].low), std::min(args[0].high, args[2].high)};
      case BuiltinId::kAbs:
        return {args[0].low > 0 ? args[0].low : 0,
                std::max(std::fabs(args[0].low), std::fabs(args[0].high))};
      case BuiltinId::kRound:
      case BuiltinId::kFloor:
      case BuiltinId::kCeil:
        return {args[0].low - 1, args[0].high + 1};
      case BuiltinId::kNtile:
        return {1, args[0].high};
      case BuiltinId::kCumshare:
      case BuiltinId::kPercentRank:
        return {0, 1};
      default:
        return {};
    }
  }

  template <class F>
  static Bounds Fold(const std::vector<Bounds>& args, F pick) {
    Bounds result = args[0];
    for (const Bounds& arg : args)
      result = {pick(result.low, arg.low), pick(result.high, arg.high)};
    return result;
  }

  Bounds Decl(const DeclInfo& decl) {
    if (decl.kind != DeclKind::kScore || decl.in_cycle) return {};
    const auto& score = std::get<ast::ScoreDecl>(decl.ast->kind);
    if (score.range) return {score.range->low, score.range->high};
    return {decl.min_points, decl.max_points};
  }

  Context& ctx_;
  const Unit& unit_;
};

}  // namespace

bool Bounds::finite() const { return std::isfinite(low) && std::isfinite(high); }

Bounds BoundsOf(Context& ctx, const Unit& unit, const ast::Expr& expr) {
  return BoundsEval(ctx, unit).Eval(expr);
}

namespace {

// Pairwise checks of the `when` conditions stay cheap up to this many conditional rules.
constexpr size_t kMaxBandRules = 64;

// Whether no two `when` conditions of `score` can hold on one row (the fixed-threshold bands
// `+1 when x < 10  +2 when x >= 10 and x < 100 ...`): then at most one of them adds its points.
bool ExclusiveBands(Context& ctx, const ast::ScoreDecl& score) {
  std::vector<const ast::Expr*> conditions;
  for (const ast::ScoreRule& rule : score.rules) {
    if (rule.when) conditions.push_back(rule.when.get());
  }
  if (conditions.size() < 2 || conditions.size() > kMaxBandRules) return false;
  for (size_t i = 0; i < conditions.size(); ++i) {
    for (size_t j = i + 1; j < conditions.size(); ++j) {
      if (!CannotBothHold(ctx, *conditions[i], *conditions[j])) return false;
    }
  }
  return true;
}

}  // namespace

Bounds ScoreBounds(Context& ctx, const Unit& unit, const ast::ScoreDecl& score) {
  if (score.expr) return BoundsOf(ctx, unit, *score.expr);
  const bool exclusive = ExclusiveBands(ctx, score);
  Bounds sum = Exact(0);
  Bounds one_band = Exact(0);  // exclusive bands: 0 (no band) or one band's points
  for (const ast::ScoreRule& rule : score.rules) {
    Bounds points = Scale(BoundsOf(ctx, unit, *rule.points), rule.sign);
    if (!rule.when) {
      sum = Add(sum, points);
    } else if (exclusive) {
      one_band = Hull(one_band, points);
    } else {
      sum = Add(sum, Hull(points, Exact(0)));  // a false condition adds 0 (LANGUAGE.md §4)
    }
  }
  return Add(sum, one_band);
}

}  // namespace segc::sema::detail
