// SourceManager: line/column lookup (columns count characters) and line text.
#include "compiler/diag/source.h"

#include <gtest/gtest.h>

namespace segc::diag {
namespace {

TEST(SourceManager, LocateCountsCharactersNotBytes) {
  SourceManager sm;
  FileId f = sm.Add("a.seg", "é顧x\nsecond\r\nlast");
  EXPECT_EQ(sm.Locate(f, 5).column, 3u);
  EXPECT_EQ(sm.Locate(f, 5).line, 1u);
  EXPECT_EQ(sm.Locate(f, 7).line, 2u);
  EXPECT_EQ(sm.Locate(f, 7).column, 1u);
  EXPECT_EQ(sm.LineText(f, 2), "second");
  EXPECT_EQ(sm.LineText(f, 3), "last");
  EXPECT_EQ(sm.LineText(f, 4), "");
  EXPECT_EQ(sm.Locate(f, 1000).line, 3u);
}

TEST(SourceManager, TextClampsRanges) {
  SourceManager sm;
  FileId f = sm.Add("a.seg", "hello");
  EXPECT_EQ(sm.Text({f, 1, 3}), "el");
  EXPECT_EQ(sm.Text({f, 3, 100}), "lo");
  EXPECT_EQ(sm.Text({f, 4, 2}), "");
}

}  // namespace
}  // namespace segc::diag
