// Schema inference from a CSV sample, and printing a Schema as a segc `table` declaration.
#pragma once

#include <cstdint>
#include <string>

#include "segc/csv.h"
#include "segc/result.h"
#include "segc/schema.h"

namespace segc::rt {

/// Options of InferSchema.
struct InferOptions {
  int64_t sample_rows = 10000;  ///< data records examined from the start of the file
  std::string table_name;       ///< default: the file name without directory and extensions
  int max_enum_values = 20;     ///< at most this many distinct values (and repeated) -> enum
  char delimiter = '\0';        ///< '\0' = detect, as in CsvOptions
};

/// Infers column types from the first `sample_rows` records of a CSV file (plain or gzip):
/// int, then float (also "12,5" with ';'), bool (true/false/yes/no; 0/1 stay int), date (ISO
/// "%Y-%m-%d", or "%d/%m/%Y"), enum (a string with <= max_enum_values distinct values, each
/// value seen at least twice on average), else string. Empty fields are ignored; an all-empty
/// column is a string. The key is the first column whose name is "id" or ends in "_id" and whose
/// sampled values are unique, else the first column. kIoError / kDataError on unreadable input.
Result<Schema> InferSchema(const std::string& path, const InferOptions& options = {});

/// Same over bytes in memory (not gzip-decoded).
Result<Schema> InferSchemaFromBuffer(std::string_view data, const InferOptions& options = {});

/// Prints `schema` in segc syntax (LANGUAGE.md §3):
///   table NAME key COL {
///     col: type
///   }
/// Names that are not identifiers, or are keywords, are written in backquotes.
std::string FormatTableDeclaration(const Schema& schema);

/// `text` as a segc string literal: in double quotes, with `"` and `\` escaped and newlines and
/// tabs written `\n` and `\t`.
std::string QuoteString(std::string_view text);

/// True when `name` is a plain identifier and not a segc keyword.
bool IsPlainIdentifier(std::string_view name);

}  // namespace segc::rt
