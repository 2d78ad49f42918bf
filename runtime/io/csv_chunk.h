// Parallel CSV parsing of one chunk of whole records into per-column vectors (csv_reader.cc).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/io/bit_array.h"
#include "runtime/io/content_hash.h"
#include "runtime/io/number_format.h"
#include "runtime/io/string_map.h"
#include "runtime/io/value_array.h"
#include "runtime/io/value_parse.h"
#include "segc/data_error.h"
#include "segc/schema.h"

namespace segc::rt {

/// Read-only settings shared by all chunk parsers of one read.
struct CsvContext {
  const Schema* schema = nullptr;
  std::string file;                      ///< name used in errors
  std::vector<std::string> header;       ///< field names of the file, in file order
  std::vector<int> file_to_schema;       ///< per file field: schema column index or -1 (ignored)
  std::vector<DateFormat> date_formats;  ///< per schema column (unused for non-dates)
  std::vector<NumberFormat> number_formats;  ///< per schema column (empty unless declared)
  /// Per schema column: its declared true and false texts (bool("O/N")), empty if none.
  std::vector<std::pair<std::string, std::string>> bool_tokens;
  std::vector<StringMap> enum_codes;  ///< per schema column: enum label -> code
  std::vector<std::string> null_tokens;
  char delimiter = ',';
  bool decimal_comma = false;
  bool keep_rejects = false;
  bool release_input = false;     ///< the body is a file mapping: release parsed pages
  BlockHashes* hashes = nullptr;  ///< when hashing the file: parsers hash the blocks they pass
  int max_errors = 20;
};

/// Values of one schema column parsed from one chunk. Only the array of its type is used; the
/// fixed-width ones may be attached to the chunk's range of the final column buffer.
struct ColumnChunk {
  ValueArray<int64_t> i64;
  ValueArray<double> f64;
  ValueArray<int32_t> i32;             ///< dates, and dictionary codes (local for strings)
  BitArray bits;                       ///< bools
  BitArray valid;                      ///< validity
  int32_t null_code = 0;               ///< string code stored for null rows (-1: to be remapped)
  StringMap dict_map;                  ///< string columns: text -> local code
  std::vector<std::string_view> dict;  ///< string columns: local dictionary in first-seen order
};

/// A record that had an error (kept when rejects are written or bad rows skipped).
struct RejectedRecord {
  int64_t line;
  int64_t record;  ///< chunk-local until the reader adds the chunk's base
  DataErrorKind kind;
  std::string_view text;
};

/// Everything one chunk produced. Record numbers in `errors`/`rejects` are chunk-local.
struct ChunkResult {
  std::vector<ColumnChunk> columns;
  int64_t rows = 0;
  int64_t records = 0;
  std::vector<DataError> errors;  ///< the first max_errors errors of the chunk
  int64_t error_count = 0;
  std::vector<RejectedRecord> rejects;
  std::deque<std::string> owned;  ///< storage for unescaped dictionary strings
};

/// Parses the whole records in [begin, end); `first_line` is the physical line of `begin`.
/// `out->columns` may come with value arrays already attached (then sized for `max_records`);
/// otherwise it is sized here. `max_records` < 0: unknown, the arrays are reserved by estimate.
void ParseChunk(const CsvContext& ctx, const char* begin, const char* end, int64_t first_line,
                int64_t max_records, ChunkResult* out);

/// Builds the message of a field-level error of `kind` about `value` in column `spec`.
/// Appended to invalid-UTF-8 errors: the --encoding that reads such files.
extern const char* const kNotUtf8Hint;

std::string FieldErrorMessage(DataErrorKind kind, const ColumnSpec& spec, std::string_view value,
                              const std::string& date_format);

}  // namespace segc::rt
