// Stable S-expression text form of the AST, for parser tests and debugging (cel-cpp style).
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace segc::ast {

/// One line per declaration, e.g. `(segment VIP (where (> cltv p90)))`. The format is stable:
/// tests compare against it. Recursion follows the tree height, which the parser bounds
/// (syntax::ParseOptions::max_depth); and/or chains are flat and printed in a loop.
std::string Print(const File& file);
/// One declaration, without a trailing newline.
std::string Print(const Decl& decl);
/// One expression, e.g. `(and (> age 18) (in country "FR" "DE"))`.
std::string Print(const Expr& expr);

}  // namespace segc::ast
