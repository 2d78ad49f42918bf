// Diagnostics about the user's program: codes, severities, labels, and the sink that collects them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source.h"

namespace segc::diag {

enum class Severity { kError, kWarning, kNote };

/// Every code in codes.def, as an enum value named after its summary (Code::kUnknownColumn).
enum class Code : uint16_t {
#define SEGC_DIAG(id, name, severity, summary) name,
#include "compiler/diag/codes.def"
#undef SEGC_DIAG
};

/// Static facts about a code: "E0101", its default severity and one-line summary.
struct CodeInfo {
  Code code;
  std::string_view id;
  Severity severity;
  std::string_view summary;
};

const CodeInfo& Info(Code code);
/// All codes in declaration order (for docs and tests).
const std::vector<CodeInfo>& AllCodes();
/// Finds a code by its id ("E0101"); nullptr if unknown.
const CodeInfo* FindCode(std::string_view id);

/// A secondary span with its own message ("first defined here").
struct Label {
  SourceRange range;
  std::string message;
};

/// One problem in the user's rules. `label` is printed under the caret of the primary range.
struct Diagnostic {
  Code code;
  Severity severity = Severity::kError;
  SourceRange range;
  std::string message;
  std::string label;
  std::vector<Label> secondary;
  std::string help;
  std::vector<std::string> notes;
};

/// Builds a diagnostic with the code's default severity.
Diagnostic Make(Code code, SourceRange range, std::string message);

/// Collects diagnostics from every phase; phases keep going after an error.
class DiagnosticSink {
 public:
  void Report(Diagnostic d);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  /// Sorts by (file, offset), keeping report order for ties.
  void Sort();

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace segc::diag
