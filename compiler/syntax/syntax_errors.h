// Wording of syntax errors for people who are not compiler writers: one Diagnostic per error,
// never a wall of expected-token sets. Works on token kinds only (no ANTLR types).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/syntax/prepass.h"
#include "compiler/syntax/token_kind.h"

namespace segc::syntax {

/// What the parser knew when it stopped: the token it could not use, what it could have used,
/// and the grammar rules it was in (innermost first, e.g. {"primary", ..., "segmentDecl"}).
struct SyntaxErrorInfo {
  size_t offending = 0;  // index into the file's tokens; == chunk.end when the chunk ran out
  std::vector<Tok> expected;
  std::vector<std::string> rule_stack;
};

/// Builds the diagnostic (E0010, E0011 or E0016) for a syntax error inside `chunk`.
diag::Diagnostic DescribeSyntaxError(const SyntaxErrorInfo& info, const std::vector<Token>& tokens,
                                     Chunk chunk, std::string_view text, diag::FileId file);

/// The candidate closest to `word` by edit distance (at most 2, or 1 for short words), or "".
std::string_view ClosestWord(std::string_view word,
                             const std::vector<std::string_view>& candidates);

}  // namespace segc::syntax
