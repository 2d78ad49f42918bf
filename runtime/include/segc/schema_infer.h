// Schema inference from a CSV sample, and printing a Schema as a segc `table` declaration.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segc/csv.h"
#include "segc/encoding.h"
#include "segc/result.h"
#include "segc/schema.h"

namespace segc::rt {

/// Options of InferSchema.
struct InferOptions {
  int64_t sample_rows = 10000;  ///< data records examined from the start of the file
  std::string table_name;       ///< default: the file name without directory and extensions
  int max_enum_values = 20;     ///< at most this many distinct values (and repeated) -> enum
  char delimiter = '\0';        ///< '\0' = detect, as in CsvOptions (kWhitespaceDelimiter too)
  /// The file's encoding; nullopt = UTF-8, or Windows-1252 when the file's first megabytes
  /// are not valid UTF-8 (InferReport::encoding_guessed).
  std::optional<TextEncoding> encoding = std::nullopt;
};

/// What InferSchema found besides the types.
struct InferReport {
  char delimiter = ',';                         ///< the delimiter used (detected or forced)
  TextEncoding encoding = TextEncoding::kUtf8;  ///< the encoding the file was read in
  bool encoding_guessed = false;  ///< not UTF-8, so read as Windows-1252 (no encoding given)
  /// Per column, in schema order: empty when its sampled values are all present and distinct
  /// (it can be the key), else why not: "'2' repeats (lines 3 and 4)", "empty on line 7".
  std::vector<std::string> not_unique;
  /// When no column can be the key (schema.key is then empty): why, naming the first
  /// id-like column's repeat, e.g. "'customer_id' has '2' twice (lines 3 and 4)".
  std::string key_problem;
};

/// Infers column types from the first `sample_rows` records of a CSV file (plain or gzip):
/// YYYYMMDD dates (every value 8 digits, a valid date in 1900-2100, in a column not named like a
/// key) as date("%Y%m%d"), then int, float (also "12,5" with ';'), bool (true/false/yes/no; 0/1
/// stay int), date (ISO
/// "%Y-%m-%d", or "%d/%m/%Y"), enum (a string with <= max_enum_values distinct values, each
/// value seen at least twice on average), else string. Empty fields are ignored; an all-empty
/// column is a string. The key is the first column named "id" or "*_id" whose sampled values
/// are present and distinct, else the first such int or string column; when there is none,
/// `schema.key` is empty and `report->key_problem` says why (a key that repeats is never
/// proposed). kIoError / kDataError on unreadable input.
Result<Schema> InferSchema(const std::string& path, const InferOptions& options = {},
                           InferReport* report = nullptr);

/// Same over bytes in memory (not gzip-decoded).
Result<Schema> InferSchemaFromBuffer(std::string_view data, const InferOptions& options = {},
                                     InferReport* report = nullptr);

/// Prints `schema` in segc syntax (LANGUAGE.md §3):
///   table NAME key COL {
///     col: type
///   }
/// Names that are not identifiers, or are keywords, are written in backquotes. A column whose
/// name cannot be written at all (empty, or holding a backquote or a line break) is left out,
/// with a comment line quoting its name; the data loader ignores columns the table lacks.
std::string FormatTableDeclaration(const Schema& schema);

/// True when `name` can be written in segc, plain or in backquotes: not empty, and without a
/// backquote, CR or LF (LANGUAGE.md §2).
bool IsWritableName(std::string_view name);

/// `text` as a segc string literal: in double quotes, with `"` and `\` escaped and newlines and
/// tabs written `\n` and `\t`.
std::string QuoteString(std::string_view text);

/// `text` quoted for a `#` comment line: as QuoteString, and every control character as \xNN,
/// so a file or column name cannot end the comment or reach the terminal raw.
std::string CommentText(std::string_view text);

/// True when `name` is a plain identifier and not a segc keyword.
bool IsPlainIdentifier(std::string_view name);

}  // namespace segc::rt
