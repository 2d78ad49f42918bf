// End-to-end tests of every construct: rules → lower → plan → interpreter → executor.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "compiler/ir/calendar.h"
#include "tests/unit/interp/run_testing.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

using Rows = std::vector<int64_t>;

TEST(Interp, ComparisonsAndKleeneLogic) {
  rt::Table t = EngineTable({{.orders = 5, .consent = true},
                             {.orders = 1, .consent = true},
                             {.orders = {}, .consent = true},
                             {.orders = {}, .consent = false},
                             {.orders = 7, .consent = {}}});
  auto r = RunRules(R"(
segment A where orders > 2 and consent
segment O where orders > 2 or consent
segment N where not (orders > 2)
segment K where not (orders > 2 and consent)
segment Null where orders is null
segment NotNull where orders is not null
)",
                    t);
  EXPECT_EQ(Members(r, "A"), Rows({0}));
  EXPECT_EQ(Members(r, "O"), Rows({0, 1, 2, 4}));
  EXPECT_EQ(Members(r, "N"), Rows({1}));
  EXPECT_EQ(Members(r, "K"), Rows({1, 3}));  // null and true is null; null and false is false
  EXPECT_EQ(Members(r, "Null"), Rows({2, 3}));
  EXPECT_EQ(Members(r, "NotNull"), Rows({0, 1, 4}));
}

TEST(Interp, StringsUseDictionaryLookups) {
  rt::Table t = EngineTable({{.country = "FR"},
                             {.country = "de"},
                             {.country = {}},
                             {.country = "Italy"},
                             {.country = "FR"}});
  auto r = RunRules(R"(
segment EU where country in ("FR", "DE", "IT")
segment NotEU where country not in ("FR", "DE")
segment Upper where upper(country) == "DE"
segment Long where length(country) > 2
segment Starts where starts_with(country, "It") or ends_with(country, "e") or contains(country, "R")
segment Re where matches(country, "^[A-Z]{2}$")
segment Missing where coalesce(country, "none") == "none"
segment Ordered where country < "G"
)",
                    t);
  EXPECT_EQ(Members(r, "EU"), Rows({0, 4}));
  EXPECT_EQ(Members(r, "NotEU"), Rows({1, 3}));
  EXPECT_EQ(Members(r, "Upper"), Rows({1}));
  EXPECT_EQ(Members(r, "Long"), Rows({3}));
  EXPECT_EQ(Members(r, "Starts"), Rows({0, 1, 3, 4}));
  EXPECT_EQ(Members(r, "Re"), Rows({0, 4}));
  EXPECT_EQ(Members(r, "Missing"), Rows({2}));
  EXPECT_EQ(Members(r, "Ordered"), Rows({0, 4}));  // bytes: "FR" < "G" < "Italy" < "de"
}

TEST(Interp, EnumsCompareByValue) {
  rt::Table t = EngineTable({{.stage = "lead"}, {.stage = "customer"}, {.stage = {}}});
  auto r = RunRules("segment L where stage == \"lead\"\nsegment C where stage != \"lead\"\n", t);
  EXPECT_EQ(Members(r, "L"), Rows({0}));
  EXPECT_EQ(Members(r, "C"), Rows({1}));
}

TEST(Interp, RecencyWithinAgoAndCalendarMonths) {
  // as_of 2026-11-01; 6mo ago = 2026-05-01 (184 days); 90d ago = 2026-08-03.
  rt::Table t = EngineTable({{.last = 0},
                             {.last = 89},
                             {.last = 90},
                             {.last = 91},
                             {.last = 184},
                             {.last = 185},
                             {.last = -1},
                             {.last = {}}});
  auto r = RunRules(R"(
segment Recent where last_purchase < 90d
segment Old where last_purchase >= 90d
segment Within where last_purchase within 90d
segment HalfYear where last_purchase > 6mo
segment Since where last_purchase < 90d ago
segment Band where last_purchase between 89d and 91d
segment Days where days_since(last_purchase) == 184
)",
                    t);
  EXPECT_EQ(Members(r, "Recent"), Rows({0, 1, 6}));  // d > as_of - 90
  EXPECT_EQ(Members(r, "Old"), Rows({2, 3, 4, 5}));
  EXPECT_EQ(Members(r, "Within"), Rows({0, 1, 2}));  // future dates are not within
  EXPECT_EQ(Members(r, "HalfYear"), Rows({5}));
  EXPECT_EQ(Members(r, "Since"), Rows({3, 4, 5}));
  EXPECT_EQ(Members(r, "Band"), Rows({1, 2, 3}));
  EXPECT_EQ(Members(r, "Days"), Rows({4}));
}

// `last` is days before as_of (2026-11-01); Before() turns a calendar date into that.
int32_t Before(int64_t year, int month, int day) {
  return int32_t(kAsOf - ir::DaysFromCivil({year, month, day}));
}

TEST(Interp, AgeYearsSinceMonthsSinceAreCalendarExact) {
  rt::Table t = EngineTable({{.last = Before(1990, 11, 2)},
                             {.last = Before(1990, 11, 1)},
                             {.last = Before(2026, 1, 31)},
                             {.last = Before(2026, 12, 15)},
                             {.last = Before(2027, 11, 1)},
                             {.last = {}}});
  auto r = RunRules(R"(
score a = age(last_purchase)
score y = years_since(last_purchase)
score m = months_since(last_purchase)
segment Adult36 where age(last_purchase) >= 36
segment Year_By_Shift where last_purchase >= 1y
segment Year_By_Months where months_since(last_purchase) >= 12
)",
                    t);
  std::vector<std::optional<double>> ages, years, months;
  for (int64_t i = 0; i < 6; ++i) {
    ages.push_back(ScoreAt(r, "a", i));
    years.push_back(ScoreAt(r, "y", i));
    months.push_back(ScoreAt(r, "m", i));
  }
  using Opt = std::vector<std::optional<double>>;
  EXPECT_EQ(ages, (Opt{35, 36, 0, 0, -1, std::nullopt}));  // born 1990-11-02: 35 until 11-02
  EXPECT_EQ(years, ages);
  EXPECT_EQ(months, (Opt{431, 432, 9, -1, -12, std::nullopt}));
  EXPECT_EQ(Members(r, "Adult36"), Rows({1}));
  EXPECT_EQ(Members(r, "Year_By_Months"), Members(r, "Year_By_Shift"));
  EXPECT_EQ(Members(r, "Year_By_Months"), Rows({0, 1}));
}

// Simple (one code point to one) Unicode case mapping: ß uppercases to ẞ (U+1E9E), not "SS";
// Σ always lowercases to σ (no final-sigma rule); length counts code points.
TEST(Interp, LowerUpperMapUnicodeLetters) {
  rt::Table t = EngineTable({{.country = "SAINT-ÉTIENNE"},
                             {.country = "straße"},
                             {.country = "ΣΟΦΙΑ"},
                             {.country = "Ça va"},
                             {.country = {}}});
  auto r = RunRules(R"(
segment Saint where lower(country) == "saint-étienne"
segment Strasse where upper(country) == "STRAẞE"
segment Full_Mapping where upper(country) == "STRASSE"
segment Sophia where lower(country) == "σοφια"
segment Ca where upper(country) == "ÇA VA" and lower(country) == "ça va"
segment Round_Trip where lower(upper(country)) == lower(country)
score n = length(upper(country))
)",
                    t);
  EXPECT_EQ(Members(r, "Saint"), Rows({0}));
  EXPECT_EQ(Members(r, "Strasse"), Rows({1}));
  EXPECT_EQ(Members(r, "Full_Mapping"), Rows({}));
  EXPECT_EQ(Members(r, "Sophia"), Rows({2}));
  EXPECT_EQ(Members(r, "Ca"), Rows({3}));
  EXPECT_EQ(Members(r, "Round_Trip"), Rows({0, 1, 2, 3}));
  EXPECT_EQ(ScoreAt(r, "n", 0), 13.0);
  EXPECT_EQ(ScoreAt(r, "n", 1), 6.0);
  EXPECT_EQ(ScoreAt(r, "n", 4), std::nullopt);
}

TEST(Interp, ArithmeticOverflowAndDivisionByZeroGiveNull) {
  rt::Table t = EngineTable({{.cltv = 0, .orders = std::numeric_limits<int64_t>::max()},
                             {.cltv = 2, .orders = 4},
                             {.cltv = 1e300, .orders = std::numeric_limits<int64_t>::min()}});
  auto r = RunRules(R"(
score Plus = orders + 1
score Ratio = orders / cltv
score Big = cltv * cltv
score Neg = -orders
)",
                    t);
  EXPECT_EQ(ScoreAt(r, "Plus", 0), std::nullopt);
  EXPECT_EQ(ScoreAt(r, "Plus", 1), 5.0);
  EXPECT_EQ(ScoreAt(r, "Ratio", 0), std::nullopt);  // division by zero
  EXPECT_EQ(ScoreAt(r, "Ratio", 1), 2.0);
  EXPECT_EQ(ScoreAt(r, "Big", 2), std::nullopt);  // not finite
  EXPECT_EQ(ScoreAt(r, "Neg", 2), std::nullopt);
  EXPECT_EQ(ScoreAt(r, "Neg", 0), -double(std::numeric_limits<int64_t>::max()));
  EXPECT_EQ(r.overflow_count, 3);  // orders + 1, cltv * 1e300, -INT64_MIN
}

TEST(Interp, ScorePointsFormRangeAndSummary) {
  rt::Table t = EngineTable({{.cltv = 10, .orders = 60, .consent = true},
                             {.cltv = 10, .orders = 2, .consent = {}},
                             {.cltv = {}, .orders = 60, .consent = false},
                             {.cltv = 1, .orders = {}, .consent = true}});
  auto r = RunRules(R"(
score s range 0..100 {
  +10 when orders > 50
  -5 when consent
  +min(2 * orders, 20)
}
score e = cltv * 2
score clamped range 0..15 = cltv * 2
)",
                    t);
  EXPECT_EQ(ScoreAt(r, "s", 0), 25.0);
  EXPECT_EQ(ScoreAt(r, "s", 1), 4.0);  // null condition adds 0
  EXPECT_EQ(ScoreAt(r, "s", 2), 30.0);
  EXPECT_EQ(ScoreAt(r, "s", 3), std::nullopt);  // +EXPR null makes the score null
  const rt::ScoreResult& s = ScoreOf(r, "s");
  EXPECT_EQ(s.count, 3);
  EXPECT_EQ(s.sum, 59.0);
  EXPECT_EQ(s.min, 4.0);
  EXPECT_EQ(s.max, 30.0);
  EXPECT_DOUBLE_EQ(s.mean, 59.0 / 3);
  EXPECT_EQ(ScoreAt(r, "clamped", 0), 15.0);
  EXPECT_EQ(ScoreAt(r, "clamped", 3), 2.0);
  EXPECT_EQ(ScoreAt(r, "e", 2), std::nullopt);
}

TEST(Interp, ScoreRulesWithANullConditionAddNothing) {
  rt::Table t = EngineTable({{.cltv = {}, .orders = {}, .consent = {}},
                             {.cltv = 5, .orders = 3, .consent = {}},
                             {.cltv = {}, .orders = 10, .consent = true}});
  auto r = RunRules(R"(
score s range -50..50 {
  +10 when consent
  -20 when cltv > 3
  -5 when orders >= 10
  +cltv when orders > 5
}
)",
                    t);
  // Every condition null, including the rule whose points are null too: 0, not null.
  EXPECT_EQ(ScoreAt(r, "s", 0), 0.0);
  // Null consent adds nothing (not +10, and not null); cltv > 3 subtracts.
  EXPECT_EQ(ScoreAt(r, "s", 1), -20.0);
  // A rule that applies with null points makes the score null.
  EXPECT_EQ(ScoreAt(r, "s", 2), std::nullopt);
}

TEST(Interp, RunResultListsTheStatisticsItComputed) {
  rt::Table t = EngineTable({{.cltv = 1, .orders = 1, .last = 10},
                             {.cltv = 2, .orders = 1, .last = 20},
                             {.cltv = 3, .orders = 2, .last = 30},
                             {.cltv = 4, .orders = 7, .last = 41},
                             {.cltv = {}, .orders = {}, .last = {}}});
  auto r = RunRules(R"(
segment Top where cltv > p75 and orders > min_of(orders)
segment Recent where last_purchase > median(last_purchase)
score tile = ntile(4, last_purchase)
score f = ntile(2, orders)
score share = cumshare(cltv)
)",
                    t);
  ASSERT_EQ(r.statistics.size(), 5u);  // cumshare has no single value
  const rt::StatisticResult& p75 = r.statistics[0];
  EXPECT_EQ(p75.name, "p75(cltv)");
  EXPECT_EQ(p75.kind, rt::ValueKind::kFloat);
  EXPECT_EQ(p75.value, 3.25);
  const rt::StatisticResult& low = r.statistics[1];
  EXPECT_EQ(low.name, "min_of(orders)");
  EXPECT_EQ(low.kind, rt::ValueKind::kInt);
  EXPECT_EQ(low.int_value, 1);
  // Days before as_of 10, 20, 30, 41: the median falls between two days.
  const rt::StatisticResult& median = r.statistics[2];
  EXPECT_EQ(median.name, "median(last_purchase)");
  EXPECT_EQ(median.kind, rt::ValueKind::kDate);
  EXPECT_EQ(median.value, kAsOf - 25.0);
  const rt::StatisticResult& tile = r.statistics[3];
  EXPECT_EQ(tile.name, "ntile(4, last_purchase)");
  EXPECT_TRUE(tile.is_ntile);
  EXPECT_EQ(tile.kind, rt::ValueKind::kDate);
  EXPECT_EQ(tile.cuts, (std::vector<double>{kAsOf - 32.75, kAsOf - 25.0, kAsOf - 17.5}));
  EXPECT_EQ(r.statistics[4].name, "ntile(2, orders)");
  EXPECT_EQ(r.statistics[4].cuts, (std::vector<double>{1.5}));
}

TEST(Interp, ClassifyFirstMatchWinsAndCountsLabels) {
  rt::Table t = EngineTable({{.orders = 10}, {.orders = 5}, {.orders = 1}, {.orders = {}}});
  auto r = RunRules(R"(
classify tier { "A" when orders >= 10
  "B" when orders >= 5
  "C" otherwise }
classify partial { "big" when orders >= 5 }
segment IsB where tier == "B"
)",
                    t);
  EXPECT_EQ(LabelAt(r, "tier", 0), "A");
  EXPECT_EQ(LabelAt(r, "tier", 1), "B");
  EXPECT_EQ(LabelAt(r, "tier", 2), "C");
  EXPECT_EQ(LabelAt(r, "tier", 3), "C");  // null conditions do not match
  EXPECT_EQ(LabelAt(r, "partial", 2), "null");
  EXPECT_EQ(ClassOf(r, "tier").label_counts, (std::vector<int64_t>{1, 1, 2}));
  EXPECT_EQ(ClassOf(r, "partial").null_count, 2);
  EXPECT_EQ(Members(r, "IsB"), Rows({1}));
}

TEST(Interp, SegmentReferencesLetsAndParams) {
  rt::Table t = EngineTable({{.orders = 10, .consent = true},
                             {.orders = 10, .consent = {}},
                             {.orders = 1, .consent = true}});
  const char* rules = R"(
param min_orders = 5
let busy = orders >= min_orders
segment Busy where busy
segment Quiet where not Busy
segment Reachable where Busy and consent
)";
  auto r = RunRules(rules, t);
  EXPECT_EQ(Members(r, "Busy"), Rows({0, 1}));
  EXPECT_EQ(Members(r, "Quiet"), Rows({2}));  // a segment reference is never null
  EXPECT_EQ(Members(r, "Reachable"), Rows({0}));
  auto overridden = RunRules(rules, t, 1, {{"min_orders", "1"}});
  EXPECT_EQ(Members(overridden, "Busy"), Rows({0, 1, 2}));
  auto bad = TryRun(rules, t, 1, {{"min_orders", "\"x\""}});
  EXPECT_FALSE(bad.ok());
  auto unknown = TryRun(rules, t, 1, {{"nope", "1"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("'nope'"), std::string::npos);
}

TEST(Interp, PercentilesMeanStddevZscore) {
  rt::Table t =
      EngineTable({{.cltv = 1}, {.cltv = 2}, {.cltv = 3}, {.cltv = 4}, {.cltv = {}}, {.cltv = 10}});
  auto r = RunRules(R"(
segment Top where cltv > p75
segment Median where cltv == median(cltv)
score z = zscore(cltv)
score m = mean(cltv) + 0 * cltv
score sd = stddev(cltv) + 0 * cltv
score lo = min_of(cltv) + max_of(cltv) + 0 * cltv
segment Explicit where cltv >= p90(cltv)
)",
                    t);
  // values 1,2,3,4,10: p75 = 4, median 3, p90 = 4 + 0.6 * 6 = 7.6; mean 4; sd sqrt(50/4)
  EXPECT_EQ(Members(r, "Top"), Rows({5}));
  EXPECT_EQ(Members(r, "Median"), Rows({2}));
  EXPECT_EQ(Members(r, "Explicit"), Rows({5}));
  EXPECT_EQ(ScoreAt(r, "m", 0), 4.0);
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "sd", 0), std::sqrt(12.5));
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "z", 5), 6 / std::sqrt(12.5));
  EXPECT_EQ(ScoreAt(r, "z", 4), std::nullopt);
  EXPECT_EQ(ScoreAt(r, "lo", 0), 11.0);
}

TEST(Interp, NtileCumshareAndPercentRank) {
  rt::Table t = EngineTable({{.cltv = 10}, {.cltv = 20}, {.cltv = 20}, {.cltv = 50}, {.cltv = {}}});
  auto r = RunRules(R"(
score tile = ntile(2, cltv)
score share = cumshare(cltv)
score rank = percent_rank(cltv)
classify abc { "A" when cumshare(cltv) <= 60%
  "B" when cumshare(cltv) <= 90%
  "C" otherwise }
)",
                    t);
  // cut = median = 20: tiles 1 for x <= 20, ties together.
  EXPECT_EQ(ScoreAt(r, "tile", 0), 1.0);
  EXPECT_EQ(ScoreAt(r, "tile", 1), 1.0);
  EXPECT_EQ(ScoreAt(r, "tile", 3), 2.0);
  EXPECT_EQ(ScoreAt(r, "tile", 4), std::nullopt);
  // total 100: 50 → 0.5; 20 (ties share) → 0.9; 10 → 1.
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "share", 3), 0.5);
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "share", 1), 0.9);
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "share", 2), 0.9);
  EXPECT_EQ(ScoreAt(r, "share", 0), 1.0);
  EXPECT_EQ(ScoreAt(r, "rank", 0), 0.0);
  EXPECT_DOUBLE_EQ(*ScoreAt(r, "rank", 1), 1.0 / 3);
  EXPECT_EQ(ScoreAt(r, "rank", 3), 1.0);
  EXPECT_EQ(LabelAt(r, "abc", 3), "A");
  EXPECT_EQ(LabelAt(r, "abc", 1), "B");
  EXPECT_EQ(LabelAt(r, "abc", 0), "C");
  EXPECT_EQ(LabelAt(r, "abc", 4), "C");
}

TEST(Interp, StatisticsOfExpressionsRunInLaterStages) {
  rt::Table t = EngineTable({{.cltv = 1, .orders = 1},
                             {.cltv = 2, .orders = 2},
                             {.cltv = 3, .orders = 3},
                             {.cltv = 4, .orders = {}}});
  auto r = RunRules(R"(
score dev = abs(cltv - mean(cltv))
segment FarOff where dev > mean(dev)
score spend_tile = ntile(2, cltv * orders)
)",
                    t);
  // mean 2.5; dev 1.5 .5 .5 1.5; mean(dev) = 1
  EXPECT_EQ(Members(r, "FarOff"), Rows({0, 3}));
  EXPECT_EQ(ScoreAt(r, "spend_tile", 0), 1.0);  // products 1, 4, 9: median 4
  EXPECT_EQ(ScoreAt(r, "spend_tile", 1), 1.0);
  EXPECT_EQ(ScoreAt(r, "spend_tile", 2), 2.0);
  EXPECT_EQ(ScoreAt(r, "spend_tile", 3), std::nullopt);
}

TEST(Interp, DateFunctions) {
  rt::Table t = EngineTable({{.last = 0}, {.last = 31}, {.last = {}}});
  auto r = RunRules(R"(
score y = year(last_purchase)
score m = month(last_purchase)
score w = weekday(last_purchase)
segment AfterPivot where last_purchase >= 2026-10-01
)",
                    t);
  EXPECT_EQ(ScoreAt(r, "y", 0), 2026.0);
  EXPECT_EQ(ScoreAt(r, "m", 1), 10.0);  // 2026-10-01
  EXPECT_EQ(ScoreAt(r, "w", 0), 7.0);   // 2026-11-01 is a Sunday
  EXPECT_EQ(ScoreAt(r, "w", 2), std::nullopt);
  EXPECT_EQ(Members(r, "AfterPivot"), Rows({0, 1}));
}

TEST(Interp, NumericBuiltins) {
  rt::Table t = EngineTable({{.cltv = -2.5, .orders = -15}, {.cltv = 2.45, .orders = 14}});
  auto r = RunRules(R"(
score a = abs(orders)
score r = round(cltv)
score r1 = round(cltv, 1)
score ri = round(orders, -1)
score f = floor(cltv)
score c = ceil(cltv)
score mx = max(orders, 3, cltv)
score cl = clamp(orders, 0, 10)
)",
                    t);
  EXPECT_EQ(ScoreAt(r, "a", 0), 15.0);
  EXPECT_EQ(ScoreAt(r, "r", 0), -3.0);  // half away from zero
  EXPECT_EQ(ScoreAt(r, "r1", 1), 2.5);
  EXPECT_EQ(ScoreAt(r, "ri", 0), -20.0);
  EXPECT_EQ(ScoreAt(r, "ri", 1), 10.0);
  EXPECT_EQ(ScoreAt(r, "f", 0), -3.0);
  EXPECT_EQ(ScoreAt(r, "c", 1), 3.0);
  EXPECT_EQ(ScoreAt(r, "mx", 0), 3.0);
  EXPECT_EQ(ScoreAt(r, "mx", 1), 14.0);
  EXPECT_EQ(ScoreAt(r, "cl", 0), 0.0);
  EXPECT_EQ(ScoreAt(r, "cl", 1), 10.0);
}

TEST(Interp, StdlibModuleInstance) {
  rt::Table t = SampleTable(500);
  auto r = RunRules(R"(
import rfm(recency = last_purchase, frequency = orders, monetary = cltv)
segment Winback where rfm.At_Risk and consent
)",
                    t);
  ASSERT_FALSE(r.segments.empty());
  int64_t champions = -1, at_risk = -1, winback = -1;
  for (const auto& s : r.segments) {
    if (s.name == "rfm.Champions") champions = s.count;
    if (s.name == "rfm.At_Risk") at_risk = s.count;
    if (s.name == "Winback") winback = s.count;
  }
  EXPECT_GT(champions, 0);
  EXPECT_GT(at_risk, 0);
  EXPECT_GE(at_risk, winback);
  EXPECT_GT(winback, 0);
  const rt::ClassResult& label = ClassOf(r, "rfm.segment_label");
  int64_t total = label.null_count;
  for (int64_t c : label.label_counts) total += c;
  EXPECT_EQ(total, 500);
}

}  // namespace
}  // namespace segc::testing
