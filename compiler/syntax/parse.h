// Public entry point of the syntax phase: one registered source file → one ast::File.
// No ANTLR type appears here; all problems are reported as diagnostics (E00xx).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/syntax/token_kind.h"

namespace segc::syntax {

/// Limits that keep hostile or broken input from exhausting the stack or memory.
struct ParseOptions {
  /// Deepest allowed expression nesting, counting parentheses, runs of prefix `not`/unary `-`
  /// and the height of left-deep arithmetic chains (`a + b + ...`); `and`/`or` chains are flat
  /// and unlimited. Deeper input gets E0012 before ANTLR recurses. ANTLR needs about 1.5 KiB of
  /// stack per parenthesis level (9 rule frames) and overflowed a 256 KiB thread at ~166 levels
  /// (GCC 12, -O2); 64 keeps parsing plus lowering under half of such a stack (tested in
  /// tests/unit/syntax/limits_test.cc) and is far beyond what a readable rule needs.
  uint32_t max_depth = 64;
  /// Larger files are refused with E0013.
  size_t max_file_bytes = 8u << 20;
};

/// Parses one registered file. Always returns a File (possibly partial: declarations with errors
/// are left out); problems go to `sink`. Each declaration reports at most one syntax error, and
/// parsing resumes at the next declaration keyword that starts a line.
std::unique_ptr<ast::File> Parse(const diag::SourceManager& sources, diag::FileId file,
                                 ast::NodeIdAllocator& ids, diag::DiagnosticSink& sink,
                                 const ParseOptions& options = {});

/// The tokens the parser sees for `text` (after the pre-pass rewrites: `90 days` is one
/// LONG_DURATION, score-rule signs are RULE_PLUS/RULE_MINUS, postfix `ago` is AGO), ending with
/// a kEof token at text.size(). Comments and whitespace are not tokens: they are the text
/// between tokens. For tools that re-emit source text, such as the formatter (segc fmt).
std::vector<Token> Tokenize(std::string_view text);

}  // namespace segc::syntax
