// Internal: how a source line looks on a terminal (tabs expanded, wide characters, control
// pictures).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace segc::diag::detail {

/// Decodes one UTF-8 character at `pos` and advances `pos`; an invalid byte decodes as U+FFFD
/// and advances by one byte.
char32_t DecodeUtf8(std::string_view text, size_t& pos);

/// Terminal columns a character occupies: 2 for East Asian wide/fullwidth and emoji, 0 for
/// combining marks, 1 otherwise.
uint32_t CharWidth(char32_t c);

/// A source line as displayed, with the display column of every byte offset in it.
class LineLayout {
 public:
  /// Lays out `line` (no terminator) with tab stops every `tab_width` columns. Control characters
  /// show as Unicode control pictures and invalid UTF-8 as U+FFFD, so the output stays printable.
  LineLayout(std::string_view line, uint32_t tab_width);

  /// The printable line.
  const std::string& text() const { return text_; }
  /// 0-based display column where the character containing byte `offset` starts; offsets at or
  /// past the end map to the column after the last character.
  uint32_t ColumnAt(size_t offset) const;
  /// Display width of the whole line.
  uint32_t width() const { return columns_.back(); }
  /// The printable text of display columns [begin, end): the characters lying wholly inside,
  /// with a wide character cut at `begin` replaced by spaces so later columns stay aligned.
  std::string Slice(uint32_t begin, uint32_t end) const;

 private:
  /// One displayed character: its display column and width, and where it starts in text_.
  struct Glyph {
    uint32_t column;
    uint32_t width;
    size_t text_begin;
  };

  std::string text_;
  std::vector<Glyph> glyphs_;
  /// columns_[i] is the display column of byte i; one extra entry for the end of the line.
  std::vector<uint32_t> columns_;
};

}  // namespace segc::diag::detail
