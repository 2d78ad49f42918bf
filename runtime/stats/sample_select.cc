// Sampled select (see select.h): exact order statistics in one pass over the column, which
// can run on several threads. A stratified sample of rows estimates where each wanted rank lies
// in key order; a bracket of keys a few standard deviations of that estimate wide then holds the
// rank with overwhelming probability. The pass over the column, morsel by morsel, counts the
// keys below each bracket and gathers the (one or two percent of) keys inside it; the rank is
// then selected among the gathered keys. The sample only decides how much is gathered, never
// the answer: when a rank falls outside its bracket, radix select finds it instead.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <type_traits>
#include <utility>

#include "runtime/stats/bracket_count.h"
#include "runtime/stats/key_iteration.h"
#include "runtime/stats/select.h"
#include "segc/check.h"

namespace segc::rt {
namespace {

using bracket::Bracket;
using bracket::Tally;

// Rows per task of the counting pass: whole validity words, few enough tasks to hand out.
constexpr int64_t kMorselRows = int64_t(1) << 16;

// SplitMix64: a fixed, fast sequence of well-mixed numbers (the results do not depend on it).
uint64_t NextRandom(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

// Rows to prefetch ahead while sampling: enough reads in flight to hide memory latency.
constexpr int64_t kPrefetchRows = 16;
// Strata per sampling task.
constexpr int64_t kStrataPerTask = 4096;

// Runs task(i) for i in [0, tasks) through `parallel`, or one after the other without it.
void RunTasks(const ParallelFor& parallel, int64_t tasks,
              const std::function<void(int64_t)>& task) {
  if (parallel) {
    parallel(tasks, task);
  } else {
    for (int64_t i = 0; i < tasks; ++i) task(i);
  }
}

// One random row from each of `size` strata of rows: `width` rows each, the last one also
// taking the rest, drawn from a fixed sequence (the results do not depend on it).
std::vector<int64_t> SampleRows(int64_t length, int64_t size) {
  const int64_t width = length / size;
  const uint64_t last_width = uint64_t(length - (size - 1) * width);
  std::vector<int64_t> rows(static_cast<size_t>(size));
  uint64_t state = 0x5e6c5e6c5e6c5e6c;
  for (int64_t i = 0; i < size; ++i) {
    const uint64_t span = i + 1 < size ? uint64_t(width) : last_width;
    // A random offset in [0, span): the high half of a 32 x 32-bit product (span < 2^32).
    const uint64_t offset = ((NextRandom(state) & 0xffffffff) * span) >> 32;
    rows[size_t(i)] = i * width + int64_t(offset);
  }
  return rows;
}

// The keys of the non-null rows among SampleRows(x.length(), size): every part of the column is
// sampled evenly, so even sorted columns are estimated well. The rows are drawn first, so that
// the reads of the values (each on another page) can be prefetched a few rows ahead; tasks of
// `parallel` read runs of strata. Requires 0 < size <= x.length().
std::vector<uint64_t> SampleKeys(const Column& x, int64_t size, const ParallelFor& parallel) {
  const std::vector<int64_t> rows = SampleRows(x.length(), size);
  const int64_t tasks = (size + kStrataPerTask - 1) / kStrataPerTask;
  std::vector<std::vector<uint64_t>> parts(static_cast<size_t>(tasks));
  RunTasks(parallel, tasks, [&](int64_t task) {
    const int64_t begin = task * kStrataPerTask;
    const int64_t end = std::min(size, begin + kStrataPerTask);
    std::vector<uint64_t>& part = parts[size_t(task)];
    part.reserve(size_t(end - begin));
    rowkeys::WithValueType(x, [&](auto type) {
      using T = decltype(type);
      const T* values = x.data<T>();
      for (int64_t i = begin; i < end; ++i) {
        if (i + kPrefetchRows < end) __builtin_prefetch(values + rows[size_t(i + kPrefetchRows)]);
        const int64_t row = rows[size_t(i)];
        if (x.IsValid(row)) part.push_back(rowkeys::KeyOf(values[row]));
      }
    });
  });
  std::vector<uint64_t> sample;
  sample.reserve(size_t(size));
  for (const std::vector<uint64_t>& part : parts)
    sample.insert(sample.end(), part.begin(), part.end());
  return sample;
}

// Where each query's bracket is read off the sample: sample positions, unsorted.
struct SamplePositions {
  std::vector<double> low;   // < 0: the bracket starts at the smallest key
  std::vector<double> high;  // >= sample size: the bracket ends at the largest key
};

// A rank r of `count` values sits near sample position (r + 1/2) / count * m, give or take
// sqrt(m p (1 - p)) (binomial; the stratified sample varies less). The bracket spans `sigmas`
// of those either side, plus one position for rank + 1 and for rounding.
SamplePositions PositionsOf(const std::vector<RankQuery>& queries, int64_t count, double m,
                            double sigmas) {
  SamplePositions out;
  for (const RankQuery& q : queries) {
    const double p = std::min(1.0, (double(q.rank) + (q.with_next ? 1.0 : 0.5)) / double(count));
    const double spread = sigmas * std::sqrt(m * p * (1 - p)) + 1;
    out.low.push_back(std::floor(p * m - spread));
    out.high.push_back(std::ceil(p * m + spread));
  }
  return out;
}

// The sample keys at the given positions (ascending, each within the sample), by successive
// nth_element over what is left above the previous position.
std::vector<uint64_t> KeysAt(std::vector<uint64_t>& sample, const std::vector<size_t>& at) {
  std::vector<uint64_t> out;
  auto from = sample.begin();
  for (size_t k : at) {
    const auto nth = sample.begin() + std::ptrdiff_t(k);
    if (nth >= from) {
      std::nth_element(from, nth, sample.end());
      from = nth + 1;
    }
    out.push_back(*nth);
  }
  return out;
}

// Each query's bracket, from the sample (an empty sample brackets everything).
std::vector<Bracket> BracketsOf(std::vector<uint64_t>& sample, int64_t count,
                                const std::vector<RankQuery>& queries, double sigmas) {
  std::vector<Bracket> brackets(queries.size());
  if (sample.empty()) return brackets;
  const double m = double(sample.size());
  const SamplePositions positions = PositionsOf(queries, count, m, sigmas);
  std::vector<size_t> at;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (positions.low[i] >= 0) at.push_back(size_t(positions.low[i]));
    if (positions.high[i] < m) at.push_back(size_t(positions.high[i]));
  }
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end()), at.end());
  const std::vector<uint64_t> keys = KeysAt(sample, at);
  const auto key_at = [&](double position) {
    return keys[size_t(std::lower_bound(at.begin(), at.end(), size_t(position)) - at.begin())];
  };
  for (size_t i = 0; i < queries.size(); ++i) {
    if (positions.low[i] >= 0) brackets[i].low = key_at(positions.low[i]);
    if (positions.high[i] < m) brackets[i].high = key_at(positions.high[i]);
  }
  return brackets;
}

// The queries' brackets merged where they overlap, in key order, and which one serves each query.
struct BracketSet {
  std::vector<Bracket> brackets;
  std::vector<size_t> of_query;
};

BracketSet Merge(const std::vector<Bracket>& per_query) {
  std::vector<size_t> order(per_query.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return per_query[a].low < per_query[b].low; });
  BracketSet set;
  set.of_query.resize(per_query.size());
  for (size_t i : order) {
    const Bracket& b = per_query[i];
    if (set.brackets.empty() || b.low > set.brackets.back().high) {
      set.brackets.push_back(b);
    } else {
      set.brackets.back().high = std::max(set.brackets.back().high, b.high);
    }
    set.of_query[i] = set.brackets.size() - 1;
  }
  return set;
}

std::vector<Tally> CountingPass(const Column& x, const std::vector<Bracket>& set, bool vector_unit,
                                const ParallelFor& parallel) {
  const int64_t morsels = (x.length() + kMorselRows - 1) / kMorselRows;
  std::vector<Tally> tallies(static_cast<size_t>(morsels));
  RunTasks(parallel, morsels, [&](int64_t m) {
    const int64_t begin = m * kMorselRows;
    const int64_t end = std::min(x.length(), begin + kMorselRows);
    bracket::CountRows(x, begin, end, set, vector_unit, tallies[size_t(m)]);
  });
  return tallies;
}

// Bracket b's keys below it and inside it, over all morsels.
struct Gathered {
  int64_t below = 0;
  std::vector<uint64_t> keys;
};

Gathered GatherBracket(std::vector<Tally>& tallies, size_t b) {
  Gathered g;
  size_t total = 0;
  for (const Tally& t : tallies) total += t.inside[b].size();
  g.keys.reserve(total);
  for (Tally& t : tallies) {
    g.below += t.below[b];
    g.keys.insert(g.keys.end(), t.inside[b].begin(), t.inside[b].end());
    std::vector<uint64_t>().swap(t.inside[b]);
  }
  return g;
}

}  // namespace

SampledSelection SampleSelect(const Column& x, int64_t count, const std::vector<RankQuery>& queries,
                              const ParallelFor& parallel, const SampleTuning& tuning) {
  SEGC_CHECK(count > 0 && queries.size() <= kMaxBrackets && tuning.sample_size >= 0);
  for (const RankQuery& q : queries) {
    SEGC_CHECK(q.rank >= 0 && q.rank + (q.with_next ? 1 : 0) < count);
  }
  SampledSelection out;
  out.count = count;
  out.keys.resize(queries.size());
  if (queries.empty()) return out;
  const int64_t sample_size = std::min(tuning.sample_size, x.length());
  std::vector<uint64_t> sample;
  if (sample_size > 0) sample = SampleKeys(x, sample_size, parallel);
  const BracketSet set = Merge(BracketsOf(sample, count, queries, tuning.sigmas));
  std::vector<Tally> tallies = CountingPass(x, set.brackets, tuning.vector_unit, parallel);
  for (const Tally& t : tallies) out.wide_ints = out.wide_ints || t.wide > 0;
  std::vector<size_t> missed;
  for (size_t b = 0; b < set.brackets.size(); ++b) {
    Gathered gathered = GatherBracket(tallies, b);
    size_t users = size_t(std::count(set.of_query.begin(), set.of_query.end(), b));
    for (size_t i = 0; i < queries.size(); ++i) {
      if (set.of_query[i] != b) continue;
      const int64_t rank = queries[i].rank - gathered.below;
      const int64_t last = rank + (queries[i].with_next ? 1 : 0);
      if (rank < 0 || last >= int64_t(gathered.keys.size())) {
        missed.push_back(i);
        --users;
        continue;
      }
      // SelectAmong reorders and shrinks its keys: the last query of the bracket takes them.
      std::vector<uint64_t> copy;
      std::vector<uint64_t>& keys = --users == 0 ? gathered.keys : (copy = gathered.keys);
      out.keys[i] =
          SelectAmong(keys, set.brackets[b].low, set.brackets[b].high, rank, queries[i].with_next);
    }
  }
  if (!missed.empty()) {
    const KeyScan scan = ScanKeys(x);
    SEGC_CHECK(scan.count == count);
    for (size_t i : missed) {
      out.keys[i] = SelectKeys(x, scan, queries[i].rank, queries[i].with_next);
    }
    out.missed = int(missed.size());
  }
  return out;
}

}  // namespace segc::rt
