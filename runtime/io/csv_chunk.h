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

/// The field rules every reader of a CsvContext shares (ChunkParser, ProfileCsv):
/// docs/data-loading.md, "Empty values and nulls".

/// True when the (unquoted) field text `s` is one of the context's null tokens.
inline bool IsNullToken(const CsvContext& ctx, std::string_view s) {
  for (const std::string& t : ctx.null_tokens) {
    if (t == s) return true;
  }
  return false;
}

/// The text a field's value is read from, and whether the field is null.
struct FieldText {
  std::string_view value;
  bool null = false;
};

/// String and enum fields keep their blanks, the others are trimmed; a field is null when it
/// holds a NUL byte, is empty, or is an unquoted null token.
inline FieldText ReadFieldText(const CsvContext& ctx, ColumnType type, std::string_view s,
                               bool quoted, bool has_nul) {
  const bool is_text = type == ColumnType::kString || type == ColumnType::kEnum;
  FieldText out;
  out.value = is_text || s.empty() || (s.front() > ' ' && s.back() > ' ') ? s : TrimBlanks(s);
  out.null = has_nul || out.value.empty() ||
             (!quoted && !ctx.null_tokens.empty() && IsNullToken(ctx, out.value));
  return out;
}

/// A float field of schema column `c`: its declared number format, else a plain number (with
/// the context's decimal comma).
inline FloatParse ParseFloatField(const CsvContext& ctx, int c, std::string_view v, double* x) {
  const NumberFormat& format = ctx.number_formats[size_t(c)];
  return format.empty() ? ParseFloat64(v, ctx.decimal_comma, x) : format.Parse(v, x);
}

/// A bool field of schema column `c`: the common spellings first, then all of ParseBool's, then
/// the column's declared texts.
inline bool ParseBoolField(const CsvContext& ctx, int c, std::string_view v, bool* x) {
  *x = v == "true";
  return *x || v == "false" || ParseBool(v, x) ||
         ParseDeclaredBool(v, ctx.bool_tokens[size_t(c)], x);
}

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
