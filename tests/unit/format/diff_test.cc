// The unified diff of `segc fmt --check`.
#include "compiler/format/diff.h"

#include <gtest/gtest.h>

namespace segc::format {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) { EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "f"), ""); }

TEST(UnifiedDiff, OneChangedLineWithContext) {
  EXPECT_EQ(UnifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nV\n6\n7\n8\n9\n", "r.seg"),
            "--- a/r.seg\n+++ b/r.seg\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesGetSeparateHunks) {
  std::string a, b;
  for (int i = 1; i <= 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2    ? std::string("two")
          : i == 18 ? std::string("eighteen")
                    : std::to_string(i)) +
         "\n";
  }
  EXPECT_EQ(UnifiedDiff(a, b, "f", 1),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -17,3 +17,3 @@\n 17\n-18\n"
            "+eighteen\n 19\n");
  // Changes closer than twice the context share a hunk.
  EXPECT_EQ(UnifiedDiff("a\nb\nc\nd\n", "A\nb\nc\nD\n", "f", 1),
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n-d\n+D\n");
}

TEST(UnifiedDiff, InsertionsDeletionsAndEmptySides) {
  EXPECT_EQ(UnifiedDiff("", "x\n", "f"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  EXPECT_EQ(UnifiedDiff("x\ny\n", "y\n", "f"), "--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n-x\n y\n");
  EXPECT_EQ(UnifiedDiff("a\nc\n", "a\nb\nc\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
}

TEST(UnifiedDiff, MissingFinalNewline) {
  EXPECT_EQ(UnifiedDiff("a\nb", "a\nb\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

}  // namespace
}  // namespace segc::format
