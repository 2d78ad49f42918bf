// Did-you-mean for subcommands, topics and codes.
#include "cli/suggest.h"

#include <gtest/gtest.h>

namespace segc::cli {
namespace {

TEST(EditDistance, ClassicCasesIgnoringCase) {
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("CHECK", "check"), 0u);
  EXPECT_EQ(EditDistance("chek", "check"), 1u);
}

TEST(ClosestMatch, WithinAThirdOfTheWord) {
  std::vector<std::string> names = {"check", "help"};
  EXPECT_EQ(ClosestMatch("chek", names), "check");
  EXPECT_EQ(ClosestMatch("hlep", names), std::nullopt);  // two edits in four letters
  EXPECT_EQ(ClosestMatch("xyz", names), std::nullopt);
  EXPECT_EQ(ClosestMatch("e0101", {"E0101", "E0102"}), "E0101");
}

}  // namespace
}  // namespace segc::cli
