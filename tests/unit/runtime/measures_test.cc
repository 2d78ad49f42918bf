// rt::ComputeOverlaps against a row-by-row count and rt::SummarizeMeasures against exact sums,
// on tables larger than one block of rows, for several thread counts and row orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "segc/bitmap.h"
#include "segc/executor.h"

namespace segc::rt {
namespace {

std::shared_ptr<Buffer> Bits(const std::vector<bool>& member) {
  auto buffer = Buffer::Allocate(size_t(BitmapBytes(int64_t(member.size()))));
  for (size_t i = 0; i < member.size(); ++i) {
    if (member[i]) SetBit(buffer->mutable_data(), int64_t(i));
  }
  return buffer;
}

void AddSegment(RunResult& r, const std::string& name, const std::vector<bool>& member) {
  int64_t count = 0;
  for (bool m : member) count += m;
  r.segments.push_back({name, "", Bits(member), count});
}

/// A run of `rows` rows with segments of several densities (one empty, one full) and one sum
/// measure whose values are not integers (so the order of additions matters).
RunResult MakeRun(int64_t rows) {
  std::mt19937_64 rng(42);
  RunResult r;
  r.rows = rows;
  std::vector<double> densities = {0.0, 0.01, 0.3, 0.5, 0.9, 1.0};
  for (size_t s = 0; s < densities.size(); ++s) {
    std::bernoulli_distribution in(densities[s]);
    std::vector<bool> member(static_cast<size_t>(rows));
    for (int64_t i = 0; i < rows; ++i) member[size_t(i)] = in(rng);
    AddSegment(r, "s" + std::to_string(s), member);
  }
  auto values = Buffer::Allocate(size_t(rows) * sizeof(double));
  auto valid = Buffer::Allocate(size_t(BitmapBytes(rows)));
  std::uniform_real_distribution<double> amount(-50, 1000);
  for (int64_t i = 0; i < rows; ++i) {
    reinterpret_cast<double*>(values->mutable_data())[i] = amount(rng);
    if (i % 7 != 3) SetBit(valid->mutable_data(), i);
  }
  r.measures.push_back(
      {"revenue", "", MeasureKind::kSum, *Column::Make(ColumnType::kFloat, rows, values, valid)});
  r.measures.push_back(
      {"basket", "", MeasureKind::kMean, *Column::Make(ColumnType::kFloat, rows, values, valid)});
  return r;
}

TEST(OverlapsTest, CountsEqualARowByRowCount) {
  const int64_t rows = 200'003;  // several blocks, a partial last word
  RunResult r = MakeRun(rows);
  Overlaps o = ComputeOverlaps(r, 1);
  const size_t n = r.segments.size();
  ASSERT_EQ(o.names.size(), n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      int64_t both = 0;
      for (int64_t row = 0; row < rows; ++row) {
        both +=
            GetBit(r.segments[i].bitmap->data(), row) && GetBit(r.segments[j].bitmap->data(), row);
      }
      EXPECT_EQ(o.counts[i * n + j], both) << i << "," << j;
    }
  }
  EXPECT_FALSE(o.Jaccard(0, 0).has_value());  // two empty segments
  EXPECT_EQ(*o.Jaccard(5, 5), 1.0);
  EXPECT_EQ(*o.Jaccard(0, 5), 0.0);
  const double a = double(o.counts[2 * n + 2]), b = double(o.counts[3 * n + 3]);
  const double both = double(o.counts[2 * n + 3]);
  EXPECT_DOUBLE_EQ(*o.Jaccard(2, 3), both / (a + b - both));
}

TEST(OverlapsTest, SameForEveryThreadCount) {
  RunResult r = MakeRun(150'000);
  Overlaps one = ComputeOverlaps(r, 1);
  for (int threads : {2, 3, 7}) {
    Overlaps many = ComputeOverlaps(r, threads);
    EXPECT_EQ(many.counts, one.counts) << threads << " threads";
  }
}

/// One sum measure over `values` (all valid) and one segment of every row.
RunResult SumOf(const std::vector<double>& values) {
  const auto rows = int64_t(values.size());
  RunResult r;
  r.rows = rows;
  AddSegment(r, "all", std::vector<bool>(values.size(), true));
  auto buffer = Buffer::Allocate(values.size() * sizeof(double));
  std::copy(values.begin(), values.end(), reinterpret_cast<double*>(buffer->mutable_data()));
  r.measures.push_back(
      {"s", "", MeasureKind::kSum, *Column::Make(ColumnType::kFloat, rows, buffer, nullptr)});
  SummarizeMeasures(r, 3);
  return r;
}

TEST(MeasuresTest, SumsAreExactlyRounded) {
  EXPECT_EQ(*SumOf({0.1, 0.2, 0.3}).measure_summary.total.values[0],
            0.6);  // not 0.6000000000000001
  EXPECT_EQ(*SumOf({1e100, 1.0, -1e100}).measure_summary.total.values[0], 1.0);
  EXPECT_EQ(*SumOf({}).measure_summary.total.values[0], 0.0);
  // Dyadic values of many magnitudes: the exact sum in 128-bit integers of 1/128ths, rounded
  // once, against the measure's, over several blocks of rows.
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> mantissa(-(int64_t(1) << 52), int64_t(1) << 52);
  std::uniform_int_distribution<int> exponent(-7, 7);
  std::vector<double> values;
  __int128 exact = 0;  // in 1/128ths
  for (int64_t i = 0; i < 2 * kMeasureBlockRows + 5; ++i) {
    const int64_t m = mantissa(rng);
    const int e = exponent(rng);
    values.push_back(std::ldexp(double(m), e));
    exact += __int128(m) << (e + 7);
  }
  EXPECT_EQ(*SumOf(values).measure_summary.total.values[0], double(exact) / 128.0);
}

TEST(MeasuresTest, SameBitsInAnyRowOrder) {
  RunResult r = MakeRun(2 * kMeasureBlockRows + 99);
  SummarizeMeasures(r, 2);
  const double* v = r.measures[0].values.data<double>();
  const uint8_t* valid = r.measures[0].values.validity()->data();
  std::vector<double> values;
  for (int64_t i = 0; i < r.rows; ++i) {
    if (GetBit(valid, i)) values.push_back(v[i]);
  }
  std::shuffle(values.begin(), values.end(), std::mt19937_64(3));
  RunResult shuffled = SumOf(values);
  EXPECT_EQ(shuffled.measure_summary.total.values[0], r.measure_summary.total.values[0]);
  EXPECT_EQ(r.measure_summary.total.counts[0], int64_t(values.size()));
  // The mean is that sum divided by the count of non-null values; a mean of nothing is null.
  EXPECT_EQ(*r.measure_summary.total.values[1],
            *r.measure_summary.total.values[0] / double(values.size()));
  EXPECT_FALSE(r.measure_summary.segments[0].values[1].has_value());  // the empty segment
  EXPECT_EQ(*r.measure_summary.segments[0].values[0], 0.0);           // sum of nothing
  // The full segment holds every row: its folds equal the whole table's.
  EXPECT_EQ(r.measure_summary.segments[5].values, r.measure_summary.total.values);
}

TEST(MeasuresTest, SameBitsForEveryThreadCount) {
  RunResult one = MakeRun(5 * kMeasureBlockRows + 3);
  SummarizeMeasures(one, 1);
  for (int threads : {2, 4, 7}) {
    RunResult many = MakeRun(5 * kMeasureBlockRows + 3);
    SummarizeMeasures(many, threads);
    for (size_t s = 0; s < one.segments.size(); ++s) {
      for (size_t m = 0; m < one.measures.size(); ++m) {
        EXPECT_EQ(many.measure_summary.segments[s].values[m],
                  one.measure_summary.segments[s].values[m])
            << threads << " threads, segment " << s << ", measure " << m;
      }
    }
  }
}

}  // namespace
}  // namespace segc::rt
