// Data profile: per-column statistics of a delimited file, read field by field the way ReadCsv
// reads it (same delimiter detection, null rule, trimming and value parsers), in one pass.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/csv.h"
#include "segc/result.h"
#include "segc/schema.h"

namespace segc::rt {

/// Options of ProfileCsv. From `csv`, only delimiter, decimal_comma, encoding, null_tokens and
/// display_name are used.
struct ProfileOptions {
  CsvOptions csv;
  std::string key;            ///< column whose duplicates are counted; empty: none
  int top = 5;                ///< most frequent values kept per column
  int key_examples = 5;       ///< duplicated keys listed (in the order of their first repeat)
  int key_example_lines = 5;  ///< lines listed per duplicated key
  /// Called with (bytes read, total bytes) every few megabytes and once at the end.
  std::function<void(int64_t, int64_t)> progress;
};

/// A value and how many fields hold it. `value` is canonical: ints in decimal, floats in their
/// shortest round-trip form, dates as YYYY-MM-DD, bools as true/false, texts as read.
struct ValueCount {
  std::string value;
  int64_t count = 0;
};

/// The statistics of one column.
struct ColumnProfile {
  ColumnSpec spec;
  int64_t rows = 0;     ///< well-formed records (every column has the same)
  int64_t filled = 0;   ///< fields neither empty nor a null token (invalid values included)
  int64_t invalid = 0;  ///< filled fields the column's type does not read (ReadCsv's errors)
  int64_t first_invalid_line = 0;   ///< 0 when none
  std::string first_invalid_value;  ///< escaped for display (EscapeForMessage)
  int64_t distinct = 0;             ///< distinct valid values (exact)
  /// The `top` most frequent valid values, by count (descending), ties by value (ascending:
  /// numbers and dates by value, false before true, texts by bytes).
  std::vector<ValueCount> top;
  /// int, float and date columns: the smallest and largest valid values (canonical texts).
  std::optional<std::string> min, max;
  /// string and enum columns: the shortest and longest valid value, in characters.
  std::optional<int64_t> min_length, max_length;
};

/// A key value found in several records.
struct DuplicateKey {
  std::string value;           ///< canonical, as in ValueCount
  int64_t count = 0;           ///< records holding it
  std::vector<int64_t> lines;  ///< the first key_example_lines of them
};

/// Duplicates of the key column, compared as the reader compares keys (007 and 7 are the same
/// int).
struct KeyProfile {
  std::string column;
  int64_t distinct = 0;
  int64_t duplicate_rows = 0;   ///< records whose key an earlier record already had
  int64_t duplicated_keys = 0;  ///< keys held by more than one record
  int64_t empty = 0;            ///< records without a key (null)
  int64_t first_empty_line = 0;
  std::vector<DuplicateKey> examples;  ///< the first key_examples duplicated keys
};

/// What ProfileCsv found.
struct DataProfile {
  std::string file;
  char delimiter = ',';  ///< kWhitespaceDelimiter for whitespace-separated text
  bool decimal_comma = false;
  TextEncoding encoding = TextEncoding::kUtf8;
  int64_t records = 0;    ///< data records, malformed ones included
  int64_t malformed = 0;  ///< records left out: bad quoting or a wrong number of fields
  int64_t first_malformed_line = 0;
  std::string first_malformed_message;
  std::vector<ColumnProfile> columns;  ///< in schema order
  std::optional<KeyProfile> key;       ///< when ProfileOptions::key names a column
};

/// Profiles a delimited file (plain or gzip) against `schema`, whose columns must all be in the
/// header (others are ignored). Plain UTF-8 files are mapped and read once, their pages released
/// as the scan passes them, so memory holds only the distinct values of each column; gzip,
/// other encodings and whitespace-separated text are first converted in memory, as ReadCsv
/// does. kIoError when the file cannot be read, kDataError for an empty file or a bad header
/// (missing or duplicate columns), kInvalidArgument for a bad schema or an unknown key column.
Result<DataProfile> ProfileCsv(const std::string& path, const Schema& schema,
                               const ProfileOptions& options = {});

/// Same over bytes in memory (not gzip-decoded).
Result<DataProfile> ProfileCsvBuffer(std::string_view data, const Schema& schema,
                                     const ProfileOptions& options = {});

}  // namespace segc::rt
