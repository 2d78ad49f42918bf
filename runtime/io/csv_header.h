// CSV preamble handling: schema preparation, delimiter and decimal-comma detection, header row.
#pragma once

#include <string_view>
#include <vector>

#include "runtime/io/csv_chunk.h"
#include "segc/csv.h"

namespace segc::rt {

/// Fills the schema-derived parts of `ctx` (date formats, enum codes, options).
/// kInvalidArgument for a bad schema (duplicate names, bad date format, duplicate enum labels).
Status PrepareContext(const Schema& schema, const CsvOptions& options, CsvContext* ctx);

/// kWhitespaceDelimiter when the data looks whitespace-separated (LooksWhitespaceSeparated),
/// else the delimiter among ',' ';' '\t' '|' occurring most often outside quotes in the first
/// line (ties broken in that order; ',' when none occurs).
char DetectDelimiter(std::string_view data);

/// Parses the header record at the start of `data`, fills ctx->header and
/// ctx->file_to_schema, and returns the offset just after the header. Problems (missing or
/// duplicate columns, bad quoting, invalid UTF-8) are appended to `errors`.
int64_t ParseHeader(std::string_view data, CsvContext* ctx, std::vector<DataError>* errors);

/// After ParseHeader: keeps only the schema columns named in `columns` (in schema order) in
/// `*narrowed` and points `ctx` at it, so the fields of the other declared columns are split
/// (the record structure is still checked) but never converted. kInvalidArgument for a name the
/// schema does not declare.
Status NarrowContext(const std::vector<std::string>& columns, CsvContext* ctx, Schema* narrowed);

/// True when float fields in the first records look like "12,5" and none like "12.5".
bool DetectDecimalComma(std::string_view body, const CsvContext& ctx);

}  // namespace segc::rt
