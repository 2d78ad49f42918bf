// Statistic names for the run summary: the rule-language spelling of each statistic's input.
#include "compiler/plan/stat_names.h"

#include <gtest/gtest.h>

#include "compiler/plan/plan.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

/// Every name of the planned program: statistics, then derived columns.
std::vector<std::string> Names(const std::string& rules) {
  auto lowered = LowerRules(rules);
  EXPECT_TRUE(lowered.ok()) << lowered.status().message();
  if (!lowered.ok()) return {};
  auto planned = plan::Plan(*lowered);
  EXPECT_TRUE(planned.ok()) << planned.status().message();
  if (!planned.ok()) return {};
  plan::StatNames names = plan::NameStatistics(*planned);
  std::vector<std::string> out;
  for (size_t i = 0; i < names.stats.size(); ++i) {
    // Run inputs hoisted by the planner (as_of) are not statistics of the data.
    if (planned->graph.stats[i].kind != ir::StatKind::kScalar) out.push_back(names.stats[i]);
  }
  out.insert(out.end(), names.derived.begin(), names.derived.end());
  return out;
}

using V = std::vector<std::string>;

TEST(StatNames, PercentilesUseTheShorthand) {
  EXPECT_EQ(Names("segment A where cltv > p90\nsegment B where cltv > percentile(cltv, 0.995)\n"
                  "segment C where cltv < p50 and orders > p0"),
            (V{"p90(cltv)", "p99.5(cltv)", "median(cltv)", "p0(orders)"}));
}

TEST(StatNames, OneNamePerStatisticHoweverItIsWritten) {
  // p50, median and percentile(x, 0.5) are one statistic.
  EXPECT_EQ(Names("segment A where cltv > p50 and cltv >= median(cltv)\n"
                  "segment B where cltv < percentile(cltv, 50%)"),
            (V{"median(cltv)"}));
}

TEST(StatNames, OtherStatisticsAndRanks) {
  EXPECT_EQ(Names("score z = zscore(cltv)\n"
                  "score lo = min_of(orders) + days_since(max_of(last_purchase + 2w))\n"
                  "score t = ntile(5, last_purchase)\nscore c = cumshare(cltv)\n"
                  "score r = percent_rank(orders)"),
            (V{"mean(cltv)", "stddev(cltv)", "min_of(orders)", "max_of(last_purchase + 14d)",
               "ntile(5, last_purchase)", "cumshare(cltv)", "percent_rank(orders)"}));
}

TEST(StatNames, ExpressionsKeepPrecedenceAndDropImplicitCasts) {
  EXPECT_EQ(
      Names("let basket = cltv / orders\nsegment A where basket > 2 * p50(basket)\n"
            "segment B where (cltv + orders) * 2 > p75\n"
            "segment C where days_since(last_purchase) > mean(days_since(last_purchase))"),
      (V{"median(cltv / orders)", "p75((cltv + orders) * 2)", "mean(days_since(last_purchase))"}));
}

TEST(StatNames, NamedOutputsAndStringsThroughDictionaries) {
  EXPECT_EQ(Names("score s range 0..10 { +5 when consent\n +3 when country == \"FR\" }\n"
                  "segment Top where ntile(4, s) == 4\n"
                  "classify tier { \"hi\" when cltv > 10\n \"lo\" otherwise }\n"
                  "score t = mean(coalesce(orders, 0)) + 0 * cltv\n"
                  "score u = ntile(3, length(country))\n"),
            (V{"mean(coalesce(orders, 0))", "ntile(4, s)", "ntile(3, length(country))"}));
}

TEST(StatNames, AScoreThatIsJustAColumnDoesNotRenameIt) {
  EXPECT_EQ(Names("score spend = cltv\nsegment A where cltv > p90\nsegment B where spend > p50"),
            (V{"p90(cltv)", "median(cltv)"}));
}

TEST(StatNames, LongInputsAreShortened) {
  std::string sum = "orders";
  for (int i = 0; i < 40; ++i) sum += " + orders * " + std::to_string(i + 2);
  V names = Names("segment A where " + sum + " > p90");
  ASSERT_EQ(names.size(), 1u);
  EXPECT_LE(names[0].size(), 110u);
  EXPECT_EQ(names[0].substr(0, 13), "p90(orders + ");
  EXPECT_NE(names[0].find("...)"), std::string::npos) << names[0];
}

}  // namespace
}  // namespace segc::testing
