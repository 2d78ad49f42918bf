// Renderers that turn collected diagnostics into text, JSON, SARIF 2.1.0 or GitHub annotations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/diag/catalog.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"

namespace segc::diag {

/// The output formats of `segc check --format`.
enum class Format { kText, kJson, kSarif, kGithub };

/// Parses "text", "json", "sarif" or "github"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

/// Options shared by all renderers; each renderer reads the fields that concern it.
struct RenderOptions {
  /// ANSI colours in the text format (bold red errors, yellow warnings, blue gutter).
  bool color = false;
  /// Text and GitHub formats stop after this many errors and say so; 0 means no limit.
  /// JSON and SARIF always carry every diagnostic.
  size_t max_errors = 50;
  /// Columns per tab stop when a source line is shown in the text format.
  uint32_t tab_width = 4;
  /// Tool name and version written into SARIF's `tool.driver`.
  std::string tool_name = "segc";
  std::string tool_version;
  /// The language of messages, labels, help and notes, and of the text format's words; codes,
  /// severities in machine formats and JSON keys stay as they are.
  Lang lang = Lang::kEn;
  /// Prefix messages the catalogue cannot translate with "[untranslated] " (the suite's check).
  bool mark_untranslated = false;
  /// Extra counters appended to the JSON `summary` object (e.g. {"projects", 3}).
  std::vector<std::pair<std::string, int64_t>> summary_counts;
};

/// The human form (STYLE.md §5): header, source line with carets and labels, help and notes.
/// Diagnostics are rendered in the order given; the caller sorts them.
std::string RenderText(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                       const RenderOptions& options);

/// One JSON object `{"version": 1, "diagnostics": [...], "summary": {...}}` (docs/cli.md).
std::string RenderJson(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                       const RenderOptions& options);

/// A SARIF 2.1.0 log with one run; columns are Unicode code points (`columnKind`).
std::string RenderSarif(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                        const RenderOptions& options);

/// GitHub Actions workflow commands, one `::error file=...::message` line per diagnostic.
std::string RenderGithub(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                         const RenderOptions& options);

/// Dispatches to the renderer for `format`, after translating the diagnostics to options.lang.
std::string Render(Format format, const SourceManager& sources,
                   const std::vector<Diagnostic>& diagnostics, const RenderOptions& options);

}  // namespace segc::diag
