// Code table (from codes.def) and the DiagnosticSink.
#include "compiler/diag/diagnostic.h"

#include <algorithm>

namespace segc::diag {

const std::vector<CodeInfo>& AllCodes() {
  static const std::vector<CodeInfo> kCodes = {
#define SEGC_DIAG(id, name, severity, summary) {Code::name, #id, Severity::k##severity, summary},
#include "compiler/diag/codes.def"
#undef SEGC_DIAG
  };
  return kCodes;
}

const CodeInfo& Info(Code code) { return AllCodes()[static_cast<size_t>(code)]; }

const CodeInfo* FindCode(std::string_view id) {
  for (const CodeInfo& info : AllCodes()) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

Diagnostic Make(Code code, SourceRange range, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = Info(code).severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

void DiagnosticSink::Report(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  if (d.severity == Severity::kWarning) ++warnings_;
  diagnostics_.push_back(std::move(d));
}

void DiagnosticSink::Sort() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.range.file != b.range.file) return a.range.file < b.range.file;
                     return a.range.begin < b.range.begin;
                   });
}

}  // namespace segc::diag
