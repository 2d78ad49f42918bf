// Sampled select (runtime/stats/sample_select.cc) against the plain definition: the keys at
// every wanted rank, and the percentiles built from them, must be exact whatever the sample
// drew, whatever the row order, and whatever thread ran which morsel. Brackets are forced to
// miss (tiny samples, no margin) to prove a miss costs a second pass, never a wrong answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "runtime/stats/select.h"
#include "segc/stats.h"
#include "select_test_util.h"

namespace segc::rt {
namespace {

using namespace select_test;  // NOLINT: the shared generators and reference

// Runs the tasks on `threads` threads, each taking the next task index: morsels finish in any
// order, as on the executor's pool.
ParallelFor OnThreads(int threads) {
  return [threads](int64_t tasks, const std::function<void(int64_t)>& task) {
    std::atomic<int64_t> next{0};
    const auto work = [&] {
      for (int64_t i = next++; i < tasks; i = next++) task(i);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& th : pool) th.join();
  };
}

// The sorted keys of a generated column's non-null values.
std::vector<uint64_t> SortedKeys(const Sample& s) {
  std::vector<uint64_t> keys;
  if (s.column.type() == ColumnType::kFloat) {
    for (double v : s.sorted) keys.push_back(FloatKey(v));
  } else if (s.exact || s.column.type() == ColumnType::kInt) {
    for (int64_t v : s.sorted_ints) keys.push_back(IntKey(v));
  } else {
    for (double v : s.sorted) keys.push_back(IntKey(int64_t(v)));
  }
  return keys;
}

// Every query's keys equal the sorted keys at its ranks, with the AVX2 pass (where the CPU has
// it) and with the portable one; returns how many queries missed their bracket.
int CheckQueries(const Sample& s, const std::vector<RankQuery>& queries, const ParallelFor& par,
                 const SampleTuning& tuning, const std::string& what) {
  const std::vector<uint64_t> want = SortedKeys(s);
  int missed = 0;
  for (bool vector_unit : {true, false}) {
    SampleTuning t = tuning;
    t.vector_unit = vector_unit;
    const std::string how = what + (vector_unit ? " (vector)" : " (portable)");
    const SampledSelection got = SampleSelect(s.column, int64_t(want.size()), queries, par, t);
    EXPECT_EQ(got.count, int64_t(want.size())) << how;
    EXPECT_EQ(got.wide_ints, s.exact) << how;
    for (size_t i = 0; i < queries.size(); ++i) {
      const RankQuery& q = queries[i];
      EXPECT_EQ(got.keys[i].at_rank, want[size_t(q.rank)]) << how << " rank " << q.rank;
      if (q.with_next) {
        EXPECT_EQ(got.keys[i].next, want[size_t(q.rank) + 1]) << how << " rank " << q.rank;
      }
    }
    missed += got.missed;
  }
  return missed;
}

std::vector<RankQuery> RandomQueries(int64_t count, Rng& rng) {
  std::vector<RankQuery> queries;
  const size_t n = 1 + rng() % kMaxBrackets;
  for (size_t i = 0; i < n; ++i) {
    const int64_t rank = int64_t(rng() % uint64_t(count));
    queries.push_back({rank, rank + 1 < count && rng() % 2 == 0});
  }
  return queries;
}

// Every rank of small columns, one query at a time and in random groups, with samples from
// none (everything bracketed) to generous, and a margin from none (brackets often miss) up.
TEST(SampledSelect, EveryRankIsExactWhateverTheSample) {
  Rng rng(31337);
  const std::vector<SampleTuning> tunings = {{0, 5}, {3, 0}, {16, 0}, {64, 1}, {1 << 15, 5}};
  int missed = 0;
  int queries = 0;
  for (const auto& [dist, draw] : FloatDistributions()) {
    const std::vector<double> values = Doubles(300, rng, draw);
    for (double nulls : {0.0, 0.3}) {
      for (Layout layout : Layouts(nulls)) {
        const Sample s = FloatSample(values, nulls, layout, rng);
        const int64_t count = int64_t(s.sorted.size());
        for (const SampleTuning& tuning : tunings) {
          const std::string what =
              Name(dist, 300, nulls, layout) + " sample=" + std::to_string(tuning.sample_size);
          for (int64_t r = 0; r < count; ++r) {
            missed += CheckQueries(s, {{r, r + 1 < count}}, {}, tuning, what);
            ++queries;
          }
          for (int i = 0; i < 20; ++i, queries += 4) {
            missed += CheckQueries(s, RandomQueries(count, rng), {}, tuning, what);
          }
          if (HasFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(queries, 50000);
  EXPECT_GT(missed, 1000);  // the second pass was exercised, and gave the same keys
}

// Columns larger than the sample, on several threads: ints (with min and max for the exact
// interpolation beyond 2^53), floats and dates, sliced bitmaps, dense and sparse nulls.
TEST(SampledSelect, ParallelPassMatchesTheDefinition) {
  Rng rng(8086);
  const ParallelFor three = OnThreads(3);
  const size_t n = 150001;
  int missed = 0;
  for (const auto& [dist, draw] : IntDistributions()) {
    std::vector<int64_t> values(n);
    for (int64_t& v : values) v = draw(rng);
    for (double nulls : {0.0, 0.05, 0.9}) {
      for (Layout layout : Layouts(nulls)) {
        const Sample s = IntSample(values, nulls, layout, rng);
        for (int i = 0; i < 4; ++i) {
          const SampleTuning tuning = i == 0 ? SampleTuning{256, 0} : SampleTuning{};
          missed += CheckQueries(s, RandomQueries(int64_t(s.sorted_ints.size()), rng), three,
                                 tuning, Name(dist, n, nulls, layout));
        }
        if (HasFailure()) return;
      }
    }
  }
  for (const auto& [dist, draw] : FloatDistributions()) {
    const Sample s = FloatSample(Doubles(n, rng, draw), 0.02, Layout::kSliced, rng);
    missed += CheckQueries(s, RandomQueries(int64_t(s.sorted.size()), rng), three, {},
                           Name(dist, n, 0.02, Layout::kSliced));
  }
  std::vector<int32_t> days(n);
  for (int32_t& d : days) d = int32_t(rng() % 40000) - 20000;
  const Sample dates = DateSample(days, 0.1, Layout::kBitmap, rng);
  missed +=
      CheckQueries(dates, RandomQueries(int64_t(dates.sorted.size()), rng), three, {}, "dates");
  EXPECT_GT(missed, 0);  // the forced misses of the first tuning
}

// Row order is what a stratified sample must not be fooled by: ascending, descending and
// sawtooth columns, and one huge outlier block at the end.
TEST(SampledSelect, RowOrderDoesNotMatter) {
  Rng rng(5);
  const size_t n = 100000;
  std::vector<std::vector<double>> orders(4, std::vector<double>(n));
  for (size_t i = 0; i < n; ++i) {
    orders[0][i] = double(i);
    orders[1][i] = double(n - i);
    orders[2][i] = double(i % 997);
    orders[3][i] = i + 1000 >= n ? 1e300 : 1.0 / double(i + 1);
  }
  for (size_t o = 0; o < orders.size(); ++o) {
    const Sample s = FloatSample(orders[o], 0.0, Layout::kNoBitmap, rng);
    for (double q : kFixedQs) {
      const auto got = Percentiles(s.column, {q}, OnThreads(2));
      ASSERT_TRUE(got.ok());
      EXPECT_TRUE(SameBits(*(*got)[0], *s.Expected(q))) << "order " << o << " q=" << q;
    }
  }
}

// Percentiles through the parallel pass equal the serial ones and the definition, bit for bit,
// for up to four fractions at once (sampled select) and more (radix select).
TEST(SampledSelect, PercentilesAreTheSameOnAnyThreads) {
  Rng rng(42);
  const Sample s = FloatSample(Doubles(300000, rng, AnyFinite), 0.1, Layout::kSliced, rng);
  for (size_t fractions : {1, 2, 4, 6}) {
    std::vector<double> qs = Quantiles(rng);
    qs.resize(fractions);
    const auto serial = Percentiles(s.column, qs);
    const auto parallel = Percentiles(s.column, qs, OnThreads(4));
    ASSERT_TRUE(serial.ok() && parallel.ok());
    for (size_t k = 0; k < qs.size(); ++k) {
      EXPECT_TRUE(SameBits(*(*serial)[k], *s.Expected(qs[k]))) << qs[k];
      EXPECT_TRUE(SameBits(*(*parallel)[k], *s.Expected(qs[k]))) << qs[k];
    }
  }
}

}  // namespace
}  // namespace segc::rt
