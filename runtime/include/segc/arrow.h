// Arrow C Data Interface import and export of whole tables (struct arrays of columns), Arrow C
// Stream import, and the export of run results.
#pragma once

#include "segc/arrow_abi.h"
#include "segc/executor.h"
#include "segc/result.h"
#include "segc/table.h"

namespace segc::rt {

/// Imports a struct array ("+s") whose children are the columns. Always takes ownership of
/// both structs (also on failure): `schema` is released before returning, `array` is moved out
/// (its release set to null) and released exactly once, when the last column buffer of the
/// returned table dies (or before returning on failure). Supported child formats:
///   "l" int64 -> int, zero-copy;  "tdD" date32 -> date, zero-copy;  "b" bool -> bool, zero-copy;
///   "g" float64 -> float, zero-copy unless it holds NaN or infinities, which are read as null
///       (LANGUAGE.md §5): then a new validity bitmap is built (the values are still shared);
///   dictionary "i" indices over "u" -> string, zero-copy (indices and dictionary checked);
///   "u" / "U" utf8 -> string, converted to a dictionary (a copy of codes and distinct strings).
/// Struct-level nulls, dictionary nulls and invalid UTF-8 are kInvalidArgument.
Result<Table> ImportArrowTable(ArrowSchema* schema, ArrowArray* array);

/// Imports an Arrow C Stream of struct arrays (record batches) as one table. Always takes
/// ownership of the stream: it is released exactly once before returning, also on failure (the
/// imported batches do not need it). Each batch is imported as ImportArrowTable describes.
///   - one batch with rows (batches without rows are skipped): zero-copy, as ImportArrowTable;
///   - several: concatenated into new buffers (ConcatTables: a copy of every column, string
///     dictionaries merged); the batches are released once copied;
///   - none: a table with the schema's columns and no rows.
/// Fails with kIoError when get_schema or get_next report an error (the message carries the
/// code and get_last_error's text), kInvalidArgument for a missing or released stream, a
/// released schema, or a batch ImportArrowTable rejects.
Result<Table> ImportArrowStream(ArrowArrayStream* stream);

/// Exports `table` as a struct array with one child per column, zero-copy (the structs keep
/// the column buffers alive until released): int "l", float "g", bool "b", date "tdD", string
/// and enum as dictionary-encoded utf8 (int32 indices, "i" over "u"). `schema` and `array`
/// must be uninitialised; the consumer calls their release callbacks.
Status ExportArrowTable(const Table& table, ArrowSchema* schema, ArrowArray* array);

/// Exports the outputs of a run as a struct array with one child per output, named after it, in
/// RunResult order: every segment, then every score, then every class. Zero-copy: the structs
/// share (and keep alive) the result's buffers, so `result` may be destroyed first.
///   segment: bool "b", no nulls; its values buffer is SegmentResult::bitmap;
///   score:   float64 "g" with its validity bitmap (null where the score is null);
///   class:   dictionary-encoded utf8 (int32 indices "i" over "u" labels), null where no arm
///            matched; indices are label codes (ClassResult::labels order).
/// `schema` and `array` must be uninitialised; the consumer calls their release callbacks.
Status ExportArrowResult(const RunResult& result, ArrowSchema* schema, ArrowArray* array);

}  // namespace segc::rt
