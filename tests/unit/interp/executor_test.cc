// Executor tests: determinism across thread counts and morsel sizes, edge row counts, inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "tests/unit/interp/run_testing.h"

namespace segc::testing {
namespace {

const char* const kRules = R"(
segment VIP where cltv > p90 and last_purchase < 90d
segment EU where country in ("FR", "DE", "IT") and consent
segment Dormant where last_purchase > 6mo and not VIP
score lead range 0..100 {
  +10 when orders > 5
  -5 when stage == "lead"
  +min(2 * orders, 20)
}
score big = orders * 4611686018427387904
classify abc { "A" when cumshare(cltv) <= 60%
  "B" when ntile(4, orders) >= 3
  "C" otherwise }
segment Spread where abs(cltv - mean(cltv)) > mean(abs(cltv - mean(cltv)))
)";

class RowCounts : public ::testing::TestWithParam<int64_t> {};

TEST_P(RowCounts, SameBitsForEveryThreadCountAndMorselSize) {
  rt::Table table = SampleTable(GetParam());
  rt::RunResult one = RunRules(kRules, table, 1);
  EXPECT_EQ(one.rows, GetParam());
  std::string expected = Fingerprint(one);
  for (int threads : {2, 7}) {
    EXPECT_EQ(Fingerprint(RunRules(kRules, table, threads)), expected) << threads << " threads";
  }
  EXPECT_EQ(Fingerprint(RunRules(kRules, table, 7, {}, 64)), expected) << "64-row morsels";
  EXPECT_EQ(Fingerprint(RunRules(kRules, table, 3, {}, 100)), expected) << "128-row morsels";
}

INSTANTIATE_TEST_SUITE_P(Executor, RowCounts,
                         ::testing::Values(0, 1, 63, 64, 65, 777, 65535, 65536, 65537));

TEST(Executor, ZeroRowsGiveEmptyResults) {
  rt::RunResult r = RunRules(kRules, SampleTable(0), 2);
  EXPECT_EQ(r.rows, 0);
  ASSERT_EQ(r.segments.size(), 4u);
  EXPECT_EQ(r.segments[0].count, 0);
  EXPECT_EQ(r.scores[0].count, 0);
  EXPECT_EQ(r.classes[0].null_count, 0);
}

TEST(Executor, CountsMatchMembersAndOverflowIsSummed) {
  rt::Table table = SampleTable(66000);
  rt::RunResult r = RunRules(kRules, table, 2);
  int64_t overflow = 0;
  const rt::Column& orders = *table.GetColumn("orders");
  for (int64_t i = 0; i < orders.length(); ++i) {
    if (orders.IsValid(i) && (orders.Int64(i) >= 2 || orders.Int64(i) < -2)) ++overflow;
  }
  EXPECT_EQ(r.overflow_count, overflow);
  for (const auto& s : r.segments) EXPECT_EQ(int64_t(Members(r, s.name).size()), s.count);
  EXPECT_EQ(r.segments[0].name, "VIP");
  EXPECT_GT(r.segments[0].count, 0);
}

TEST(Executor, MissingOrMistypedColumnIsADataError) {
  rt::Table table = SampleTable(10);
  auto dropped = table.Select({"id", "cltv", "orders", "last_purchase", "stage", "consent"});
  ASSERT_TRUE(dropped.ok());
  auto missing = TryRun(kRules, *dropped, 1);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("'country'"), std::string::npos);
  // A column the rules never read may be absent.
  auto unused = TryRun("segment S where orders > 1\n", *dropped, 1);
  EXPECT_TRUE(unused.ok()) << unused.status().message();
}

TEST(Executor, SlicedInputsAreReadFromTheirOffset) {
  rt::Table table = SampleTable(300);
  rt::Table slice = table.Slice(37, 200);
  rt::RunResult whole = RunRules("segment S where consent and orders > 10\n", table, 1);
  rt::RunResult part = RunRules("segment S where consent and orders > 10\n", slice, 2);
  std::vector<int64_t> expected;
  for (int64_t row : Members(whole, "S")) {
    if (row >= 37 && row < 237) expected.push_back(row - 37);
  }
  EXPECT_EQ(Members(part, "S"), expected);
}

// A cumshare whose running sum overflows is null where the share is not finite (inf / inf) and
// a value where it is (1.7e308 / inf == 0), on every thread count; the check for non-finite
// shares runs in morsels, so the overflowing rows sit in a later one.
TEST(Executor, CumshareOverflowIsNullOnEveryThreadCount) {
  std::vector<EngineRow> rows(70000);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i % 7 != 3) rows[i].cltv = double(i % 1000);
  }
  rows[66000].cltv = 1.7e308;  // summed first: 1.7e308, finite
  rows[69000].cltv = 1e308;    // then the running sum overflows
  const rt::Table table = EngineTable(rows);
  const char* const rules = "score cs = cumshare(cltv)\nscore pr = percent_rank(cltv)\n";
  const rt::RunResult one = RunRules(rules, table, 1);
  EXPECT_EQ(ScoreAt(one, "cs", 66000), std::optional<double>(0.0));
  EXPECT_EQ(ScoreAt(one, "cs", 69000), std::nullopt);
  EXPECT_EQ(ScoreAt(one, "cs", 1), std::nullopt);
  EXPECT_EQ(ScoreAt(one, "cs", 3), std::nullopt);  // null cltv
  EXPECT_EQ(ScoreAt(one, "pr", 66000), std::optional<double>(1.0));
  EXPECT_EQ(ScoreAt(one, "pr", 3), std::nullopt);
  EXPECT_EQ(Fingerprint(RunRules(rules, table, 2)), Fingerprint(one));
}

// Score summaries (count, sum, min, max, mean) and label counts are computed in morsels on the
// run's threads, and must be the row-order ones bit for bit: small integers (summed in
// parallel, exactly), fractions and integers too large for an exact sum (summed again in row
// order), signed zeros.
TEST(Executor, SummariesAreTheRowOrderOnesOnEveryThreadCount) {
  const rt::Table table = SampleTable(200000);
  const char* const rules = R"(score small = orders
score fraction = cltv * 1.1
score huge = orders * 1000000000000000.0
score zeros = orders * -0.0
classify tier { "high" when cltv > 500
  "low" when cltv <= 500 }
)";
  const auto same_bits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
  for (int threads : {1, 2, 7}) {
    const rt::RunResult r = RunRules(rules, table, threads);
    for (const rt::ScoreResult& s : r.scores) {
      int64_t count = 0;
      double sum = 0, min = 0, max = 0;
      for (int64_t i = 0; i < s.values.length(); ++i) {
        if (s.values.IsNull(i)) continue;
        const double v = s.values.Float64(i);
        min = count == 0 ? v : std::min(min, v);
        max = count == 0 ? v : std::max(max, v);
        sum += v;
        ++count;
      }
      const std::string what = s.name + ", " + std::to_string(threads) + " thread(s)";
      EXPECT_EQ(s.count, count) << what;
      EXPECT_TRUE(same_bits(s.sum, sum)) << what << ": " << s.sum << " vs " << sum;
      EXPECT_TRUE(same_bits(s.min, min)) << what;
      EXPECT_TRUE(same_bits(s.max, max)) << what;
      EXPECT_TRUE(same_bits(s.mean, count > 0 ? sum / double(count) : 0.0)) << what;
    }
    const rt::ClassResult& tier = ClassOf(r, "tier");
    std::vector<int64_t> counts(tier.labels.size(), 0);
    int64_t nulls = 0;
    for (int64_t i = 0; i < tier.values.length(); ++i) {
      if (tier.values.IsNull(i)) {
        ++nulls;
      } else {
        ++counts[size_t(tier.values.Code(i))];
      }
    }
    EXPECT_EQ(tier.label_counts, counts);
    EXPECT_EQ(tier.null_count, nulls);
  }
}

}  // namespace
}  // namespace segc::testing
