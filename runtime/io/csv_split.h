// Splitting a CSV body into chunks that start on record boundaries (quote-parity pass).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/exec/thread_pool.h"

namespace segc::rt {

/// Whole records [begin, end), starting at physical line `first_line`.
struct ChunkRange {
  const char* begin;
  const char* end;
  int64_t first_line;
  int64_t max_records = -1;  ///< upper bound on the records in the range; -1: not counted
};

/// Cuts [begin, end) (which starts at a record boundary on line `first_line`) into at most
/// `n_pieces` ranges of whole records. A record boundary is a '\n' preceded by an even number of
/// '"' since `begin`; this makes the split identical to a sequential parse for any piece count.
/// With several ranges, each gets `max_records` (its '\n' count, +1 without a final '\n'): every
/// record but the last ends at a '\n' of its own. With `release_input` (a FileData mapping),
/// scanned pages are released as it goes.
std::vector<ChunkRange> SplitRecords(const char* begin, const char* end, int64_t first_line,
                                     int n_pieces, ThreadPool& pool, bool release_input = false);

}  // namespace segc::rt
