// CSV loading: ReadCsv / ReadCsvBuffer turn text into a Table checked against a Schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "segc/data_error.h"
#include "segc/result.h"
#include "segc/schema.h"
#include "segc/table.h"

namespace segc::rt {

/// Whether "12,5" is a number (decimal comma) in float columns.
enum class DecimalComma { kAuto, kNo, kYes };

/// Options of the CSV reader. See docs/data-loading.md for the full rules.
struct CsvOptions {
  /// Field separator; '\0' = detect from the header line among ',' ';' '\t' '|'.
  char delimiter = '\0';
  /// kAuto: on when the delimiter is ';' and float fields in the first rows look like "12,5".
  DecimalComma decimal_comma = DecimalComma::kAuto;
  /// Unquoted field texts that mean null in addition to the empty field, e.g. {"NA", "NULL"}.
  std::vector<std::string> null_tokens;
  /// Parser threads; 0 = hardware concurrency. The result never depends on this.
  int threads = 0;
  /// Errors kept in detail (the total is still counted).
  int max_errors = 20;
  /// When set, every rejected record is written here (CSV: line,record,error,text).
  std::string rejects_path;
  /// Drop records with errors instead of failing (they are still reported and rejected).
  bool skip_bad_rows = false;
  /// Name used for the file in error messages; default: the path (or "<buffer>").
  std::string display_name;
  /// When the schema names a key column of type int, string or enum: a null (empty) key, or a key
  /// already seen in an earlier row, is a data error (kEmptyKey, kDuplicateKey) naming the
  /// lines of both rows. Checked once the values are read; `skip_bad_rows` does not drop such
  /// rows (which of two rows is right cannot be told). Off for tables whose key column is a
  /// foreign key (event tables).
  bool check_key = true;
  /// Minimum bytes per parallel chunk; 0 = automatic (1 MiB). Tests make it tiny.
  int64_t min_chunk_bytes = 0;
};

/// What a read found, beyond the table: detected settings and all data errors.
struct CsvReport {
  char delimiter = ',';
  bool decimal_comma = false;
  int64_t rows = 0;               ///< rows in the returned table
  int64_t records = 0;            ///< data records in the file (excluding the header)
  int64_t total_errors = 0;       ///< errors found (errors.size() <= max_errors of them)
  std::vector<DataError> errors;  ///< sorted by (line, column)
  bool rejects_failed = false;    ///< the kIoError is about writing rejects_path, not reading
};

/// Reads a CSV file (plain or gzip, detected by magic bytes) into a Table whose columns follow
/// `schema` order. Columns absent from the schema are ignored; header order is free.
/// Fails with kDataError (message = formatted errors, one per line) when the data does not
/// match the schema, kIoError when the file cannot be read (or rejects_path cannot be written:
/// report->rejects_failed), kInvalidArgument for a bad schema.
/// `report` (optional) receives the structured errors even on failure.
Result<Table> ReadCsv(const std::string& path, const Schema& schema, const CsvOptions& options = {},
                      CsvReport* report = nullptr);

/// Same as ReadCsv over bytes in memory (not gzip-decoded). `data` must outlive the call only.
Result<Table> ReadCsvBuffer(std::string_view data, const Schema& schema,
                            const CsvOptions& options = {}, CsvReport* report = nullptr);

}  // namespace segc::rt
