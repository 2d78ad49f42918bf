// Concatenating per-chunk column vectors into final Arrow-layout columns.
#pragma once

#include <vector>

#include "runtime/exec/thread_pool.h"
#include "runtime/io/csv_chunk.h"
#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// Builds one Column per schema column from the chunks, in chunk order. String dictionaries
/// are merged in chunk order, so codes follow first appearance in the file, whatever the
/// number of chunks. Fails with kDataError when a dictionary would exceed 2 GiB of text.
Result<std::vector<Column>> MergeChunks(const CsvContext& ctx, std::vector<ChunkResult>& chunks,
                                        ThreadPool& pool);

}  // namespace segc::rt
