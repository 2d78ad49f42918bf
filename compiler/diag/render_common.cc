// Resolved locations, severity names and the error cap shared by every renderer.
#include "compiler/diag/render_common.h"

#include <fmt/format.h>

namespace segc::diag::detail {

std::optional<Location> Resolve(const SourceManager& sources, SourceRange range) {
  if (!range.valid() || range.file >= sources.size()) return std::nullopt;
  LineCol begin = sources.Locate(range.file, range.begin);
  LineCol end = sources.Locate(range.file, range.end < range.begin ? range.begin : range.end);
  return Location{sources.file(range.file).path, begin.line, begin.column, end.line, end.column};
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

size_t ShownCount(const std::vector<Diagnostic>& diagnostics, size_t max_errors) {
  if (max_errors == 0) return diagnostics.size();
  size_t errors = 0;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    if (diagnostics[i].severity != Severity::kError) continue;
    // Stop just before the first error over the cap, so a list with exactly N errors is whole.
    if (++errors > max_errors) return i;
  }
  return diagnostics.size();
}

std::string EscapeControls(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte >= 0x20 && byte != 0x7F) || (keep_newlines && c == '\n')) {
      out += c;
      continue;
    }
    // U+2400 + byte (U+2421 for DEL) in UTF-8: E2 90 80+x.
    unsigned picture = byte == 0x7F ? 0x21 : byte;
    out += '\xE2';
    out += '\x90';
    out += static_cast<char>(0x80 | picture);
  }
  return out;
}

std::string TooManyErrorsLine(size_t max_errors) {
  return fmt::format("too many errors; stopping after {}", max_errors);
}

}  // namespace segc::diag::detail
