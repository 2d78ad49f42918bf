// The canonical layout of rule files (`segc fmt`, docs/formatting.md): the formatter re-emits the
// file's own tokens in order, choosing only the whitespace between them, and keeps every comment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"

namespace segc::format {

/// The longest line the formatter aims for (a longer `where` is broken at `and`/`or`).
inline constexpr int kLineWidth = 100;

/// `text` in the canonical layout. `file` must be the syntax tree of `text` parsed without
/// errors. Throws std::logic_error if the tree and the tokens disagree (a bug in segc).
std::string FormatText(std::string_view text, const ast::File& file);

/// The comments of `text` (each from `#` to the end of its line, trailing blanks removed), in
/// order. Used to check that formatting kept them all.
std::vector<std::string> Comments(std::string_view text);

}  // namespace segc::format
