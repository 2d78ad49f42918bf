// matches(s, "re") runs RE2, the engine sema validates patterns with (not ECMAScript std::regex).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/unit/interp/run_testing.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

using Rows = std::vector<int64_t>;

/// An engine-schema table whose only non-null text column is `country`.
rt::Table Countries(const std::vector<std::optional<std::string>>& country) {
  std::vector<EngineRow> rows;
  for (const auto& c : country) rows.push_back({.country = c});
  return EngineTable(rows);
}

TEST(Matches, InlineFlagsAreRe2Syntax) {
  // `(?i)` is RE2's case-insensitive flag; ECMAScript std::regex rejects it outright.
  rt::Table t = Countries({"Gold", "gold-plus", "GOLDEN", "silver gold", {}, "Silver"});
  auto r = RunRules("segment G where matches(country, \"(?i)^gold\")\n", t);
  EXPECT_EQ(Members(r, "G"), Rows({0, 1, 2}));
}

TEST(Matches, SearchesAnywhereUnlessAnchored) {
  rt::Table t = Countries({"a@example.com", "b@example.com.evil", "example", {}});
  auto r = RunRules(R"(
segment Anywhere where matches(country, "example")
segment Anchored where matches(country, "@example\\.com$")
segment TextStart where matches(country, "\\Aexample")
)",
                    t);
  EXPECT_EQ(Members(r, "Anywhere"), Rows({0, 1, 2}));
  EXPECT_EQ(Members(r, "Anchored"), Rows({0}));
  // `\A` is RE2's start of text; ECMAScript would read it as a literal 'A'.
  EXPECT_EQ(Members(r, "TextStart"), Rows({2}));
}

TEST(Matches, DotMatchesCodePoints) {
  // RE2 works on UTF-8 code points: "Zé" is two characters (three bytes).
  rt::Table t = Countries({"Zé", "ZZ", "Zéé", "Z"});
  auto r = RunRules("segment Two where matches(country, \"^..$\")\n", t);
  EXPECT_EQ(Members(r, "Two"), Rows({0, 1}));
}

TEST(Matches, SeveralPatternsOverTheSameColumn) {
  // Each pattern is compiled once and cached; alternating patterns must not mix up results.
  rt::Table t = Countries({"FR", "de", "Italy", "fr", "DE"});
  auto r = RunRules(R"(
segment Upper where matches(country, "^[A-Z]+$")
segment Lower where matches(country, "^[a-z]+$")
segment Fr where matches(country, "(?i)fr")
segment Both where matches(country, "^[A-Z]+$") or matches(country, "^[a-z]+$")
)",
                    t);
  EXPECT_EQ(Members(r, "Upper"), Rows({0, 4}));
  EXPECT_EQ(Members(r, "Lower"), Rows({1, 3}));
  EXPECT_EQ(Members(r, "Fr"), Rows({0, 3}));
  EXPECT_EQ(Members(r, "Both"), Rows({0, 1, 3, 4}));
}

}  // namespace
}  // namespace segc::testing
