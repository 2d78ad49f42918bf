// Exact order statistics of a column's non-null values by radix select, without copying the
// column: histogram passes over the column narrow a window of keys until the few keys left in
// it are gathered and finished in memory.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "segc/column.h"
#include "segc/stats.h"  // ParallelFor

namespace segc::rt {

inline constexpr uint64_t kKeySignBit = uint64_t(1) << 63;

// Order-preserving 64-bit keys: value order is unsigned key order. For doubles this is IEEE
// totalOrder (negatives have all bits inverted, positives the sign bit set), so -0.0 sorts just
// below +0.0; NaN, which no loaded column holds, would sort beyond the infinities.
inline uint64_t FloatKey(double v) {
  const uint64_t bits = std::bit_cast<uint64_t>(v);
  return (bits & kKeySignBit) != 0 ? ~bits : bits | kKeySignBit;
}
inline double FloatOfKey(uint64_t key) {
  return std::bit_cast<double>((key & kKeySignBit) != 0 ? key & ~kKeySignBit : ~key);
}
// Ints (and dates, widened to int64) are offset by 2^63: the two's complement order flipped.
inline uint64_t IntKey(int64_t v) { return uint64_t(v) ^ kKeySignBit; }
inline int64_t IntOfKey(uint64_t key) { return int64_t(key ^ kKeySignBit); }

/// What the first pass over a column learns: the count and extreme keys of its non-null values,
/// and their histogram under a first, coarse digit that SelectKeys starts from (left empty for
/// columns of at most 2^16 rows, whose keys are simply copied).
struct KeyScan {
  int64_t count = 0;
  uint64_t min = ~uint64_t(0);
  uint64_t max = 0;
  std::vector<int64_t> first_digit;
};

/// The first pass over an int, float or date column `x`.
KeyScan ScanKeys(const Column& x);

/// Keys of the non-null values at ascending ranks `rank` and `rank + 1` (0-based).
struct RankKeys {
  uint64_t at_rank = 0;
  uint64_t next = 0;  // == at_rank unless asked for
};

/// The keys at `rank` and, when `with_next`, at `rank + 1` of the non-null values of `x`, whose
/// first pass is `scan`. Requires rank (+ 1) < scan.count. O(n): every further pass over the
/// column shrinks the key window by 16 bits; usually one more pass (floats) or none (small ints,
/// dates) is needed.
RankKeys SelectKeys(const Column& x, const KeyScan& scan, int64_t rank, bool with_next);

/// The keys at `rank` and, when `with_next`, at `rank + 1` of `keys`, all of which lie in
/// [low, high]; `keys` is reordered and may shrink. Requires rank (+ 1) < keys.size().
RankKeys SelectAmong(std::vector<uint64_t>& keys, uint64_t low, uint64_t high, int64_t rank,
                     bool with_next);

/// A wanted order statistic of a column's non-null values: the key at `rank` (0-based,
/// ascending) and, when `with_next`, the key at `rank + 1`.
struct RankQuery {
  int64_t rank = 0;
  bool with_next = false;
};

/// SampleSelect takes at most this many queries (one key bracket each, overlapping brackets
/// merged); more ranks of one column go to radix select, whose first pass they share.
inline constexpr size_t kMaxBrackets = 4;

/// Sample size and bracket margin of SampleSelect. Tests shrink them to make brackets miss,
/// which must only cost a second pass, never change a result.
struct SampleTuning {
  int64_t sample_size = int64_t(1) << 15;
  double sigmas = 4;        ///< bracket half-width in standard deviations of the sampled rank
  bool vector_unit = true;  ///< count with AVX2 where the CPU has it (false: the portable pass)
};

struct SampledSelection {
  int64_t count = 0;  ///< non-null values
  /// An int column holding values beyond +-2^53, whose percentiles interpolate exactly.
  bool wide_ints = false;
  std::vector<RankKeys> keys;  ///< by query
  int missed = 0;              ///< queries whose bracket missed their rank and went to radix select
};

/// The keys of `queries` (at most kMaxBrackets of them) among the `count` > 0
/// non-null values of `x`: a sample of rows brackets each wanted rank by a narrow key range,
/// one pass over the column (in morsels, through `parallel`; see segc/stats.h) counts the keys
/// below each bracket and gathers those inside, and the wanted ranks are selected among the
/// gathered keys. A rank that falls outside its bracket (an unlucky sample) is found by radix
/// select instead.
SampledSelection SampleSelect(const Column& x, int64_t count, const std::vector<RankQuery>& queries,
                              const ParallelFor& parallel, const SampleTuning& tuning = {});

}  // namespace segc::rt
