// Radix select over order-preserving keys (see select.h). The column is never copied whole:
// the first pass measures it and histograms a first digit; the bucket holding the wanted rank is
// a window of keys [low, high], narrowed by further histogram passes until few enough keys
// remain to gather them; those are narrowed the same way in memory and the last few hundred go
// to nth_element. Equal keys always share a bucket, so heavy duplicates only end the search
// sooner (a window of one key is the answer).
#include "runtime/stats/select.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <utility>

#include "runtime/stats/key_iteration.h"
#include "segc/check.h"

namespace segc::rt {
namespace {

using rowkeys::ForEachKey;

// Digit width of passes over the column: 65536 counters stay in L2 while the column streams by.
constexpr int kColumnBits = 16;
constexpr size_t kLastBucket = (size_t(1) << kColumnBits) - 1;
// Candidate sets this small are finished by nth_element.
constexpr size_t kSortBelow = 512;
// Columns up to this many rows skip the first digit: clearing its 2^16 counters would cost more
// than copying the keys and selecting in memory.
constexpr int64_t kFirstDigitRows = int64_t(1) << 16;
// A window holding at most 1/kGatherFraction of the values is copied out of the column: another
// histogram pass would read the whole column again to shrink it.
constexpr int64_t kGatherFraction = 8;

// The keys still in play: all keys in [low, high], `count` of them; the wanted one is the
// `rank`-th smallest among them (and, when asked, the next).
struct Window {
  uint64_t low;
  uint64_t high;
  int64_t count;
  int64_t rank;
};

// One unsigned compare thanks to wrap-around.
bool Contains(const Window& w, uint64_t key) { return key - w.low <= w.high - w.low; }

// Keys [base + (b << shift), base + ((b + 1) << shift) - 1] clipped to [low, high].
Window Bucket(uint64_t base, int shift, size_t b, uint64_t low, uint64_t high) {
  const uint64_t start = base + (uint64_t(b) << shift);
  const uint64_t last = start + ((uint64_t(1) << shift) - 1);
  return {std::max(start, low), last < start ? high : std::min(last, high), 0, 0};
}

// The first digit, a monotone map of keys onto 2^16 buckets. Floats: the top 16 key bits (sign,
// exponent, 4 mantissa bits). Ints and dates: the value clamped to [-2^15, 2^15 - 1], one bucket
// per value, so small ints and dates (1880..2059) are settled by the first pass alone.
struct FirstDigit {
  uint64_t base;
  int shift;

  explicit FirstDigit(ColumnType type)
      : base(type == ColumnType::kFloat ? 0 : IntKey(-(int64_t(1) << (kColumnBits - 1)))),
        shift(type == ColumnType::kFloat ? 64 - kColumnBits : 0) {}
  size_t Of(uint64_t key) const {
    const uint64_t above = key < base ? 0 : key - base;
    return size_t(std::min<uint64_t>(above >> shift, kLastBucket));
  }
  // The keys of bucket b within [low, high] (the end buckets take everything beyond them).
  Window Keys(size_t b, uint64_t low, uint64_t high) const {
    Window w = Bucket(base, shift, b, low, high);
    if (b == 0) w.low = low;
    if (b == kLastBucket) w.high = high;
    return w;
  }
};

// Where rank and rank + 1 fall in a histogram: the bucket of rank, and that of rank + 1 when it
// is another one (the next non-empty bucket).
struct Located {
  Window at;
  std::optional<Window> next;
};

// `keys(b)` is the key range of bucket b; `rank` counts from the first bucket's first key.
template <typename Keys>
Located Locate(const std::vector<int64_t>& counts, int64_t rank, bool with_next, Keys keys) {
  size_t b = 0;
  int64_t before = 0;
  while (before + counts[b] <= rank) before += counts[b++];
  Located found{keys(b), std::nullopt};
  found.at.count = counts[b];
  found.at.rank = rank - before;
  if (!with_next || found.at.rank + 1 < found.at.count) return found;
  size_t c = b + 1;  // rank + 1 exists, so a later bucket is not empty
  while (counts[c] == 0) ++c;
  found.next = keys(c);
  found.next->count = counts[c];
  return found;
}

struct ColumnKeys {
  const Column& column;
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    ForEachKey(column, fn);
  }
};

struct MemoryKeys {
  const std::vector<uint64_t>& keys;
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (uint64_t k : keys) fn(k);
  }
};

// The largest key in `below` and the smallest in `above`: the two ranks when they fall in two
// buckets (every bucket between them is empty). A bucket of a single key needs no pass.
template <typename Source>
RankKeys Straddle(const Source& src, const Window& below, const Window& above) {
  if (below.low == below.high && above.low == above.high) return {below.low, above.low};
  uint64_t top = 0;
  uint64_t bottom = ~uint64_t(0);
  src.ForEach([&](uint64_t key) {
    top = Contains(below, key) && key > top ? key : top;
    bottom = Contains(above, key) && key < bottom ? key : bottom;
  });
  return {top, bottom};
}

// Histogram of the window's keys by the `bits` bits below the window's common high bits; the
// last counter takes the keys outside the window.
template <typename Source>
std::vector<int64_t> Histogram(const Source& src, const Window& w, int shift) {
  const uint64_t low = w.low;
  const uint64_t span = w.high - low;
  const size_t outside = size_t(span >> shift) + 1;
  std::vector<int64_t> counts(outside + 1);
  int64_t* histogram = counts.data();
  src.ForEach([&](uint64_t key) {
    const uint64_t d = key - low;
    ++histogram[d <= span ? size_t(d >> shift) : outside];
  });
  return counts;
}

// One digit of `bits` bits: narrows `w` to the bucket holding its rank, or returns the answer
// when the rank and the next one (wanted when `with_next`) fall in different buckets.
template <typename Source>
std::optional<RankKeys> Narrow(const Source& src, Window& w, bool with_next, int bits) {
  const int shift = std::max(0, int(std::bit_width(w.high - w.low)) - bits);
  const Window outer = w;
  const Located found = Locate(Histogram(src, w, shift), w.rank, with_next, [&](size_t b) {
    return Bucket(outer.low, shift, b, outer.low, outer.high);
  });
  if (found.next) return Straddle(src, found.at, *found.next);
  w = found.at;
  return std::nullopt;
}

RankKeys SortSelect(std::vector<uint64_t>& keys, int64_t rank, bool with_next) {
  const auto at = keys.begin() + rank;
  std::nth_element(keys.begin(), at, keys.end());
  return {*at, with_next ? *std::min_element(at + 1, keys.end()) : *at};
}

RankKeys SelectInMemory(std::vector<uint64_t>& keys, Window w, bool with_next) {
  while (w.low != w.high) {
    if (keys.size() <= kSortBelow) return SortSelect(keys, w.rank, with_next);
    // Fewer buckets for fewer keys: the histogram is cleared and scanned once per digit.
    const int bits = std::clamp(int(std::bit_width(keys.size())) - 2, 8, kColumnBits);
    if (auto done = Narrow(MemoryKeys{keys}, w, with_next, bits)) return *done;
    std::erase_if(keys, [&](uint64_t key) { return !Contains(w, key); });
  }
  return {w.low, w.low};
}

// The keys of window w, in row order. Branch-free append: every key is stored, the slot only
// advances when the key is in the window (hence one spare slot).
std::vector<uint64_t> Gather(const ColumnKeys& src, const Window& w) {
  std::vector<uint64_t> keys(size_t(w.count) + 1);
  uint64_t* out = keys.data();
  const Window window = w;  // a local: the key stores could alias a reference
  size_t m = 0;
  src.ForEach([&](uint64_t key) {
    out[m] = key;
    m += Contains(window, key) ? 1 : 0;
  });
  SEGC_CHECK(m == size_t(w.count));
  keys.resize(m);
  return keys;
}

// The count and extreme keys of the non-null values, calling also(key) for each.
template <typename Also>
KeyScan Measure(const Column& x, Also also) {
  // Locals, not KeyScan members: the counter stores in `also` could alias those.
  int64_t count = 0;
  uint64_t min = ~uint64_t(0);
  uint64_t max = 0;
  ForEachKey(x, [&](uint64_t key) {
    ++count;
    min = std::min(min, key);
    max = std::max(max, key);
    also(key);
  });
  return {count, min, max, {}};
}

}  // namespace

KeyScan ScanKeys(const Column& x) {
  if (x.length() <= kFirstDigitRows) return Measure(x, [](uint64_t) {});
  std::vector<int64_t> counts(kLastBucket + 1);
  int64_t* histogram = counts.data();
  const FirstDigit digit(x.type());
  KeyScan scan = Measure(x, [&](uint64_t key) { ++histogram[digit.Of(key)]; });
  scan.first_digit = std::move(counts);
  return scan;
}

RankKeys SelectAmong(std::vector<uint64_t>& keys, uint64_t low, uint64_t high, int64_t rank,
                     bool with_next) {
  SEGC_CHECK(rank >= 0 && size_t(rank + (with_next ? 1 : 0)) < keys.size());
  return SelectInMemory(keys, Window{low, high, int64_t(keys.size()), rank}, with_next);
}

RankKeys SelectKeys(const Column& x, const KeyScan& scan, int64_t rank, bool with_next) {
  SEGC_CHECK(rank >= 0 && rank + (with_next ? 1 : 0) < scan.count);
  const ColumnKeys column{x};
  Window w{scan.min, scan.max, scan.count, rank};
  const bool small = scan.first_digit.empty();
  if (!small) {
    const FirstDigit digit(x.type());
    const Located found = Locate(scan.first_digit, rank, with_next,
                                 [&](size_t b) { return digit.Keys(b, scan.min, scan.max); });
    if (found.next) return Straddle(column, found.at, *found.next);
    w = found.at;
  }
  const int64_t gather_at =
      small ? scan.count : std::max(int64_t(kSortBelow), scan.count / kGatherFraction);
  while (w.low != w.high) {
    if (w.count <= gather_at) {
      std::vector<uint64_t> keys = Gather(column, w);
      return SelectInMemory(keys, w, with_next);
    }
    if (auto done = Narrow(column, w, with_next, kColumnBits)) return *done;
  }
  return {w.low, w.low};  // one distinct key left: both ranks hold it
}

}  // namespace segc::rt
