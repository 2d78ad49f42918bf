// DataError: one problem found in input data, with its location, and its text rendering.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace segc::rt {

/// The kind of a data error (stable names, used in rejects files).
enum class DataErrorKind {
  kEmptyFile,
  kMissingColumn,
  kDuplicateColumn,
  kRaggedRow,
  kUnterminatedQuote,
  kStrayQuote,
  kNulByte,
  kInvalidUtf8,
  kBadInt,
  kBadFloat,
  kNonFiniteFloat,
  kBadBool,
  kBadDate,
  kNotInEnum,
  kTooLarge,
  kDuplicateKey,
  kEmptyKey,
};

/// Stable snake_case name of a kind, e.g. "bad_int".
std::string_view DataErrorKindName(DataErrorKind kind);

/// A problem in the data. `line` is the physical line (1-based) where the record starts;
/// `record` the 1-based data record number (header excluded; 0 for header-level errors);
/// `column` the 1-based field number in the file (0 when the error is about the whole record or
/// file); `value` the offending text, truncated and escaped for display.
struct DataError {
  std::string file;
  int64_t line = 0;
  int64_t record = 0;
  int column = 0;
  std::string column_name;
  std::string value;
  std::string message;
  DataErrorKind kind = DataErrorKind::kBadInt;
};

/// Translates an English text of the rendering ("data error", a message, "(record 7)") into the
/// user's language; the CLI passes its message catalogue (docs/cli.md, "Language").
using MessageTranslator = std::function<std::string(std::string_view)>;

/// `FILE:LINE:COL: data error: MESSAGE` (":COL" omitted when column is 0), followed by
/// " (record N)" when quoted newlines make the record number differ from line - 1.
std::string FormatDataError(const DataError& error, const MessageTranslator& translate = {});

/// One formatted error per line, plus "FILE: N more data errors not shown" when
/// `total` exceeds errors.size(). No trailing newline.
std::string FormatDataErrors(const std::vector<DataError>& errors, int64_t total,
                             const MessageTranslator& translate = {});

}  // namespace segc::rt
