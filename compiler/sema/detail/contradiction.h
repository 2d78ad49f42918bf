// Private: cheap detection of segment conditions that can never be true (W0304).
#pragma once

#include <string>

#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {

/// Warns (W0304) when the top-level `and` conjuncts of `where` put contradictory constant bounds
/// on one column or name (`x > 5 and x < 3`, `x between 50 and 10`, `s == "a" and s == "b"`).
void WarnIfNeverTrue(Context& ctx, const std::string& segment, const ast::Expr& where);

/// Whether the same reasoning shows that `a` and `b` are never both true on one row (`x < 10`
/// and `x >= 10 and x < 100`). False means "not shown", not "they can".
bool CannotBothHold(Context& ctx, const ast::Expr& a, const ast::Expr& b);

}  // namespace segc::sema::detail
