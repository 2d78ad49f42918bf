// Sorting a column's (key, row) pairs by radix: one stable, parallel partition of the rows on the
// top digit of their keys (per-morsel histograms give every morsel its own output ranges), then
// every bucket, in cache, sorted by an MSD radix sort of the remaining bits.
// Both steps are stable, so rows of equal keys stay in row order and the result does not depend
// on the thread count.
#include "runtime/stats/rank_sort.h"

#include <algorithm>
#include <bit>
#include <type_traits>
#include <utility>

#include "segc/check.h"

namespace segc::rt {
namespace {

constexpr int64_t kSortExactLimit = int64_t(1) << 53;
// The top digit: at most 2^11 buckets, whose write positions stay in L1/L2 during the partition.
constexpr int kTopDigitBits = 11;
// Buckets are split 8 bits at a time: 256 counters and write positions, in L1.
constexpr int kBucketDigitBits = 8;
// Buckets this small are sorted by insertion.
constexpr size_t kInsertionSort = 48;

int64_t Morsels(int64_t rows) { return (rows + kRankMorselRows - 1) / kRankMorselRows; }

// Calls fn(row, key) for every non-null row of [begin, end), with the raw key of the chosen key
// space (float_keys: the double value's key, else the int's).
template <typename T, typename Fn>
void ForEachRawKey(const Column& x, bool float_keys, int64_t begin, int64_t end, Fn&& fn) {
  const T* values = x.data<T>();
  const auto key = [&](int64_t i) {
    if constexpr (std::is_same_v<T, double>) return FloatKey(values[i]);
    if constexpr (!std::is_same_v<T, double>) {
      return float_keys ? FloatKey(double(values[i])) : IntKey(int64_t(values[i]));
    }
  };
  if (x.null_count() == 0) {
    for (int64_t i = begin; i < end; ++i) fn(i, key(i));
    return;
  }
  for (int64_t i = begin; i < end; ++i) {
    if (x.IsValid(i)) fn(i, key(i));
  }
}

template <typename Fn>
void ForEachRawKey(const Column& x, bool float_keys, int64_t begin, int64_t end, Fn&& fn) {
  switch (x.type()) {
    case ColumnType::kFloat:
      return ForEachRawKey<double>(x, float_keys, begin, end, fn);
    case ColumnType::kInt:
      return ForEachRawKey<int64_t>(x, float_keys, begin, end, fn);
    case ColumnType::kDate:
      return ForEachRawKey<int32_t>(x, float_keys, begin, end, fn);
    default:
      SEGC_UNREACHABLE();
  }
}

int64_t MorselEnd(const Column& x, int64_t m) {
  return std::min(x.length(), (m + 1) * kRankMorselRows);
}

struct MorselScan {
  int64_t count = 0;
  uint64_t min = ~uint64_t(0);
  uint64_t max = 0;
};

// Count and key range of every morsel.
std::vector<MorselScan> ScanMorsels(const Column& x, bool float_keys, const ParallelFor& parallel) {
  std::vector<MorselScan> scans(size_t(Morsels(x.length())));
  RunRankTasks(parallel, int64_t(scans.size()), [&](int64_t m) {
    MorselScan s;
    ForEachRawKey(x, float_keys, m * kRankMorselRows, MorselEnd(x, m), [&](int64_t, uint64_t k) {
      ++s.count;
      s.min = std::min(s.min, k);
      s.max = std::max(s.max, k);
    });
    scans[size_t(m)] = s;
  });
  return scans;
}

// Ints are keyed exactly unless some value is beyond +-2^53, where doubles (the values the
// kernels compare) tie different ints.
bool NeedsFloatKeys(const Column& x, const std::vector<MorselScan>& int_scans) {
  if (x.type() != ColumnType::kInt) return false;
  for (const MorselScan& s : int_scans) {
    if (s.count == 0) continue;
    if (IntOfKey(s.min) < -kSortExactLimit || IntOfKey(s.max) > kSortExactLimit) return true;
  }
  return false;
}

// The top digit of a key (base subtracted): (key >> shift), below `buckets`.
struct TopDigit {
  int shift = 0;
  size_t buckets = 1;
};

TopDigit TopDigitOf(uint64_t max_key) {
  const int bits = std::bit_width(max_key);
  TopDigit d;
  d.shift = std::max(0, bits - kTopDigitBits);
  d.buckets = size_t(1) << (bits - d.shift);
  return d;
}

// Partitions the non-null rows of `x` by top digit, stably, into `out` (sized to the count):
// returns the start of every bucket (buckets + 1 entries).
std::vector<int64_t> Partition(const Column& x, const SortedRows& sorted, TopDigit top,
                               KeyedRow* out, const ParallelFor& parallel) {
  const int64_t morsels = Morsels(x.length());
  const size_t buckets = top.buckets;
  std::vector<int64_t> next(size_t(morsels) * buckets, 0);  // [morsel][digit]
  RunRankTasks(parallel, morsels, [&](int64_t m) {
    int64_t* hist = next.data() + size_t(m) * buckets;
    ForEachRawKey(x, sorted.float_keys, m * kRankMorselRows, MorselEnd(x, m),
                  [&](int64_t, uint64_t k) { ++hist[(k - sorted.base) >> top.shift]; });
  });
  std::vector<int64_t> starts(buckets + 1, 0);
  int64_t sum = 0;  // digit-major: morsel m's rows of digit d follow morsel m-1's
  for (size_t d = 0; d < buckets; ++d) {
    starts[d] = sum;
    for (int64_t m = 0; m < morsels; ++m) {
      int64_t& slot = next[size_t(m) * buckets + d];
      const int64_t count = slot;
      slot = sum;
      sum += count;
    }
  }
  starts[buckets] = sum;
  RunRankTasks(parallel, morsels, [&](int64_t m) {
    int64_t* pos = next.data() + size_t(m) * buckets;
    ForEachRawKey(x, sorted.float_keys, m * kRankMorselRows, MorselEnd(x, m),
                  [&](int64_t row, uint64_t k) {
                    const uint64_t key = k - sorted.base;
                    out[pos[key >> top.shift]++] = KeyedRow{key, uint32_t(row)};
                  });
  });
  return starts;
}

void InsertionSort(KeyedRow* rows, size_t n) {
  for (size_t i = 1; i < n; ++i) {
    const KeyedRow r = rows[i];
    size_t j = i;
    for (; j > 0 && rows[j - 1].key > r.key; --j) rows[j] = rows[j - 1];
    rows[j] = r;
  }
}

// The number of low key bits that differ between the keys of `rows`: above them, every key has
// the same bits, which no digit needs to look at.
int VaryingBits(const KeyedRow* rows, size_t n, int bits) {
  const uint64_t mask = bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
  uint64_t all = ~uint64_t(0);
  uint64_t any = 0;
  for (size_t i = 0; i < n; ++i) {
    all &= rows[i].key;
    any |= rows[i].key;
  }
  return std::bit_width((all ^ any) & mask);
}

// Stable MSD radix sort of `rows` on key bits [0, bits), using `scratch` (at least n entries):
// each level skips the bits every key shares, splits on the next 8 and sorts each part the same
// way; parts of a few dozen rows are sorted by insertion. Buckets of the partition hold a few
// thousand rows that differ in many low bits, so one level usually leaves parts that small (an
// LSD sort would pass over every remaining digit).
void SortBucket(KeyedRow* rows, size_t n, int bits, KeyedRow* scratch) {
  if (n <= kInsertionSort) return InsertionSort(rows, n);
  bits = VaryingBits(rows, n, bits);
  if (bits == 0) return;  // equal keys: already in row order
  constexpr size_t kBuckets = size_t(1) << kBucketDigitBits;
  const int shift = std::max(0, bits - kBucketDigitBits);
  size_t starts[kBuckets + 1] = {};
  for (size_t i = 0; i < n; ++i) ++starts[((rows[i].key >> shift) & (kBuckets - 1)) + 1];
  for (size_t d = 1; d <= kBuckets; ++d) starts[d] += starts[d - 1];
  size_t pos[kBuckets];
  std::copy(starts, starts + kBuckets, pos);
  for (size_t i = 0; i < n; ++i) scratch[pos[(rows[i].key >> shift) & (kBuckets - 1)]++] = rows[i];
  std::copy(scratch, scratch + n, rows);
  if (shift == 0) return;
  for (size_t d = 0; d < kBuckets; ++d) {
    SortBucket(rows + starts[d], starts[d + 1] - starts[d], shift, scratch);
  }
}

// Sorts every bucket of the partition on the key bits below the top digit, as tasks over runs of
// buckets holding about a morsel of rows each.
void SortBuckets(KeyedRow* rows, const std::vector<int64_t>& starts, int bits,
                 const ParallelFor& parallel) {
  if (bits == 0) return;
  std::vector<size_t> task_starts{0};  // first bucket of each task
  const size_t buckets = starts.size() - 1;
  for (size_t b = 0; b < buckets; ++b) {
    if (starts[b + 1] - starts[task_starts.back()] >= kRankMorselRows) task_starts.push_back(b + 1);
  }
  if (task_starts.back() != buckets) task_starts.push_back(buckets);
  RunRankTasks(parallel, int64_t(task_starts.size() - 1), [&](int64_t t) {
    const size_t first = task_starts[size_t(t)];
    const size_t last = task_starts[size_t(t) + 1];
    int64_t largest = 0;
    for (size_t b = first; b < last; ++b) largest = std::max(largest, starts[b + 1] - starts[b]);
    std::vector<KeyedRow> scratch(static_cast<size_t>(largest));
    for (size_t b = first; b < last; ++b) {
      SortBucket(rows + starts[b], size_t(starts[b + 1] - starts[b]), bits, scratch.data());
    }
  });
}

}  // namespace

void RunRankTasks(const ParallelFor& parallel, int64_t tasks,
                  const std::function<void(int64_t)>& task) {
  if (parallel && tasks > 1) {
    parallel(tasks, task);
  } else {
    for (int64_t i = 0; i < tasks; ++i) task(i);
  }
}

SortedRows SortByValue(const Column& x, const ParallelFor& parallel) {
  SEGC_CHECK(x.length() < (int64_t(1) << 32));
  SortedRows out;
  out.float_keys = x.type() == ColumnType::kFloat;
  std::vector<MorselScan> scans = ScanMorsels(x, out.float_keys, parallel);
  if (NeedsFloatKeys(x, scans)) {
    out.float_keys = true;
    scans = ScanMorsels(x, true, parallel);
  }
  int64_t count = 0;
  uint64_t max = 0;
  out.base = ~uint64_t(0);
  for (const MorselScan& s : scans) {
    if (s.count == 0) continue;
    count += s.count;
    out.base = std::min(out.base, s.min);
    max = std::max(max, s.max);
  }
  if (count == 0) return out;
  const TopDigit top = TopDigitOf(max - out.base);
  out.storage = Buffer::AllocateHuge(size_t(count) * sizeof(KeyedRow));
  out.rows = reinterpret_cast<KeyedRow*>(out.storage->mutable_data());
  out.size = size_t(count);
  const std::vector<int64_t> starts = Partition(x, out, top, out.rows, parallel);
  SortBuckets(out.rows, starts, top.shift, parallel);
  return out;
}

}  // namespace segc::rt
