// Joining per-chunk CSV results into final Arrow-layout columns (in place when pre-allocated).
#pragma once

#include <memory>
#include <vector>

#include "runtime/exec/thread_pool.h"
#include "runtime/io/csv_chunk.h"
#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// The fixed-width value buffers of a read with several chunks, allocated once before parsing.
/// Chunk k writes its rows from slot `offsets[k]` on (the sum of the record bounds of the chunks
/// before it), so the merge copies nothing unless some chunk produced fewer rows than its bound.
struct TableBuffers {
  std::vector<std::shared_ptr<Buffer>> values;  ///< per schema column; null for bool columns
  std::vector<int64_t> offsets;                 ///< per chunk: its first slot
};

/// Allocates (uninitialised: untouched slots cost no memory) the value buffers for chunks of at
/// most `max_records[k]` records and attaches each chunk's arrays to its slots. String columns
/// store -1 for nulls so that the merge can tell them from local code 0.
TableBuffers AttachChunks(const CsvContext& ctx, const std::vector<int64_t>& max_records,
                          std::vector<ChunkResult>* chunks);

/// Builds one Column per schema column from the chunks, in chunk order; `buffers` is empty for
/// a single chunk (whose arrays are handed over uncopied). String dictionaries are merged in
/// chunk order, so codes follow first appearance in the file, whatever the number of chunks.
/// Fails with kDataError when a dictionary would exceed 2 GiB of text.
Result<std::vector<Column>> MergeChunks(const CsvContext& ctx, std::vector<ChunkResult>& chunks,
                                        TableBuffers& buffers, ThreadPool& pool);

}  // namespace segc::rt
