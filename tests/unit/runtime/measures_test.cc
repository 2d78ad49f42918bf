// rt::ComputeOverlaps and rt::SummarizeMeasures against plain loops over the rows, on tables
// larger than one block of rows, for several thread counts.
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(MeasuresTest, SumsAddBlocksInRowOrder) {
  const int64_t rows = 3 * kMeasureBlockRows + 17;
  RunResult r = MakeRun(rows);
  SummarizeMeasures(r, 1);
  const double* v = r.measures[0].values.data<double>();
  const uint8_t* valid = r.measures[0].values.validity()->data();
  for (size_t s = 0; s < r.segments.size(); ++s) {
    double sum = 0;
    int64_t count = 0;
    for (int64_t begin = 0; begin < rows; begin += kMeasureBlockRows) {
      double block = 0;
      for (int64_t i = begin; i < std::min(rows, begin + kMeasureBlockRows); ++i) {
        if (GetBit(valid, i) && GetBit(r.segments[s].bitmap->data(), i)) {
          block += v[i];
          ++count;
        }
      }
      sum += block;
    }
    const MeasureGroup& g = r.measure_summary.segments[s];
    EXPECT_EQ(g.rows, r.segments[s].count);
    EXPECT_EQ(*g.values[0], sum) << "segment " << s;  // bit for bit
    EXPECT_EQ(g.counts[1], count);
    if (count == 0) {
      EXPECT_FALSE(g.values[1].has_value());  // mean of nothing
    } else {
      EXPECT_EQ(*g.values[1], sum / double(count));
    }
  }
  EXPECT_EQ(*r.measure_summary.total.values[0], *r.measure_summary.segments[5].values[0]);
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
