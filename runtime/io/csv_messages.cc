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

}  // namespace

std::string FieldErrorMessage(DataErrorKind kind, const ColumnSpec& spec, std::string_view value,
                              const std::string& date_format) {
  const std::string v = EscapeForMessage(value);
  const std::string& c = spec.name;
  switch (kind) {
    case DataErrorKind::kBadInt:
      if (AllDigits(value)) return fmt::format("int '{}' out of range in column '{}'", v, c);
      return fmt::format("invalid int '{}' in column '{}'", v, c);
    case DataErrorKind::kBadFloat:
      return fmt::format("invalid float '{}' in column '{}'", v, c);
    case DataErrorKind::kNonFiniteFloat:
      return fmt::format(
          "'{}' in column '{}' is not a finite number (NaN and infinities are not "
          "allowed)",
          v, c);
    case DataErrorKind::kBadBool:
      return fmt::format("invalid bool '{}' in column '{}', expected true/false, yes/no or 1/0", v,
                         c);
    case DataErrorKind::kBadDate:
      return fmt::format("invalid date '{}' in column '{}', expected format '{}'", v, c,
                         date_format);
    case DataErrorKind::kNotInEnum:
      return fmt::format("value '{}' in column '{}' is not one of {}", v, c,
                         EnumList(spec.enum_values));
    case DataErrorKind::kInvalidUtf8:
      return fmt::format("invalid UTF-8 in column '{}': '{}'", c, v);
    case DataErrorKind::kNulByte:
      return fmt::format("NUL byte in column '{}': '{}'", c, v);
    default:
      return fmt::format("bad value '{}' in column '{}'", v, c);
  }
}

}  // namespace segc::rt
