// Internal helpers shared by the renderers: resolved locations, severity names, the error cap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"

namespace segc::diag::detail {

/// A range turned into the 1-based positions users see; `end_column` is one past the last
/// character.
struct Location {
  std::string_view path;
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t end_line = 1;
  uint32_t end_column = 1;
};

/// Line/column form of a range; nullopt when the range has no file (e.g. a path that cannot be
/// read).
std::optional<Location> Resolve(const SourceManager& sources, SourceRange range);

/// "error", "warning" or "note".
std::string_view SeverityName(Severity severity);

/// How many leading diagnostics to show so that at most `max_errors` errors appear (0: all).
/// Fewer than all are shown only when there are more than `max_errors` errors.
size_t ShownCount(const std::vector<Diagnostic>& diagnostics, size_t max_errors);

/// `text` safe for a terminal: C0 control characters and DEL (ESC, BEL, CR... from rule text or
/// file names) become their control pictures (U+2400..U+2421), as in source snippets; with
/// `keep_newlines`, '\n' stays (multi-line help). Other bytes are unchanged.
std::string EscapeControls(std::string_view text, bool keep_newlines = false);

/// The line printed after a capped list: "too many errors; stopping after N".
std::string TooManyErrorsLine(size_t max_errors);

}  // namespace segc::diag::detail
