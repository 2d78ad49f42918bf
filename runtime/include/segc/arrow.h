// Arrow C Data Interface import and export of whole tables (struct arrays of columns).
#pragma once

#include "segc/arrow_abi.h"
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

/// Exports `table` as a struct array with one child per column, zero-copy (the structs keep
/// the column buffers alive until released): int "l", float "g", bool "b", date "tdD", string
/// and enum as dictionary-encoded utf8 (int32 indices, "i" over "u"). `schema` and `array`
/// must be uninitialised; the consumer calls their release callbacks.
Status ExportArrowTable(const Table& table, ArrowSchema* schema, ArrowArray* array);

}  // namespace segc::rt
