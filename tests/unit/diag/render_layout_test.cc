// UTF-8 decoding, character widths and tab expansion behind the carets.
#include "compiler/diag/render_layout.h"

#include <gtest/gtest.h>

namespace segc::diag::detail {
namespace {

char32_t DecodeOne(std::string_view text, size_t* consumed) {
  size_t pos = 0;
  char32_t c = DecodeUtf8(text, pos);
  *consumed = pos;
  return c;
}

TEST(DecodeUtf8, ValidSequencesOfEachLength) {
  size_t n = 0;
  EXPECT_EQ(DecodeOne("a", &n), U'a');
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeOne("é", &n), U'é');
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(DecodeOne("顧", &n), U'顧');
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(DecodeOne("\xF0\x9F\x98\x80", &n), U'\U0001F600');
  EXPECT_EQ(n, 4u);
}

TEST(DecodeUtf8, InvalidBytesDecodeAsReplacementOneByteAtATime) {
  size_t n = 0;
  EXPECT_EQ(DecodeOne("\xff", &n), U'\uFFFD');
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeOne("\xC3", &n), U'\uFFFD');  // truncated
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeOne("\xC0\xAF", &n), U'\uFFFD');  // overlong '/'
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeOne("\xED\xA0\x80", &n), U'\uFFFD');  // surrogate
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeOne("\xE4x", &n), U'\uFFFD');  // bad continuation
  EXPECT_EQ(n, 1u);
}

TEST(CharWidth, WideCombiningAndNarrow) {
  EXPECT_EQ(CharWidth(U'a'), 1u);
  EXPECT_EQ(CharWidth(U'顧'), 2u);
  EXPECT_EQ(CharWidth(U'한'), 2u);
  EXPECT_EQ(CharWidth(U'Ａ'), 2u);
  EXPECT_EQ(CharWidth(U'\u0301'), 0u);
  EXPECT_EQ(CharWidth(U'é'), 1u);
}

TEST(LineLayout, TabStopsAndColumns) {
  LineLayout layout("a\tbc\td", 4);
  EXPECT_EQ(layout.text(), "a   bc  d");
  EXPECT_EQ(layout.ColumnAt(0), 0u);
  EXPECT_EQ(layout.ColumnAt(2), 4u);
  EXPECT_EQ(layout.ColumnAt(5), 8u);
  EXPECT_EQ(layout.ColumnAt(6), 9u);
  EXPECT_EQ(layout.ColumnAt(100), 9u);
  EXPECT_EQ(layout.width(), 9u);
}

TEST(LineLayout, OffsetInsideAMultiByteCharacterMapsToItsStart) {
  LineLayout layout("x顧y", 4);
  EXPECT_EQ(layout.ColumnAt(1), 1u);
  EXPECT_EQ(layout.ColumnAt(2), 1u);
  EXPECT_EQ(layout.ColumnAt(4), 3u);
}

TEST(LineLayout, SliceKeepsWholeCharactersAndPadsACutWideOne) {
  LineLayout layout("ab顧cd", 4);  // a:0 b:1 顧:2-3 c:4 d:5
  EXPECT_EQ(layout.Slice(0, 3), "ab");
  EXPECT_EQ(layout.Slice(2, 4), "顧");
  EXPECT_EQ(layout.Slice(3, 6), " cd");
  EXPECT_EQ(LineLayout("\tx", 4).Slice(2, 5), "  x");
}

TEST(LineLayout, SliceShowsCombiningMarksWithTheirBase) {
  LineLayout layout("e\u0301x", 4);  // e and its accent at column 0, x at 1
  EXPECT_EQ(layout.Slice(0, 1), "e\u0301");
  EXPECT_EQ(layout.Slice(1, 2), "x");
}

}  // namespace
}  // namespace segc::diag::detail
