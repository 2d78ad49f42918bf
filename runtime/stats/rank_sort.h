// The non-null values of a column with their rows, in ascending value order, by a parallel radix
// sort of order-preserving keys (cumshare, percent_rank: runtime/stats/rank.cc). Internal to
// runtime/stats.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "runtime/stats/select.h"
#include "segc/buffer.h"
#include "segc/column.h"
#include "segc/stats.h"

namespace segc::rt {

/// A non-null row: its key minus the smallest key of the column (so the sort only looks at the
/// bits that vary), and its row. Packed: 12 bytes a row moved per radix pass.
struct [[gnu::packed]] KeyedRow {
  uint64_t key;
  uint32_t row;
};

/// A column's non-null rows sorted by value (ascending; -0.0 just before +0.0).
struct SortedRows {
  std::shared_ptr<Buffer> storage;  ///< owns `rows` (uninitialised memory: nothing is zeroed)
  KeyedRow* rows = nullptr;         ///< `size` rows, ascending by key
  size_t size = 0;
  uint64_t base = 0;        ///< the smallest key: a row's key is base + KeyedRow::key
  bool float_keys = false;  ///< keys are FloatKey(double value), else IntKey(int64 value)
  /// The value the ranking kernels compare and sum (ints and dates as doubles, as the
  /// definition has them): equal values, -0.0 and +0.0 included, are one tie group.
  double Value(uint64_t key) const {
    return float_keys ? FloatOfKey(key + base) : double(IntOfKey(key + base));
  }
};

/// The non-null rows of `x` (int, float or date; fewer than 2^32 rows) sorted by key, rows of
/// equal keys in row order, on the tasks of `parallel` (serially when empty): one partition on
/// the top 11 bits of the key range, then each bucket by MSD radix in cache. Ints beyond +-2^53
/// are keyed by their double value, which is what the kernels compare. Deterministic: the order
/// does not depend on the thread count.
SortedRows SortByValue(const Column& x, const ParallelFor& parallel);

/// Runs task(i) for i in [0, tasks) through `parallel`, or one after the other without it.
void RunRankTasks(const ParallelFor& parallel, int64_t tasks,
                  const std::function<void(int64_t)>& task);

/// Rows per task of the ranking kernels' passes over a column.
inline constexpr int64_t kRankMorselRows = int64_t(1) << 16;

}  // namespace segc::rt
