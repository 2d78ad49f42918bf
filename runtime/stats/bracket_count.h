// The pass of sampled select (sample_select.cc) over a range of rows: per key bracket, count the
// non-null keys below it and gather those inside it. Internal to runtime/stats.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "runtime/stats/select.h"
#include "segc/column.h"

namespace segc::rt::bracket {

/// The keys [low, high] (select.h keys: unsigned order is value order).
struct Bracket {
  uint64_t low = 0;
  uint64_t high = ~uint64_t(0);
};

/// One unsigned compare thanks to wrap-around.
inline bool Inside(const Bracket& b, uint64_t key) { return key - b.low <= b.high - b.low; }

/// What the pass found over its rows, by bracket.
struct Tally {
  std::array<int64_t, kMaxBrackets> below{};
  std::array<std::vector<uint64_t>, kMaxBrackets> inside;  ///< in row order
  /// Int columns: values beyond +-2^53, which make percentiles interpolate exactly (stats.cc).
  int64_t wide = 0;
};

/// Counts rows [begin, end) of the int, float or date column `x` (begin a multiple of 64)
/// against 1 to kMaxBrackets brackets, adding to `tally`. With `vector_unit`, on CPUs with
/// AVX2, whole 64-row blocks are compared four keys at a time (same results, bit for bit).
void CountRows(const Column& x, int64_t begin, int64_t end, const std::vector<Bracket>& brackets,
               bool vector_unit, Tally& tally);

/// Whether this CPU runs the AVX2 pass (x86-64 with AVX2).
bool HasVectorUnit();

}  // namespace segc::rt::bracket
