// The human-readable diagnostic form: header, gutter, source lines with carets, help and notes.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/diag/render.h"
#include "compiler/diag/render_common.h"
#include "compiler/diag/render_layout.h"

namespace segc::diag {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kBlue = "\x1b[1;34m";

/// One underline under a source line: display columns [begin, end) and its label.
struct Mark {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool primary = false;
  std::string label;
};

/// Lines wider than this many display columns are shown as a window around their marks.
constexpr uint32_t kMaxLineColumns = 120;
/// Display columns of source text a window shows (the cut sides add "...").
constexpr uint32_t kWindowColumns = 100;
constexpr std::string_view kEllipsis = "...";

/// The display columns [begin, end) of a source line that are printed.
struct Window {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// The whole line when it is short; otherwise kWindowColumns around the marks (the span from the
/// first mark's start to the last mark's end), centred when it fits and starting at it when not.
Window ChooseWindow(uint32_t width, const std::vector<Mark>& marks) {
  if (width <= kMaxLineColumns) return {0, width};
  uint32_t lo = width, hi = 0;
  for (const Mark& m : marks) {
    lo = std::min(lo, m.begin);
    hi = std::max(hi, m.end);
  }
  if (marks.empty()) lo = hi = 0;
  uint32_t span = hi - lo;
  uint32_t lead = span < kWindowColumns ? (kWindowColumns - span) / 2 : 0;
  uint32_t begin = lo - std::min(lo, lead);
  uint32_t end = std::min(width, begin + kWindowColumns);
  begin = end - std::min(end, kWindowColumns);  // at the line's end, show a full window
  return {begin, end};
}

/// The marked lines of one file, in line order.
struct FileSnippet {
  FileId file = kNoFile;
  std::string where;  // "path:line:col" of the first mark, shown for files other than the primary's
  std::map<uint32_t, std::vector<Mark>> lines;
};

class TextRenderer {
 public:
  TextRenderer(const SourceManager& sources, const RenderOptions& options)
      : sources_(sources), options_(options) {}

  void Render(const Diagnostic& d, std::string& out);
  void RenderCapLine(std::string& out) const;

 private:
  std::string Paint(std::string_view colour, std::string_view text) const;
  std::string_view SeverityColour(Severity severity) const;
  void RenderHeader(const Diagnostic& d, std::string& out) const;
  std::vector<FileSnippet> CollectSnippets(const Diagnostic& d) const;
  void AddMark(std::vector<FileSnippet>& snippets, SourceRange range, bool primary,
               std::string_view label) const;
  void RenderSnippet(const FileSnippet& snippet, bool primary_file, Severity severity,
                     std::string& out) const;
  void RenderLine(FileId file, uint32_t line, const std::vector<Mark>& marks, Severity severity,
                  std::string& out) const;
  void RenderFooter(std::string_view kind, std::string_view text, std::string& out) const;
  std::string Gutter(std::string_view number = {}) const;

  const SourceManager& sources_;
  const RenderOptions& options_;
  size_t gutter_width_ = 1;
};

std::string TextRenderer::Paint(std::string_view colour, std::string_view text) const {
  if (!options_.color || text.empty()) return std::string(text);
  return fmt::format("{}{}{}", colour, text, kReset);
}

std::string_view TextRenderer::SeverityColour(Severity severity) const {
  switch (severity) {
    case Severity::kError:
      return kRed;
    case Severity::kWarning:
      return kYellow;
    case Severity::kNote:
      return kGreen;
  }
  return kRed;
}

void TextRenderer::RenderHeader(const Diagnostic& d, std::string& out) const {
  if (auto loc = detail::Resolve(sources_, d.range)) {
    out += Paint(kBold, fmt::format("{}:{}:{}: ", detail::EscapeControls(loc->path), loc->line,
                                    loc->column));
  }
  std::string kind =
      fmt::format("{}[{}]", Word(detail::SeverityName(d.severity), options_.lang), Info(d.code).id);
  out += Paint(SeverityColour(d.severity), kind);
  out += Paint(kBold, fmt::format(": {}", detail::EscapeControls(d.message)));
  out += '\n';
}

void TextRenderer::AddMark(std::vector<FileSnippet>& snippets, SourceRange range, bool primary,
                           std::string_view label) const {
  auto loc = detail::Resolve(sources_, range);
  if (!loc) return;
  auto it = std::find_if(snippets.begin(), snippets.end(),
                         [&](const FileSnippet& s) { return s.file == range.file; });
  if (it == snippets.end()) {
    std::string where =
        fmt::format("{}:{}:{}", detail::EscapeControls(loc->path), loc->line, loc->column);
    it = snippets.insert(snippets.end(), FileSnippet{range.file, std::move(where), {}});
  }
  const SourceFile& file = sources_.file(range.file);
  uint32_t line_start = file.line_starts[loc->line - 1];
  std::string_view text = sources_.LineText(range.file, loc->line);
  detail::LineLayout layout(text, options_.tab_width);
  // A span that runs past its first line is underlined to the end of that line.
  uint32_t end_offset = std::max(range.begin, range.end);
  size_t end = loc->end_line == loc->line ? end_offset - line_start : text.size();
  Mark mark{layout.ColumnAt(range.begin - line_start), layout.ColumnAt(end), primary,
            detail::EscapeControls(label)};
  mark.end = std::max(mark.end, mark.begin + 1);
  it->lines[loc->line].push_back(mark);
}

std::vector<FileSnippet> TextRenderer::CollectSnippets(const Diagnostic& d) const {
  std::vector<FileSnippet> snippets;
  AddMark(snippets, d.range, true, d.label);
  for (const Label& label : d.secondary) AddMark(snippets, label.range, false, label.message);
  return snippets;
}

std::string TextRenderer::Gutter(std::string_view number) const {
  return Paint(kBlue, fmt::format("{:>{}} |", number, gutter_width_ + 1));
}

void TextRenderer::RenderLine(FileId file, uint32_t line, const std::vector<Mark>& marks,
                              Severity severity, std::string& out) const {
  detail::LineLayout layout(sources_.LineText(file, line), options_.tab_width);
  Window window = ChooseWindow(layout.width(), marks);
  bool cut_left = window.begin > 0, cut_right = window.end < layout.width();
  std::string text = cut_left || cut_right ? layout.Slice(window.begin, window.end) : layout.text();
  if (cut_left) text.insert(0, kEllipsis);
  if (cut_right) text += kEllipsis;
  out += Gutter(std::to_string(line));
  if (!text.empty()) out += ' ' + text;
  out += '\n';
  // Columns shift left by the cut-off part and right by the leading "...".
  uint32_t shift = cut_left ? uint32_t(kEllipsis.size()) : 0;
  for (const Mark& mark : marks) {
    uint32_t begin = std::clamp(mark.begin, window.begin, window.end);
    uint32_t end = std::max(std::min(mark.end, window.end), begin + 1);
    char stroke = mark.primary ? '^' : '-';
    std::string underline(end - begin, stroke);
    out += Gutter() + ' ' + std::string(begin - window.begin + shift, ' ');
    out += Paint(mark.primary ? SeverityColour(severity) : kBlue,
                 mark.label.empty() ? underline : fmt::format("{} {}", underline, mark.label));
    out += '\n';
  }
}

void TextRenderer::RenderSnippet(const FileSnippet& snippet, bool primary_file, Severity severity,
                                 std::string& out) const {
  if (!primary_file) {
    out += fmt::format("{:>{}}{} {}\n", "", gutter_width_ + 1, Paint(kBlue, ":::"), snippet.where);
  }
  out += Gutter() + '\n';
  uint32_t previous = 0;
  for (const auto& [line, marks] : snippet.lines) {
    if (previous != 0 && line == previous + 2)
      RenderLine(snippet.file, line - 1, {}, severity, out);
    if (previous != 0 && line > previous + 2) out += Paint(kBlue, "...") + '\n';
    std::vector<Mark> ordered = marks;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Mark& a, const Mark& b) {
      return a.primary != b.primary ? a.primary : a.begin < b.begin;
    });
    RenderLine(snippet.file, line, ordered, severity, out);
    previous = line;
  }
}

void TextRenderer::RenderFooter(std::string_view kind, std::string_view text,
                                std::string& out) const {
  std::string indent(gutter_width_ + 2 + kind.size() + 4, ' ');
  out += fmt::format("{:>{}}{} {}: ", "", gutter_width_ + 2, Paint(kBlue, "="), Paint(kBold, kind));
  for (char c : detail::EscapeControls(text, true)) {
    out += c;
    if (c == '\n') out += indent;
  }
  out += '\n';
}

void TextRenderer::Render(const Diagnostic& d, std::string& out) {
  RenderHeader(d, out);
  std::vector<FileSnippet> snippets = CollectSnippets(d);
  uint32_t max_line = 1;
  for (const FileSnippet& s : snippets) max_line = std::max(max_line, s.lines.rbegin()->first);
  gutter_width_ = std::to_string(max_line).size();
  for (size_t i = 0; i < snippets.size(); ++i) {
    RenderSnippet(snippets[i], i == 0 && d.range.valid(), d.severity, out);
  }
  if (!d.help.empty()) RenderFooter(Word("help", options_.lang), d.help, out);
  for (const std::string& note : d.notes) RenderFooter(Word("note", options_.lang), note, out);
  out += '\n';
}

void TextRenderer::RenderCapLine(std::string& out) const {
  out += Paint(kRed, std::string(Word("error", options_.lang)));
  out +=
      Paint(kBold, ": " + Localize(detail::TooManyErrorsLine(options_.max_errors), options_.lang));
  out += '\n';
}

}  // namespace

std::string RenderText(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                       const RenderOptions& options) {
  TextRenderer renderer(sources, options);
  std::string out;
  size_t shown = detail::ShownCount(diagnostics, options.max_errors);
  for (size_t i = 0; i < shown; ++i) renderer.Render(diagnostics[i], out);
  if (shown < diagnostics.size()) renderer.RenderCapLine(out);
  return out;
}

}  // namespace segc::diag
