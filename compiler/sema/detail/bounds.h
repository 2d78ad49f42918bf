// Private: static value bounds of numeric expressions (for score-range warnings).
#pragma once

#include <limits>

#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {

/// A closed interval; ±infinity where unbounded.
struct Bounds {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool finite() const;
};

/// What a numeric expression of `unit` can evaluate to, from constants, min/max/clamp/abs,
/// ntile/cumshare/percent_rank, arithmetic and other scores' ranges. Unknown → unbounded.
Bounds BoundsOf(Context& ctx, const Unit& unit, const ast::Expr& expr);

/// The reachable sum of a points-form score: each `±N when C` adds 0 or ±N, each `+EXPR` adds
/// its bounds. The expression form gives its expression's bounds.
Bounds ScoreBounds(Context& ctx, const Unit& unit, const ast::ScoreDecl& score);

}  // namespace segc::sema::detail
