// Did-you-mean: one edit distance and one threshold for rule names, parser keywords and
// command-line words.
#include "compiler/diag/suggest.h"

#include <gtest/gtest.h>

namespace segc::diag {
namespace {

TEST(Suggest, DamerauLevenshtein) {
  EXPECT_EQ(EditDistance("cltv", "cltv"), 0u);
  EXPECT_EQ(EditDistance("agr", "age"), 1u);
  EXPECT_EQ(EditDistance("lenght", "length"), 1u);  // adjacent transposition
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(SuggestionThreshold("ab"), 1u);
  EXPECT_EQ(SuggestionThreshold("last_purchse"), 4u);
  EXPECT_EQ(DidYouMean("last_purchse", {"first_purchase", "last_purchase"}),
            "did you mean 'last_purchase'?");
  EXPECT_EQ(DidYouMean("zzz", {"cltv", "age"}), "");
  EXPECT_EQ(DidYouMean("D", {"A", "B"}), "") << "nothing in common is no suggestion";
  EXPECT_EQ(DidYouMean("CLTV", {"cltv"}), "did you mean 'cltv'?");
}

TEST(Suggest, CommandLineWords) {
  std::vector<std::string> names = {"check", "help"};
  EXPECT_EQ(DidYouMean("chek", names), "did you mean 'check'?");
  EXPECT_EQ(DidYouMean("hlep", names), "did you mean 'help'?");  // one transposition
  EXPECT_EQ(DidYouMean("xyz", names), "");
  EXPECT_EQ(ClosestNames("e0101", {"E0101", "E0102"}), std::vector<std::string>{"E0101"});
  EXPECT_EQ(ClosestNames("CHECK", names), std::vector<std::string>{"check"});
}

}  // namespace
}  // namespace segc::diag
