// Tests for the statistics kernels against hand-computed PostgreSQL reference values.
// Expected numbers come from PostgreSQL's definitions (percentile_cont: v[lo] + (v[hi] - v[lo]) *
// (q*(n-1) - lo) on sorted non-null values; percent_rank: (rank - 1) / (n - 1); stddev_samp with
// the n - 1 denominator), evaluated with a small python3 script when the test was written.
#include "segc/stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace segc::rt {
namespace {

using Vals = std::vector<std::optional<double>>;
const std::optional<double> N = std::nullopt;

Column F(const Vals& v) { return Column::FromFloat64(v); }

void ExpectNear(std::optional<double> got, std::optional<double> want, const std::string& what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (want) {
    EXPECT_NEAR(*got, *want, 1e-12 * std::max(1.0, std::abs(*want))) << what;
  }
}

void ExpectNear(const Result<std::optional<double>>& got, std::optional<double> want,
                const std::string& what) {
  ASSERT_TRUE(got.ok()) << what << ": " << got.status().message();
  ExpectNear(*got, want, what);
}

struct PercentileCase {
  const char* name;
  Vals input;
  double q;
  std::optional<double> expected;
};

class PercentileTest : public testing::TestWithParam<PercentileCase> {};

TEST_P(PercentileTest, MatchesPostgresPercentileCont) {
  const PercentileCase& c = GetParam();
  ExpectNear(Percentile(F(c.input), c.q), c.expected, c.name);
}

INSTANTIATE_TEST_SUITE_P(
    Reference, PercentileTest,
    testing::Values(
        PercentileCase{"simple_p0", {1, 2, 3, 4, 5}, 0.0, 1},
        PercentileCase{"simple_p10", {1, 2, 3, 4, 5}, 0.1, 1.4},
        PercentileCase{"simple_p90", {5, 4, 3, 2, 1}, 0.9, 4.6},
        PercentileCase{"simple_p100", {1, 2, 3, 4, 5}, 1.0, 5},
        PercentileCase{"even_median", {40, 10, 30, 20}, 0.5, 25},
        PercentileCase{"even_p25", {10, 20, 30, 40}, 0.25, 17.5},
        PercentileCase{"even_p90", {10, 20, 30, 40}, 0.9, 37},
        PercentileCase{"ties_p25", {5, 5, 5, 1, 1, 9}, 0.25, 2},
        PercentileCase{"ties_median", {5, 5, 5, 1, 1, 9}, 0.5, 5},
        PercentileCase{"ties_p90", {5, 5, 5, 1, 1, 9}, 0.9, 7},
        PercentileCase{"nulls_p10", {N, 3, N, 1, 2, N}, 0.1, 1.2},
        PercentileCase{"nulls_p90", {N, 3, N, 1, 2, N}, 0.9, 2.8},
        PercentileCase{"one_row", {42}, 0.9, 42}, PercentileCase{"all_null", {N, N}, 0.5, N},
        PercentileCase{"empty", {}, 0.5, N},
        PercentileCase{"negatives_p10", {-5, -1, -3, 2, 0}, 0.1, -4.2},
        PercentileCase{"negatives_p90", {-5, -1, -3, 2, 0}, 0.9, 1.2000000000000002},
        PercentileCase{"floats_p25", {0.5, 2.25, -1.75, 3.0, 10.125, 7.5}, 0.25, 0.9375},
        PercentileCase{"floats_p90", {0.5, 2.25, -1.75, 3.0, 10.125, 7.5}, 0.9, 8.8125},
        PercentileCase{"skewed_p90", {100, 1, 1000, 10, 10000, 1, 1}, 0.9, 4600.000000000004},
        PercentileCase{"skewed_median", {100, 1, 1000, 10, 10000, 1, 1}, 0.5, 10}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Stats, IntAndDateColumnsAreAccepted) {
  Column ints = Column::FromInt64({3, std::nullopt, 1, 2});
  ExpectNear(Percentile(ints, 0.5), 2, "int median");
  Column dates = Column::FromDate32({10, 20});
  ExpectNear(Median(dates), 15, "date median");
}

TEST(Stats, MeanStddevMinMax) {
  ExpectNear(Mean(F({1, 2, 3, 4, 5})), 3.0, "mean");
  ExpectNear(StddevSamp(F({1, 2, 3, 4, 5})), 1.5811388300841898, "sd");
  ExpectNear(StddevSamp(F({10, 20, 30, 40})), 12.909944487358056, "sd even");
  ExpectNear(Mean(F({5, 5, 5, 1, 1, 9})), 4.333333333333333, "mean ties");
  ExpectNear(StddevSamp(F({5, 5, 5, 1, 1, 9})), 3.011090610836324, "sd ties");
  ExpectNear(StddevSamp(F({N, 3, N, 1, 2, N})), 1.0, "sd nulls");
  ExpectNear(Mean(F({-5, -1, -3, 2, 0})), -1.4, "mean neg");
  ExpectNear(StddevSamp(F({-5, -1, -3, 2, 0})), 2.701851217221259, "sd neg");
  ExpectNear(StddevSamp(F({0.5, 2.25, -1.75, 3.0, 10.125, 7.5})), 4.43171571365613, "sd floats");
  ExpectNear(StddevSamp(F({42})), N, "sd one row is null");
  ExpectNear(Mean(F({N, N})), N, "mean all null");
  ExpectNear(MinOf(F({N, 3, -2})), -2, "min");
  ExpectNear(MaxOf(F({N, 3, -2})), 3, "max");
  ExpectNear(MaxOf(F({N})), N, "max all null");
}

std::vector<std::optional<int64_t>> Ints(const Column& c) {
  std::vector<std::optional<int64_t>> out;
  for (int64_t i = 0; i < c.length(); ++i) {
    out.push_back(c.IsValid(i) ? std::optional<int64_t>(c.Int64(i)) : std::nullopt);
  }
  return out;
}

void ExpectFloats(const Column& c, const Vals& want, const std::string& what) {
  ASSERT_EQ(c.length(), int64_t(want.size())) << what;
  for (int64_t i = 0; i < c.length(); ++i) {
    ExpectNear(c.IsValid(i) ? std::optional<double>(c.Float64(i)) : N, want[i],
               what + " row " + std::to_string(i));
  }
}

TEST(Stats, NtileCutsAndAssignment) {
  EXPECT_EQ(NtileCuts(F({1, 2, 3, 4, 5}), 4), (std::vector<double>{2, 3, 4}));
  EXPECT_EQ(NtileCuts(F({5, 5, 5, 1, 1, 9}), 4), (std::vector<double>{2, 5, 5}));
  EXPECT_TRUE(NtileCuts(F({N, N}), 4).empty());
  using I = std::vector<std::optional<int64_t>>;
  EXPECT_EQ(Ints(Ntile(F({1, 2, 3, 4, 5}), 4)), (I{1, 1, 2, 3, 4}));
  EXPECT_EQ(Ints(Ntile(F({10, 20, 30, 40}), 4)), (I{1, 2, 3, 4}));
  EXPECT_EQ(Ints(Ntile(F({5, 5, 5, 1, 1, 9}), 4)), (I{2, 2, 2, 1, 1, 4}));
  EXPECT_EQ(
      Ints(Ntile(F({N, 3, N, 1, 2, N}), 4)),
      (I{std::optional<int64_t>(), 4, std::optional<int64_t>(), 1, 2, std::optional<int64_t>()}));
  EXPECT_EQ(Ints(Ntile(F({42}), 4)), (I{1}));
  EXPECT_EQ(Ints(Ntile(F({-5, -1, -3, 2, 0}), 4)), (I{1, 2, 1, 4, 3}));
  EXPECT_EQ(Ints(Ntile(F({100, 1, 1000, 10, 10000, 1, 1}), 4)), (I{3, 1, 4, 2, 4, 1, 1}));
  EXPECT_EQ(Ints(Ntile(F({N, N}), 3)), (I{std::optional<int64_t>(), std::optional<int64_t>()}));
}

// The property segc's ntile promises and SQL NTILE breaks: equal values always share a tile,
// however many rows they span and wherever a cut point falls among them.
TEST(Stats, NtileKeepsTiesTogether) {
  using I = std::vector<std::optional<int64_t>>;
  // Six rows of 1 span the first three fifths by row count (SQL NTILE: 1,1,2,2,3,3,4,4,5,5).
  // Cuts p20 = 1, p40 = 1, p60 = 1.4, p80 = 3.2: all the 1s get tile 1, tiles 2 and 3 stay empty.
  Column x = F({1, 1, 1, 1, 1, 1, 2, 3, 4, 5});
  std::vector<double> cuts = NtileCuts(x, 5);
  ASSERT_EQ(cuts.size(), 4u);
  const double want[] = {1, 1, 1.4, 3.2};
  for (size_t k = 0; k < 4; ++k) EXPECT_NEAR(cuts[k], want[k], 1e-12);
  EXPECT_EQ(Ints(Ntile(x, 5)), (I{1, 1, 1, 1, 1, 1, 4, 4, 5, 5}));
  // All values equal: one tile for everyone, whatever n.
  EXPECT_EQ(Ints(Ntile(F({7, 7, 7, 7}), 3)), (I{1, 1, 1, 1}));
  // Heavily tied pseudo-random data (values 0..5, in shuffled row order) for n = 2..12: equal
  // values share a tile, tiles never decrease with x, and each tile is 1 + cuts strictly below.
  Vals values;
  uint64_t state = 12345;
  for (int i = 0; i < 500; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    values.push_back(i % 17 == 0 ? N : std::optional<double>(double((state >> 33) % 6)));
  }
  for (int n = 2; n <= 12; ++n) {
    cuts = NtileCuts(F(values), n);
    ASSERT_EQ(cuts.size(), size_t(n - 1));
    I tiles = Ints(Ntile(F(values), n));
    EXPECT_EQ(tiles, Ints(Ntile(F(values), cuts))) << "n = " << n;
    std::map<double, int64_t> tile_of;
    for (size_t i = 0; i < values.size(); ++i) {
      ASSERT_EQ(values[i].has_value(), tiles[i].has_value());
      if (!values[i]) continue;
      auto [it, fresh] = tile_of.emplace(*values[i], *tiles[i]);
      EXPECT_EQ(it->second, *tiles[i]) << "n = " << n << ": value " << *values[i] << " split";
      int64_t below =
          std::count_if(cuts.begin(), cuts.end(), [&](double c) { return c < *values[i]; });
      EXPECT_EQ(*tiles[i], 1 + below) << "n = " << n << ", row " << i;
    }
    int64_t previous = 0;
    for (const auto& [value, tile] : tile_of) {
      EXPECT_GE(tile, previous) << "n = " << n << ": tile decreases at " << value;
      previous = tile;
    }
  }
}

TEST(Stats, CumShare) {
  ExpectFloats(CumShare(F({1, 2, 3, 4, 5})),
               {1.0, 0.9333333333333333, 0.8, 0.6, 0.3333333333333333}, "simple");
  ExpectFloats(
      CumShare(F({5, 5, 5, 1, 1, 9})),
      {0.9230769230769231, 0.9230769230769231, 0.9230769230769231, 1.0, 1.0, 0.34615384615384615},
      "ties");
  ExpectFloats(CumShare(F({N, 3, N, 1, 2, N})), {N, 0.5, N, 1.0, 0.8333333333333334, N}, "nulls");
  ExpectFloats(CumShare(F({42})), {1.0}, "one");
  ExpectFloats(CumShare(F({N, N})), {N, N}, "all null");
  ExpectFloats(CumShare(F({0, 0})), {N, N}, "zero sum is null");
  ExpectFloats(
      CumShare(F({-5, -1, -3, 2, 0})),
      {1.0, -0.14285714285714285, 0.2857142857142857, -0.2857142857142857, -0.2857142857142857},
      "negatives");
  ExpectFloats(CumShare(F({100, 1, 1000, 10, 10000, 1, 1})),
               {0.9988301988661927, 1.0, 0.989831728606137, 0.9997300458921983, 0.8998470260055791,
                1.0, 1.0},
               "skewed");
}

TEST(Stats, PercentRank) {
  ExpectFloats(PercentRank(F({1, 2, 3, 4, 5})), {0.0, 0.25, 0.5, 0.75, 1.0}, "simple");
  ExpectFloats(PercentRank(F({5, 5, 5, 1, 1, 9})), {0.4, 0.4, 0.4, 0.0, 0.0, 1.0}, "ties");
  ExpectFloats(PercentRank(F({N, 3, N, 1, 2, N})), {N, 1.0, N, 0.0, 0.5, N}, "nulls");
  ExpectFloats(PercentRank(F({42})), {0.0}, "one row");
  ExpectFloats(PercentRank(F({N, N})), {N, N}, "all null");
  ExpectFloats(PercentRank(F({-5, -1, -3, 2, 0})), {0.0, 0.5, 0.25, 1.0, 0.75}, "negatives");
  ExpectFloats(PercentRank(F({100, 1, 1000, 10, 10000, 1, 1})),
               {0.6666666666666666, 0.0, 0.8333333333333334, 0.5, 1.0, 0.0, 0.0}, "skewed");
}

TEST(Percentile, FractionOutsideZeroOneIsAnError) {
  for (double q : {-0.1, 1.5, std::nan("")}) {
    auto r = Percentile(F({1, 2, 3}), q);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("is outside [0, 1]"), std::string::npos);
  }
  std::vector<double> v = {1, 2};
  EXPECT_FALSE(PercentileCont(v, 2.0).ok());
}

TEST(Stats, IntsBeyondTwoToThe53AreExact) {
  // 2^53 + 1 and 2^53 + 3 are not doubles; a double path would see equal neighbours.
  const int64_t big = (int64_t(1) << 53) + 1;
  Column x = Column::FromInt64({big, big + 2, std::nullopt, big + 4});
  EXPECT_EQ(*MinOf(x), double(big));
  EXPECT_EQ(*MaxOf(x), double(big + 4));
  // mean = big + 2 exactly; as a double it rounds to 2^53 + 4 (ties to even), not 2^53 + 2.
  EXPECT_EQ(*Mean(x), double(big + 2));
  auto p = Percentile(x, 0.25);  // pos 0.5: halfway between big and big + 2 = big + 1
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(**p, double(big + 1));
  // stddev of {b, b+2, b+4} is 2 exactly; doubles would give 2.3094 (values rounded).
  EXPECT_DOUBLE_EQ(*StddevSamp(x), 2.0);
  // Mean of int columns does not lose the low bits when the sum passes 2^53.
  Column sum = Column::FromInt64({int64_t(1) << 53, 1, 1});
  // (2^53 + 2) / 3 = 3002399751580331.33 -> 3002399751580331.5; a double sum gives ...330.5.
  EXPECT_EQ(*Mean(sum), 3002399751580331.5);
}

}  // namespace
}  // namespace segc::rt
