// Very long source lines: the text renderer shows a window around the marks, "..." on cut sides.
#include <gtest/gtest.h>

#include <string>

#include "compiler/diag/render.h"

namespace segc::diag {
namespace {

/// A `size`-character rule line `segment S where t0000 > 1 or t0001 > 1 or ...` with `needle`
/// written over the text at byte offset `at`.
std::string LongLine(std::string_view needle, size_t at, size_t size = 5000) {
  std::string line = "segment S where ";
  for (int i = 0; line.size() < size; ++i) {
    std::string number = std::to_string(10000 + i).substr(1);
    line += "t" + number + " > 1 or ";
  }
  line.resize(size);
  line.replace(at, needle.size(), needle);
  return line;
}

/// Renders an unknown-column error on `needle` at byte `at` of a one-line file holding `line`.
std::string RenderAt(const std::string& line, size_t at, size_t length) {
  SourceManager sm;
  FileId f = sm.Add("r.seg", line + "\n");
  SourceRange range{f, uint32_t(at), uint32_t(at + length)};
  Diagnostic d = Make(Code::kUnknownColumn, range, "unknown column");
  d.label = "not a column";
  return RenderText(sm, {d}, {});
}

/// The rendered source line and caret line (the 3rd and 4th lines of the output).
std::pair<std::string, std::string> SourceAndCarets(const std::string& out) {
  size_t a = out.find('\n', out.find('\n') + 1) + 1;
  size_t b = out.find('\n', a) + 1;
  size_t c = out.find('\n', b);
  return {out.substr(a, b - 1 - a), out.substr(b, c - b)};
}

TEST(RenderTextWindow, MarkInTheMiddleOfAFiveThousandCharacterLine) {
  std::string line = LongLine("BADCOLUMN", 2500);
  std::string out = RenderAt(line, 2500, 9);
  // 9 marked columns, 45 columns of context before them: the window is [2455, 2555).
  EXPECT_EQ(out,
            "r.seg:1:2501: error[E0101]: unknown column\n"
            "   |\n"
            " 1 | ..." +
                line.substr(2455, 100) +
                "...\n"
                "   | " +
                std::string(48, ' ') +
                "^^^^^^^^^ not a column\n"
                "\n");
  auto [source, carets] = SourceAndCarets(out);
  EXPECT_EQ(source.find("BADCOLUMN"), carets.find('^'));
  EXPECT_LT(out.size(), 300u);
}

TEST(RenderTextWindow, MarkAtTheEndCutsOnlyTheLeft) {
  std::string line = LongLine("LAST!", 4995);
  auto [source, carets] = SourceAndCarets(RenderAt(line, 4995, 5));
  EXPECT_EQ(source, " 1 | ..." + line.substr(4900));
  EXPECT_EQ(carets, "   | " + std::string(98, ' ') + "^^^^^ not a column");
}

TEST(RenderTextWindow, MarkAtTheStartCutsOnlyTheRight) {
  std::string line = LongLine("segment", 0);
  auto [source, carets] = SourceAndCarets(RenderAt(line, 0, 7));
  EXPECT_EQ(source, " 1 | " + line.substr(0, 100) + "...");
  EXPECT_EQ(carets, "   | ^^^^^^^ not a column");
}

TEST(RenderTextWindow, SpanWiderThanTheWindowIsUnderlinedToTheCut) {
  std::string line = LongLine("", 0);
  auto [source, carets] = SourceAndCarets(RenderAt(line, 1000, 300));
  EXPECT_EQ(source, " 1 | ..." + line.substr(1000, 100) + "...");
  EXPECT_EQ(carets, "   |    " + std::string(100, '^') + " not a column");
}

TEST(RenderTextWindow, LinesUpToOneHundredTwentyColumnsAreShownWhole) {
  std::string line = LongLine("oops", 110, 120);
  auto [source, carets] = SourceAndCarets(RenderAt(line, 110, 4));
  EXPECT_EQ(source, " 1 | " + line);
  EXPECT_EQ(carets, "   | " + std::string(110, ' ') + "^^^^ not a column");

  std::string longer = LongLine("oops", 110, 121);
  auto [cut, cut_carets] = SourceAndCarets(RenderAt(longer, 110, 4));
  EXPECT_EQ(cut, " 1 | ..." + longer.substr(21));
  EXPECT_EQ(cut_carets, "   | " + std::string(92, ' ') + "^^^^ not a column");
}

TEST(RenderTextWindow, WideCharactersKeepCaretsAligned) {
  // 200 two-column characters: display width 400; the mark is on the 100th (columns 198-199).
  std::string line;
  for (int i = 0; i < 200; ++i) line += "顧";
  auto [source, carets] = SourceAndCarets(RenderAt(line, 99 * 3, 3));
  // Mark span [198, 200), 49 columns lead: the window [149, 249) starts inside a wide
  // character, which is shown as one space.
  std::string shown = " ";
  for (int i = 0; i < 49; ++i) shown += "顧";
  EXPECT_EQ(source, " 1 | ..." + shown + "...");
  EXPECT_EQ(carets, "   | " + std::string(52, ' ') + "^^ not a column");
}

}  // namespace
}  // namespace segc::diag
