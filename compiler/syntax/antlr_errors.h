// ANTLR error strategy that records the first syntax error of a chunk and abandons the chunk.
// Internal to compiler/syntax (includes the ANTLR runtime, not the generated parser).
#pragma once

#include <antlr4-runtime.h>

#include <optional>

#include "compiler/syntax/syntax_errors.h"

namespace segc::syntax {

/// Thrown through the generated parser to stop parsing the current chunk. Never leaves syntax/.
struct SyntaxBail {};

/// Replaces ANTLR's recovery: the first error is recorded (token kinds, not text), then parsing
/// of the chunk stops, so each declaration reports at most one syntax error.
class FirstErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  /// `token_base` is the file-level index of the chunk's first token; `chunk_end` its end.
  FirstErrorStrategy(size_t token_base, size_t chunk_end)
      : token_base_(token_base), chunk_end_(chunk_end) {}

  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;
  /// No resynchronisation inside rules: errors surface at the next match or prediction.
  void sync(antlr4::Parser* parser) override;

  /// The recorded error, if any.
  const std::optional<SyntaxErrorInfo>& error() const { return error_; }

 private:
  void Record(antlr4::Parser* parser, antlr4::Token* offending, const antlr4::misc::IntervalSet&);

  size_t token_base_;
  size_t chunk_end_;
  std::optional<SyntaxErrorInfo> error_;
};

}  // namespace segc::syntax
