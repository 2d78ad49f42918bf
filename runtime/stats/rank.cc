// Per-row ranking kernels: ntile (cut points by percentile selection), cumshare and percent_rank
// (over a radix sort of the rows, rank_sort.cc), computed in morsels on the caller's threads.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <utility>

#include "runtime/stats/key_iteration.h"
#include "runtime/stats/rank_sort.h"
#include "segc/bitmap.h"
#include "segc/check.h"
#include "segc/stats.h"

namespace segc::rt {
namespace {

constexpr int64_t kNtileExactLimit = int64_t(1) << 53;

// Morsels are whole bytes of a bitmap, so tasks never share a validity byte.
static_assert(kRankMorselRows % 8 == 0);

// A result column under construction: values and, when `x` has nulls, a validity bitmap.
struct Output {
  std::shared_ptr<Buffer> values;
  std::shared_ptr<Buffer> validity;
  int64_t null_count = 0;
};

// The values of the null rows among [base, min(base + 64, end)) of a result (its bitmap `bits`
// from row 0) are set to 0.
void ZeroNullRows(const uint8_t* bits, int64_t base, int64_t end, uint64_t* values) {
  const int width = int(std::min<int64_t>(64, end - base));
  uint64_t nulls = ~rowkeys::LoadBits(bits, base, width);
  if (width < 64) nulls &= (uint64_t(1) << width) - 1;
  for (; nulls != 0; nulls &= nulls - 1) values[base + std::countr_zero(nulls)] = 0;
}

// An 8-byte-value output with the validity of `x` (the result is null where x is). Values are
// left for the kernel to write, except null rows', which are zeroed here when `zero_nulls`.
// Validity is copied 64 rows at a time (morsels start on whole words of the output bitmap).
Output OutputLike(const Column& x, const ParallelFor& parallel, bool zero_nulls = true) {
  const int64_t n = x.length();
  Output out{Buffer::AllocateHuge(size_t(n) * sizeof(uint64_t)), nullptr, x.null_count()};
  if (x.null_count() == 0) return out;
  out.validity = Buffer::Allocate(size_t(BitmapBytes(n)));
  uint8_t* bits = out.validity->mutable_data();
  uint64_t* values = out.values->mutable_as<uint64_t>();
  const uint8_t* valid = x.validity()->data();
  RunRankTasks(parallel, (n + kRankMorselRows - 1) / kRankMorselRows, [&](int64_t m) {
    const int64_t end = std::min(n, (m + 1) * kRankMorselRows);
    for (int64_t base = m * kRankMorselRows; base < end; base += 64) {
      const int width = int(std::min<int64_t>(64, end - base));
      const uint64_t word = rowkeys::LoadBits(valid, x.offset() + base, width);
      std::memcpy(bits + base / 8, &word, size_t(width + 7) / 8);
      if (zero_nulls) ZeroNullRows(bits, base, end, values);
    }
  });
  return out;
}

Column Finish(ColumnType type, int64_t n, Output out) {
  auto column = Column::Make(type, n, out.values, out.validity, nullptr, 0, out.null_count);
  SEGC_CHECK(column.ok());
  return *column;
}

// Calls fn(row, value) for the non-null rows [begin, end) of `x`, values as doubles.
template <typename Fn>
void ForEachValue(const Column& x, int64_t begin, int64_t end, Fn&& fn) {
  const auto visit = [&](auto* values) {
    for (int64_t i = begin; i < end; ++i) {
      if (x.IsValid(i)) fn(i, double(values[i]));
    }
  };
  switch (x.type()) {
    case ColumnType::kInt:
      return visit(x.data<int64_t>());
    case ColumnType::kFloat:
      return visit(x.data<double>());
    case ColumnType::kDate:
      return visit(x.data<int32_t>());
    default:
      SEGC_UNREACHABLE();
  }
}

// True when an int column holds a value beyond +-2^53 (not every such int is a double): one
// branch-free pass over the keys, in morsels on the tasks of `parallel`.
bool HasWideInts(const Column& x, const ParallelFor& parallel) {
  if (x.type() != ColumnType::kInt) return false;
  const uint64_t low = IntKey(-kNtileExactLimit);
  const uint64_t span = IntKey(kNtileExactLimit) - low;
  const int64_t morsels = (x.length() + kRankMorselRows - 1) / kRankMorselRows;
  std::vector<uint8_t> wide(size_t(morsels), 0);
  RunRankTasks(parallel, morsels, [&](int64_t m) {
    bool any = false;
    const auto visit = [&](uint64_t key) { any |= key - low > span; };
    rowkeys::ForEachKeyOf<int64_t>(x, m * kRankMorselRows,
                                   std::min(x.length(), (m + 1) * kRankMorselRows), visit);
    wide[size_t(m)] = any;
  });
  return std::find(wide.begin(), wide.end(), 1) != wide.end();
}

// The column of double(x) for an int column: what the ntile definition sorts.
Column AsDoubles(const Column& x, const ParallelFor& parallel) {
  Output out = OutputLike(x, parallel);
  double* values = out.values->mutable_as<double>();
  ForEachValue(x, 0, x.length(), [&](int64_t i, double v) { values[i] = v; });
  return Finish(ColumnType::kFloat, x.length(), std::move(out));
}

// Positions [begin, end) of the sorted rows, as tasks of about a morsel each.
template <typename Fn>
void ForSortedRanges(size_t n, const ParallelFor& parallel, Fn&& fn) {
  const int64_t tasks = int64_t((n + size_t(kRankMorselRows) - 1) / size_t(kRankMorselRows));
  RunRankTasks(parallel, tasks, [&](int64_t t) {
    const size_t begin = size_t(t) * size_t(kRankMorselRows);
    fn(begin, std::min(n, begin + size_t(kRankMorselRows)));
  });
}

// True when cut points are ascending and not NaN: then the number of cuts below a value is
// where lower_bound finds it, and counting needs no branch.
bool CountableCuts(const std::vector<double>& cuts) {
  for (size_t k = 0; k < cuts.size(); ++k) {
    if (std::isnan(cuts[k]) || (k > 0 && cuts[k] < cuts[k - 1])) return false;
  }
  return true;
}

// LANGUAGE.md §5: tile = 1 + count(k: x > cut_k), for rows [begin, end) (begin a multiple of
// 64); null rows get 0. Every row's tile is counted without a branch (a null row's value is
// read but not used), then the null rows, found from the result's bitmap `bits` (null when
// there are none), are zeroed.
template <typename T>
void AssignTiles(const Column& x, const std::vector<double>& cuts, bool counted, int64_t begin,
                 int64_t end, const uint8_t* bits, int64_t* tiles) {
  const T* values = x.data<T>();
  if (counted) {
    for (int64_t i = begin; i < end; ++i) {
      const double v = double(values[i]);
      int64_t tile = 1;
      for (double cut : cuts) tile += cut < v;
      tiles[i] = tile;
    }
  } else {
    for (int64_t i = begin; i < end; ++i) {
      const double v = double(values[i]);
      tiles[i] = 1 + (std::lower_bound(cuts.begin(), cuts.end(), v) - cuts.begin());
    }
  }
  if (bits == nullptr) return;
  for (int64_t base = begin; base < end; base += 64) {
    ZeroNullRows(bits, base, end, reinterpret_cast<uint64_t*>(tiles));
  }
}

}  // namespace

// Bit for bit the percentiles of the sorted doubles (PercentileCont): ints within +-2^53 and
// dates convert exactly, so their order and interpolation are those of the doubles; wider int
// columns are converted first, as the definition sorts the converted values.
std::vector<double> NtileCuts(const Column& x, int n, const ParallelFor& parallel) {
  SEGC_CHECK(n >= 1);
  if (x.length() == x.null_count() || n == 1) return {};
  std::vector<double> qs;
  for (int k = 1; k < n; ++k) qs.push_back(double(k) / double(n));
  auto cuts = HasWideInts(x, parallel) ? Percentiles(AsDoubles(x, parallel), qs, parallel)
                                       : Percentiles(x, qs, parallel);
  SEGC_CHECK(cuts.ok());
  std::vector<double> out;
  for (const std::optional<double>& cut : *cuts) out.push_back(cut.value());
  return out;
}

Column Ntile(const Column& x, int n) { return Ntile(x, NtileCuts(x, n)); }

Column Ntile(const Column& x, const std::vector<double>& cuts, const ParallelFor& parallel) {
  Output out = OutputLike(x, parallel, /*zero_nulls=*/false);
  int64_t* tiles = out.values->mutable_as<int64_t>();
  const uint8_t* bits = out.validity ? out.validity->data() : nullptr;
  const int64_t n = x.length();
  const bool counted = CountableCuts(cuts);
  RunRankTasks(parallel, (n + kRankMorselRows - 1) / kRankMorselRows, [&](int64_t m) {
    const int64_t begin = m * kRankMorselRows;
    const int64_t end = std::min(n, begin + kRankMorselRows);
    switch (x.type()) {
      case ColumnType::kInt:
        return AssignTiles<int64_t>(x, cuts, counted, begin, end, bits, tiles);
      case ColumnType::kFloat:
        return AssignTiles<double>(x, cuts, counted, begin, end, bits, tiles);
      case ColumnType::kDate:
        return AssignTiles<int32_t>(x, cuts, counted, begin, end, bits, tiles);
      default:
        SEGC_UNREACHABLE();
    }
  });
  return Finish(ColumnType::kInt, n, std::move(out));
}

// Tied values (equal doubles: -0.0 and +0.0 too) are adjacent in key order; the running sum
// adds the values in descending order, one row at a time, as the definition does.
Column CumShare(const Column& x, const ParallelFor& parallel) {
  const SortedRows sorted = SortByValue(x, parallel);
  KeyedRow* rows = sorted.rows;
  // Once a tie group is summed, its keys are no longer read: they make room for the running sum
  // (the bits of the sum of the values >= the group's).
  double sum = 0;
  for (size_t end = sorted.size; end > 0;) {
    const double v = sorted.Value(rows[end - 1].key);
    size_t begin = end - 1;
    sum += v;
    while (begin > 0 && sorted.Value(rows[begin - 1].key) == v)
      sum += sorted.Value(rows[--begin].key);
    for (size_t i = begin; i < end; ++i) rows[i].key = std::bit_cast<uint64_t>(sum);
    end = begin;
  }
  if (sum == 0) {  // LANGUAGE.md §5: division by zero gives null
    std::vector<std::optional<double>> nulls(size_t(x.length()));
    return Column::FromFloat64(nulls);
  }
  Output out = OutputLike(x, parallel);
  double* shares = out.values->mutable_as<double>();
  ForSortedRanges(sorted.size, parallel, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      shares[rows[i].row] = std::bit_cast<double>(uint64_t(rows[i].key)) / sum;
    }
  });
  return Finish(ColumnType::kFloat, x.length(), std::move(out));
}

// rank - 1 is the sorted position of the first row of the tie group.
Column PercentRank(const Column& x, const ParallelFor& parallel) {
  const SortedRows sorted = SortByValue(x, parallel);
  const size_t n = sorted.size;
  Output out = OutputLike(x, parallel);
  double* ranks = out.values->mutable_as<double>();
  ForSortedRanges(n, parallel, [&](size_t begin, size_t end) {
    size_t first = begin;  // of the tie group holding position `begin`
    const double v = sorted.Value(sorted.rows[begin].key);
    while (first > 0 && sorted.Value(sorted.rows[first - 1].key) == v) --first;
    double previous = v;
    for (size_t i = begin; i < end; ++i) {
      const double value = sorted.Value(sorted.rows[i].key);
      if (i > begin && !(value == previous)) first = i;
      previous = value;
      ranks[sorted.rows[i].row] = n == 1 ? 0.0 : double(first) / double(n - 1);
    }
  });
  return Finish(ColumnType::kFloat, x.length(), std::move(out));
}

}  // namespace segc::rt
