// Key integrity of a loaded table: no null and no repeated key, reported at the records' lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/io/csv_chunk.h"
#include "segc/csv.h"
#include "segc/table.h"

namespace segc::rt {

/// Checks the key column of `table` (the schema's key, when it is an int, string or enum
/// column): each null key and each repeat of an earlier key becomes a DataError (kEmptyKey,
/// kDuplicateKey) added to `report` (errors kept sorted by line, at most ctx.max_errors).
/// Lines come from rescanning `body` (which starts at physical line `first_line`); the rows of
/// `table` are the body's records without `skipped_records` (1-based, sorted). Returns the
/// number of key errors.
int64_t CheckKeyColumn(const CsvContext& ctx, const Table& table, std::string_view body,
                       int64_t first_line, const std::vector<int64_t>& skipped_records,
                       CsvReport* report);

}  // namespace segc::rt
