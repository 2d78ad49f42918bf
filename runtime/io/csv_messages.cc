// Texts of field-level data errors (the wording users see; tests/data/bad_csv pins it).
#include <fmt/format.h>

#include "runtime/io/csv_chunk.h"

namespace segc::rt {
namespace {

std::string EnumList(const std::vector<std::string>& labels) {
  constexpr size_t kShown = 8;
  std::string out = "enum(";
  for (size_t i = 0; i < labels.size() && i < kShown; ++i) {
    out += fmt::format("{}\"{}\"", i ? ", " : "", EscapeForMessage(labels[i]));
  }
  if (labels.size() > kShown) out += fmt::format(", ... {} more", labels.size() - kShown);
  return out + ")";
}

bool AllDigits(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// `1201,5`: digits with one decimal comma, as in French exports.
bool CommaDecimal(std::string_view s) {
  size_t comma = s.find(',');
  if (comma == std::string_view::npos || s.find(',', comma + 1) != std::string_view::npos) {
    return false;
  }
  return AllDigits(s.substr(0, comma)) && AllDigits(s.substr(comma + 1)) && s[comma + 1] != '-' &&
         s[comma + 1] != '+';
}

}  // namespace

// Excel's "CSV" on Windows and older French systems write Windows-1252 or Latin-1.
const char* const kNotUtf8Hint =
    " (the file is not UTF-8: for an export from Excel or Windows, pass --encoding "
    "windows-1252)";

std::string FieldErrorMessage(DataErrorKind kind, const ColumnSpec& spec, std::string_view value,
                              const std::string& date_format) {
  const std::string v = EscapeForMessage(value);
  const std::string& c = spec.name;
  switch (kind) {
    case DataErrorKind::kBadInt:
      if (AllDigits(value)) return fmt::format("int '{}' out of range in column '{}'", v, c);
      return fmt::format("invalid int '{}' in column '{}'", v, c);
    case DataErrorKind::kBadFloat:
      if (!date_format.empty()) {  // for a float, the column's number format
        return fmt::format("invalid float '{}' in column '{}', expected format \"{}\"", v, c,
                           date_format);
      }
      if (CommaDecimal(value)) {  // the decimal comma is detected on the first 1,000 records
        return fmt::format(
            "invalid float '{}' in column '{}': a decimal comma, but the file was read with "
            "decimal points (pass --decimal-comma)",
            v, c);
      }
      return fmt::format("invalid float '{}' in column '{}'", v, c);
    case DataErrorKind::kNonFiniteFloat:
      return fmt::format(
          "'{}' in column '{}' is not a finite number (NaN and infinities are not "
          "allowed)",
          v, c);
    case DataErrorKind::kBadBool:
      if (!spec.bool_tokens.empty()) {
        return fmt::format("invalid bool '{}' in column '{}', expected {} or true/false", v, c,
                           spec.bool_tokens);
      }
      return fmt::format(
          "invalid bool '{}' in column '{}', expected true/false, yes/no, 1/0, vrai/faux or "
          "oui/non",
          v, c);
    case DataErrorKind::kBadDate:
      return fmt::format("invalid date '{}' in column '{}', expected format '{}'", v, c,
                         date_format);
    case DataErrorKind::kNotInEnum:
      return fmt::format("value '{}' in column '{}' is not one of {}", v, c,
                         EnumList(spec.enum_values));
    case DataErrorKind::kInvalidUtf8:
      return fmt::format("invalid UTF-8 in column '{}': '{}'{}", c, v, kNotUtf8Hint);
    case DataErrorKind::kNulByte:
      return fmt::format("NUL byte in column '{}': '{}'", c, v);
    default:
      return fmt::format("bad value '{}' in column '{}'", v, c);
  }
}

}  // namespace segc::rt
