// Rendering of DataError values as `path:LINE:COL: data error: ...` text.
#include "segc/data_error.h"

#include <fmt/format.h>

namespace segc::rt {

std::string_view DataErrorKindName(DataErrorKind kind) {
  switch (kind) {
    case DataErrorKind::kEmptyFile:
      return "empty_file";
    case DataErrorKind::kMissingColumn:
      return "missing_column";
    case DataErrorKind::kDuplicateColumn:
      return "duplicate_column";
    case DataErrorKind::kRaggedRow:
      return "ragged_row";
    case DataErrorKind::kUnterminatedQuote:
      return "unterminated_quote";
    case DataErrorKind::kStrayQuote:
      return "stray_quote";
    case DataErrorKind::kNulByte:
      return "nul_byte";
    case DataErrorKind::kInvalidUtf8:
      return "invalid_utf8";
    case DataErrorKind::kBadInt:
      return "bad_int";
    case DataErrorKind::kBadFloat:
      return "bad_float";
    case DataErrorKind::kNonFiniteFloat:
      return "non_finite_float";
    case DataErrorKind::kBadBool:
      return "bad_bool";
    case DataErrorKind::kBadDate:
      return "bad_date";
    case DataErrorKind::kNotInEnum:
      return "not_in_enum";
    case DataErrorKind::kTooLarge:
      return "too_large";
    case DataErrorKind::kDuplicateKey:
      return "duplicate_key";
    case DataErrorKind::kEmptyKey:
      return "empty_key";
  }
  return "unknown";
}

namespace {

std::string Translated(const MessageTranslator& translate, std::string english) {
  return translate ? translate(english) : english;
}

}  // namespace

std::string FormatDataError(const DataError& e, const MessageTranslator& translate) {
  std::string out = fmt::format("{}:{}", e.file, e.line);
  if (e.column > 0) out += fmt::format(":{}", e.column);
  out += fmt::format(": {}: {}", Translated(translate, "data error"),
                     Translated(translate, e.message));
  if (e.record > 0 && e.record != e.line - 1) {
    out += " " + Translated(translate, fmt::format("(record {})", e.record));
  }
  return out;
}

std::string FormatDataErrors(const std::vector<DataError>& errors, int64_t total,
                             const MessageTranslator& translate) {
  std::string out;
  for (const DataError& e : errors) {
    if (!out.empty()) out += '\n';
    out += FormatDataError(e, translate);
  }
  if (total > int64_t(errors.size()) && !errors.empty()) {
    out += fmt::format("\n{}: {}", errors.front().file,
                       Translated(translate, fmt::format("{} more data errors not shown",
                                                         total - int64_t(errors.size()))));
  }
  return out;
}

}  // namespace segc::rt
