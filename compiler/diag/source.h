// Source files, ranges and the SourceManager that keeps every rule file's text in memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace segc::diag {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

/// A half-open byte range [begin, end) in one source file. Lines/columns are computed at render
/// time.
struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  /// The smallest range covering both (same file assumed).
  static SourceRange Cover(SourceRange a, SourceRange b) {
    if (!a.valid()) return b;
    if (!b.valid()) return a;
    return {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
};

/// 1-based line and column; column counts characters (UTF-8 code points), not bytes.
struct LineCol {
  uint32_t line = 1;
  uint32_t column = 1;
};

/// One loaded file: its display path, its text, and the byte offset of each line start.
struct SourceFile {
  std::string path;
  std::string text;
  std::vector<uint32_t> line_starts;
};

/// Owns the text of every file of a check/run so diagnostics can quote it. Not thread-safe.
class SourceManager {
 public:
  /// Registers a file's text under a display path and returns its id.
  FileId Add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return files_.at(id); }
  size_t size() const { return files_.size(); }

  /// Line and column of a byte offset (offset may equal the text size: end of file).
  LineCol Locate(FileId id, uint32_t offset) const;
  /// The text of 1-based `line`, without its line terminator.
  std::string_view LineText(FileId id, uint32_t line) const;
  /// The exact text a range covers.
  std::string_view Text(SourceRange range) const;

 private:
  std::vector<SourceFile> files_;
};

/// Source text on one line, for reports that quote a rule: newlines and runs of blanks become
/// one space, and trailing blanks go.
std::string OneLine(std::string_view text);

}  // namespace segc::diag
