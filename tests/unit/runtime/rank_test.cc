// Differential tests of the ranking kernels (runtime/stats/rank.cc, rank_sort.cc) against the
// previous implementation (rank_reference.h: one comparison sort, one thread): ntile, cumshare
// and percent_rank must be bit for bit the same on random columns of every type, with ties,
// nulls, signed zeros and infinities, at sizes around the radix sort's thresholds, whatever the
// order the tasks run in.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "rank_reference.h"
#include "runtime/exec/thread_pool.h"
#include "segc/stats.h"
#include "select_test_util.h"

namespace segc::rt {
namespace {

using namespace select_test;  // NOLINT: the shared generators

// Runs the tasks in a scrambled order, one after the other: results must not depend on it.
ParallelFor Scrambled(uint64_t seed) {
  return [seed](int64_t tasks, const std::function<void(int64_t)>& task) {
    std::vector<int64_t> order(static_cast<size_t>(tasks));
    for (int64_t i = 0; i < tasks; ++i) order[size_t(i)] = i;
    std::shuffle(order.begin(), order.end(), Rng(seed));
    for (int64_t i : order) task(i);
  };
}

// The first row where two columns differ (value bits or validity), or -1.
int64_t FirstDifference(const Column& got, const Column& want) {
  for (int64_t i = 0; i < got.length(); ++i) {
    if (got.IsValid(i) != want.IsValid(i)) return i;
    if (!got.IsValid(i)) continue;
    const bool same = got.type() == ColumnType::kInt ? got.Int64(i) == want.Int64(i)
                                                     : SameBits(got.Float64(i), want.Float64(i));
    if (!same) return i;
  }
  return -1;
}

void ExpectSameColumn(const Column& got, const Column& want, const std::string& what) {
  ASSERT_EQ(got.length(), want.length()) << what;
  ASSERT_EQ(got.type(), want.type()) << what;
  EXPECT_EQ(got.null_count(), want.null_count()) << what;
  const int64_t row = FirstDifference(got, want);
  if (row < 0) return;
  const auto show = [&](const Column& c) {
    if (!c.IsValid(row)) return std::string("null");
    return c.type() == ColumnType::kInt ? std::to_string(c.Int64(row)) : Describe(c.Float64(row));
  };
  ADD_FAILURE() << what << " row " << row << ": got " << show(got) << ", want " << show(want);
}

// Cut points agree: equal values (the old sort left -0.0 and +0.0 in any order, so a cut on a
// zero may differ in its sign only, never in the tiles it gives), or both NaN (-inf and inf
// interpolated).
void ExpectSameCuts(const std::vector<double>& got, const std::vector<double>& want,
                    const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_TRUE(got[k] == want[k] || (std::isnan(got[k]) && std::isnan(want[k])))
        << what << " cut " << k << ": got " << Describe(got[k]) << ", want " << Describe(want[k]);
  }
}

// Every kernel on `x` against the reference, serially (small columns) and with scrambled tasks.
void CheckColumn(const Column& x, const std::string& what, uint64_t seed) {
  const bool large = x.length() > 5000;
  std::vector<ParallelFor> runs = {Scrambled(seed)};
  if (!large) runs.push_back(ParallelFor());
  for (const ParallelFor& parallel : runs) {
    for (int n : large ? std::vector<int>{5} : std::vector<int>{1, 4, 5, 10}) {
      const std::vector<double> want = rank_reference::NtileCuts(x, n);
      const std::vector<double> cuts = NtileCuts(x, n, parallel);
      ExpectSameCuts(cuts, want, what + " ntile " + std::to_string(n));
      ExpectSameColumn(Ntile(x, cuts, parallel), rank_reference::Ntile(x, want),
                       what + " ntile " + std::to_string(n));
    }
    ExpectSameColumn(CumShare(x, parallel), rank_reference::CumShare(x), what + " cumshare");
    ExpectSameColumn(PercentRank(x, parallel), rank_reference::PercentRank(x),
                     what + " percent_rank");
  }
}

// Around the insertion-sort bucket (48), the 8-bit bucket digit, the 2^16-row morsel (96000
// rows with 30% nulls: sorted positions span two tasks too).
const std::vector<size_t> kRankSizes = {0, 1, 2, 3, 47, 49, 300, 5000, 65535, 96000};
const std::vector<double> kRankNullRates = {0.0, 0.3, 1.0};

bool Large(size_t n) { return n > 5000; }

TEST(RankDifferential, Floats) {
  Rng rng(14);
  for (const auto& [dist, draw] : FloatDistributions()) {
    for (size_t n : kRankSizes) {
      for (double nulls : kRankNullRates) {
        for (Layout layout : Layouts(nulls)) {
          if (Large(n) && (nulls != 0.3 || layout != Layout::kSliced)) continue;
          const Sample s = FloatSample(Doubles(n, rng, draw), nulls, layout, rng);
          CheckColumn(s.column, Name(dist, n, nulls, layout), rng());
        }
      }
    }
  }
}

TEST(RankDifferential, IntsAndDates) {
  Rng rng(15);
  for (const auto& [dist, draw] : IntDistributions()) {
    for (size_t n : kRankSizes) {
      for (double nulls : kRankNullRates) {
        for (Layout layout : Layouts(nulls)) {
          if (Large(n) && (nulls != 0.3 || layout != Layout::kSliced)) continue;
          std::vector<int64_t> values(n);
          for (int64_t& v : values) v = draw(rng);
          CheckColumn(IntSample(values, nulls, layout, rng).column, Name(dist, n, nulls, layout),
                      rng());
          std::vector<int32_t> days(n);
          for (int32_t& d : days) d = int32_t(draw(rng) % 100000);
          CheckColumn(DateSample(days, nulls, layout, rng).column,
                      "date " + Name(dist, n, nulls, layout), rng());
        }
      }
    }
  }
}

// Many rows, few distinct values, signed zeros and infinities: every tie group spans buckets and
// morsels of a real thread pool.
TEST(RankDifferential, TiesOnThreadPool) {
  Rng rng(16);
  ThreadPool pool(4);
  const ParallelFor on_pool = [&](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool.ParallelFor(tasks, task);
  };
  const std::vector<double> values = Doubles(300000, rng, [](Rng& r) {
    return Pick(r, {-kInf, -2.5, -0.0, 0.0, 1.0, 1e6});
  });
  const Sample s = FloatSample(values, 0.1, Layout::kSliced, rng);
  for (int n : {3, 5}) {
    const std::vector<double> cuts = NtileCuts(s.column, n, on_pool);
    ExpectSameCuts(cuts, rank_reference::NtileCuts(s.column, n), "ntile");
    ExpectSameColumn(Ntile(s.column, cuts, on_pool), rank_reference::Ntile(s.column, cuts),
                     "ntile");
  }
  ExpectSameColumn(CumShare(s.column, on_pool), rank_reference::CumShare(s.column), "cumshare");
  ExpectSameColumn(PercentRank(s.column, on_pool), rank_reference::PercentRank(s.column),
                   "percent_rank");
}

// The executor's pool at one and two threads.
ParallelFor OnPool(ThreadPool& pool) {
  return [&pool](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool.ParallelFor(tasks, task);
  };
}

// Nearly every value in one top-digit bucket of the sort (a far outlier stretches the key
// range), so buckets hold tens of thousands of rows and are split over several radix levels:
// cents near 1000, ints near zero with an outlier beyond 2^53 (keyed as doubles), dates in one
// year, each with heavy ties, on real pools of one and two threads.
TEST(RankDifferential, CrowdedBucketsOnOneAndTwoThreads) {
  Rng rng(18);
  const std::vector<double> cents = Doubles(150000, rng, [](Rng& r) {
    if (r() % 50000 == 0) return Pick(r, {1e300, -1e300, -0.0});
    return 1000 + double(r() % 100000) / 100;
  });
  std::vector<int64_t> ints(150000);
  for (int64_t& v : ints) v = int64_t(rng() % 41) - 20;
  ints[77] = kTwo53 * 64 + 1;
  std::vector<int32_t> days(150000);
  for (int32_t& d : days) d = int32_t(20000 + rng() % 365);
  const std::vector<Column> columns = {FloatSample(cents, 0.05, Layout::kSliced, rng).column,
                                       IntSample(ints, 0.0, Layout::kNoBitmap, rng).column,
                                       DateSample(days, 0.4, Layout::kBitmap, rng).column};
  for (int threads : {1, 2}) {
    ThreadPool pool(threads);
    const ParallelFor parallel = OnPool(pool);
    for (size_t c = 0; c < columns.size(); ++c) {
      const Column& x = columns[c];
      const std::string what =
          "column " + std::to_string(c) + ", " + std::to_string(threads) + " thread(s)";
      const std::vector<double> cuts = NtileCuts(x, 5, parallel);
      ExpectSameCuts(cuts, rank_reference::NtileCuts(x, 5), what + " ntile");
      ExpectSameColumn(Ntile(x, cuts, parallel), rank_reference::Ntile(x, cuts), what + " ntile");
      ExpectSameColumn(CumShare(x, parallel), rank_reference::CumShare(x), what + " cumshare");
      ExpectSameColumn(PercentRank(x, parallel), rank_reference::PercentRank(x),
                       what + " percent_rank");
    }
  }
}

// NaN never reaches the kernels (the CSV reader rejects it, Arrow import reads it as null), and
// the old sort's result with NaN was undefined; a hand-built column with NaN still gets a result
// that does not depend on how its tasks run.
TEST(RankDifferential, NaNIsDeterministic) {
  Rng rng(17);
  const std::vector<double> values = Doubles(70000, rng, [](Rng& r) {
    return Pick(r, {std::numeric_limits<double>::quiet_NaN(), -1.0, 0.0, 3.0, kInf});
  });
  const Column x = FloatSample(values, 0.2, Layout::kBitmap, rng).column;
  ExpectSameColumn(CumShare(x, Scrambled(1)), CumShare(x), "cumshare");
  ExpectSameColumn(PercentRank(x, Scrambled(2)), PercentRank(x), "percent_rank");
  ExpectSameColumn(Ntile(x, NtileCuts(x, 5, Scrambled(3)), Scrambled(4)), Ntile(x, 5), "ntile");
}

}  // namespace
}  // namespace segc::rt
