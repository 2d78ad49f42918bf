// The token pre-pass: runs between lexing and ANTLR parsing. It rewrites context-dependent tokens,
// splits the file into declaration chunks (for error recovery) and enforces the nesting limit
// before ANTLR can recurse.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/syntax/token_kind.h"

namespace segc::syntax {

/// A run of tokens [begin, end) parsed as one or more declarations.
struct Chunk {
  size_t begin = 0;
  size_t end = 0;
};

/// Sets Token::line_start, then rewrites in place (docs/design-decisions.md):
/// - INT followed on the same line by `day(s)`/`week(s)`/`month(s)`/`year(s)` → one LONG_DURATION;
/// - the word `ago` right after an operand → AGO;
/// - in a score block, `+`/`-` right after `{`, or after an operand with whitespace before and
///   none after → RULE_PLUS/RULE_MINUS (`{ +10 when a > 1  -10 when b }` is two rules).
/// `tokens` must end with a kEof token.
void RewriteTokens(std::vector<Token>& tokens, std::string_view text);

/// Splits at declaration keywords that start a line and are followed by a name (so that a
/// column called `score:` inside a table, or `score > 5` inside an expression, does not split).
std::vector<Chunk> SplitDeclarations(const std::vector<Token>& tokens);

/// Index of the first token at which parentheses plus runs of prefix `not`/unary `-` nest deeper
/// than `max_depth`, or nullopt. Runs of prefix operators end at `and`, `or` and `,`.
std::optional<size_t> FindTooDeep(const std::vector<Token>& tokens, Chunk chunk,
                                  uint32_t max_depth);

/// True for tokens that can end an operand or a comparison (literal, name, `)`, `ago`, the
/// `null` of `is [not] null`).
bool EndsOperand(Tok kind);

}  // namespace segc::syntax
