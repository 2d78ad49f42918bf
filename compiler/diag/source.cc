// SourceManager: file registry, offset → line/column, line text.
#include "compiler/diag/source.h"

#include <algorithm>

namespace segc::diag {
namespace {

std::vector<uint32_t> ComputeLineStarts(std::string_view text) {
  std::vector<uint32_t> starts{0};
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

bool IsUtf8Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

FileId SourceManager::Add(std::string path, std::string text) {
  SourceFile f{std::move(path), std::move(text), {}};
  f.line_starts = ComputeLineStarts(f.text);
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

LineCol SourceManager::Locate(FileId id, uint32_t offset) const {
  const SourceFile& f = files_.at(id);
  offset = std::min<uint32_t>(offset, f.text.size());
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  uint32_t line_index = static_cast<uint32_t>(it - f.line_starts.begin()) - 1;
  uint32_t column = 1;
  for (uint32_t i = f.line_starts[line_index]; i < offset; ++i) {
    if (!IsUtf8Continuation(static_cast<unsigned char>(f.text[i]))) ++column;
  }
  return {line_index + 1, column};
}

std::string_view SourceManager::LineText(FileId id, uint32_t line) const {
  const SourceFile& f = files_.at(id);
  if (line == 0 || line > f.line_starts.size()) return {};
  uint32_t begin = f.line_starts[line - 1];
  uint32_t end = line < f.line_starts.size() ? f.line_starts[line] : f.text.size();
  std::string_view text(f.text.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string_view SourceManager::Text(SourceRange range) const {
  const SourceFile& f = files_.at(range.file);
  uint32_t begin = std::min<uint32_t>(range.begin, f.text.size());
  uint32_t end = std::min<uint32_t>(std::max(range.end, begin), f.text.size());
  return std::string_view(f.text).substr(begin, end - begin);
}

std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool blank = c == '\n' || c == '\r' || c == ' ' || c == '\t';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace segc::diag
