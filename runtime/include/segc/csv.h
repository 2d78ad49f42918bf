// CSV loading: ReadCsv / ReadCsvBuffer turn text into a Table checked against a Schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/data_error.h"
#include "segc/encoding.h"
#include "segc/result.h"
#include "segc/schema.h"
#include "segc/table.h"

namespace segc::rt {

/// Whether "12,5" is a number (decimal comma) in float columns.
enum class DecimalComma { kAuto, kNo, kYes };

/// CsvOptions::delimiter for whitespace-separated text: fields separated by runs of spaces and
/// tabs, leading and trailing blanks of each line ignored (e.g. fixed-width aligned columns).
inline constexpr char kWhitespaceDelimiter = ' ';

/// Options of the CSV reader. See docs/data-loading.md for the full rules.
struct CsvOptions {
  /// Field separator; '\0' = detect from the header line among ',' ';' '\t' '|', or
  /// kWhitespaceDelimiter when none occurs and the first lines split on blanks alike.
  char delimiter = '\0';
  /// kAuto: on when the delimiter is ';' and float fields in the first rows look like "12,5".
  DecimalComma decimal_comma = DecimalComma::kAuto;
  /// The file's text encoding; others than UTF-8 are converted while the file is read.
  TextEncoding encoding = TextEncoding::kUtf8;
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
  /// When not empty, only these schema columns are parsed and returned (in schema order; the
  /// rest of a run's rules never read them). The others must still be in the header, and their
  /// fields are still split, so the record structure (quoting, field count) is checked, but
  /// their values are not: a bad number or an unknown enum label there is not an error.
  /// Names must be declared in the schema (kInvalidArgument). With check_key, the key column is
  /// parsed (and returned) too. See docs/data-loading.md.
  std::vector<std::string> columns;
  /// Hash the file's bytes while parsing them (CsvReport::file_hash, FileBytesHash).
  bool hash_file = false;
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
  char delimiter = ',';  ///< kWhitespaceDelimiter for whitespace-separated text
  bool decimal_comma = false;
  int64_t rows = 0;               ///< rows in the returned table
  int64_t records = 0;            ///< data records in the file (excluding the header)
  int64_t total_errors = 0;       ///< errors found (errors.size() <= max_errors of them)
  std::vector<DataError> errors;  ///< sorted by (line, column)
  /// With CsvOptions::hash_file, FileBytesHash of the file as stored, computed during the parse
  /// (ReadCsv of a plain file; left empty for gzip files and by ReadCsvBuffer).
  std::optional<uint64_t> file_hash;
  bool rejects_failed = false;  ///< the kIoError is about writing rejects_path, not reading
};

/// The content hash of a data file's bytes (the run summary's `data_hash`): XXH3-64 of every
/// 1 MiB block, then XXH3-64 of the block hashes (little-endian) seeded with the byte count.
/// Stable across runs, machines and thread counts; not cryptographic.
uint64_t FileBytesHash(std::string_view bytes);

/// FileBytesHash of bytes given piece by piece (a file read in blocks), in memory bounded by one
/// 1 MiB block.
class FileBytesHasher {
 public:
  void Update(std::string_view bytes);
  uint64_t Digest() const;

 private:
  std::string pending_;  ///< the current block's bytes, fewer than 1 MiB
  std::vector<uint64_t> blocks_;
  uint64_t size_ = 0;
};

/// Reads a CSV file (plain or gzip, detected by magic bytes) into a Table whose columns follow
/// `schema` order (only CsvOptions::columns when given). Columns absent from the schema are
/// ignored; header order is free. Fails with kDataError (message = formatted errors, one per line)
/// when the data does not match the schema, kIoError when the file cannot be read (or rejects_path
/// cannot be written: report->rejects_failed), kInvalidArgument for a bad schema. `report`
/// (optional) receives the structured errors even on failure.
Result<Table> ReadCsv(const std::string& path, const Schema& schema, const CsvOptions& options = {},
                      CsvReport* report = nullptr);

/// Same as ReadCsv over bytes in memory (not gzip-decoded). `data` must outlive the call only.
Result<Table> ReadCsvBuffer(std::string_view data, const Schema& schema,
                            const CsvOptions& options = {}, CsvReport* report = nullptr);

}  // namespace segc::rt
