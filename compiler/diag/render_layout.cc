// UTF-8 decoding, character widths and tab expansion for the text renderer.
#include "compiler/diag/render_layout.h"

#include <algorithm>
#include <array>

namespace segc::diag::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct CodeRange {
  char32_t first;
  char32_t last;
};

// East Asian Wide and Fullwidth blocks plus the emoji blocks terminals draw two columns wide.
constexpr std::array<CodeRange, 20> kWide = {{
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
}};

// Combining marks and zero-width characters that do not advance the cursor.
constexpr std::array<CodeRange, 9> kZeroWidth = {{
    {0x0300, 0x036F},
    {0x0483, 0x0489},
    {0x0591, 0x05BD},
    {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},
    {0x200B, 0x200F},
    {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},
}};

template <size_t N>
bool InRanges(const std::array<CodeRange, N>& ranges, char32_t c) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [c](const CodeRange& r) { return c >= r.first && c <= r.last; });
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// What a character looks like on screen: control characters become control pictures (U+2400..).
char32_t Printable(char32_t c) {
  if (c < 0x20) return 0x2400 + c;
  if (c == 0x7F) return 0x2421;
  return c;
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  auto lead = static_cast<unsigned char>(text[pos]);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return lead < 0x80 ? lead : kReplacement;
  }
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(byte)) {
      ++pos;
      return kReplacement;
    }
    c = (c << 6) | (byte & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  bool valid = c >= kMinForLength[length] && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
  pos += valid ? length : 1;
  return valid ? c : kReplacement;
}

uint32_t CharWidth(char32_t c) {
  if (InRanges(kZeroWidth, c)) return 0;
  return InRanges(kWide, c) ? 2 : 1;
}

LineLayout::LineLayout(std::string_view line, uint32_t tab_width) {
  if (tab_width == 0) tab_width = 1;
  columns_.assign(line.size() + 1, 0);
  uint32_t column = 0;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(line, pos);
    std::fill(columns_.begin() + start, columns_.begin() + pos, column);
    if (c == '\t') {
      for (uint32_t next = (column / tab_width + 1) * tab_width; column < next; ++column) {
        glyphs_.push_back({column, 1, text_.size()});
        text_ += ' ';
      }
      continue;
    }
    glyphs_.push_back({column, CharWidth(c), text_.size()});
    AppendUtf8(text_, Printable(c));
    column += glyphs_.back().width;
  }
  columns_[line.size()] = column;
}

uint32_t LineLayout::ColumnAt(size_t offset) const {
  return columns_[std::min(offset, columns_.size() - 1)];
}

std::string LineLayout::Slice(uint32_t begin, uint32_t end) const {
  std::string out;
  uint32_t column = begin;  // the column the next appended character lands on
  for (size_t i = 0; i < glyphs_.size(); ++i) {
    const Glyph& g = glyphs_[i];
    // A zero-width mark belongs to the character before it: it is shown with that character.
    bool inside = g.width > 0 ? g.column >= begin && g.column + g.width <= end
                              : (g.column > begin || begin == 0) && g.column <= end;
    if (!inside) continue;
    if (g.column > column) out.append(g.column - column, ' ');
    size_t text_end = i + 1 < glyphs_.size() ? glyphs_[i + 1].text_begin : text_.size();
    out.append(text_, g.text_begin, text_end - g.text_begin);
    column = std::max(column, g.column + g.width);
  }
  return out;
}

}  // namespace segc::diag::detail
