// GitHub Actions workflow commands (`::error file=...,line=...::message`), one per diagnostic.
#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/diag/render_common.h"

namespace segc::diag {
namespace {

/// GitHub's escaping of a command's message: '%', CR and LF.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Property values additionally escape ':' and ',', which separate the properties.
std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view Command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "error";
}

std::string Properties(const SourceManager& sources, const Diagnostic& d) {
  std::string props;
  if (auto loc = detail::Resolve(sources, d.range)) {
    // GitHub's endColumn names the last column of the annotation, so it is inclusive.
    uint32_t end_column = loc->end_column > 1 ? loc->end_column - 1 : 1;
    if (loc->end_line == loc->line && end_column < loc->column) end_column = loc->column;
    props =
        fmt::format("file={},line={},col={},endLine={},endColumn={},", EscapeProperty(loc->path),
                    loc->line, loc->column, loc->end_line, end_column);
  }
  return props + "title=" + EscapeProperty(Info(d.code).id);
}

std::string Message(const Diagnostic& d, Lang lang) {
  std::string text = d.message;
  if (!d.help.empty()) text += "\n" + std::string(Word("help", lang)) + ": " + d.help;
  for (const std::string& note : d.notes)
    text += "\n" + std::string(Word("note", lang)) + ": " + note;
  return EscapeData(text);
}

}  // namespace

std::string RenderGithub(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                         const RenderOptions& options) {
  std::string out;
  size_t shown = detail::ShownCount(diagnostics, options.max_errors);
  for (size_t i = 0; i < shown; ++i) {
    const Diagnostic& d = diagnostics[i];
    out += fmt::format("::{} {}::{}\n", Command(d.severity), Properties(sources, d),
                       Message(d, options.lang));
  }
  if (shown < diagnostics.size()) {
    out += fmt::format("::error title={}::{}\n", EscapeProperty(options.tool_name),
                       EscapeData(detail::TooManyErrorsLine(options.max_errors)));
  }
  return out;
}

}  // namespace segc::diag
