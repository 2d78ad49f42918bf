// Text-to-value parsers used by the CSV reader: int64, float64, bool, dates, UTF-8 checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "segc/result.h"

namespace segc::rt {

/// Strips ASCII spaces and tabs on both sides.
inline std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Parses an optionally signed decimal integer; false on any other character or overflow.
inline bool ParseInt64(std::string_view s, int64_t* out) {
  const char* p = s.data();
  const char* end = p + s.size();
  bool negative = false;
  if (p < end && (*p == '-' || *p == '+')) negative = *p++ == '-';
  if (p == end) return false;
  uint64_t value = 0;
  if (end - p <= 18) {  // cannot overflow: one multiply-add per digit, no checks
    for (; p < end; ++p) {
      const unsigned digit = unsigned(*p) - '0';
      if (digit > 9) return false;
      value = value * 10 + digit;
    }
  } else {
    for (; p < end; ++p) {
      const unsigned digit = unsigned(*p) - '0';
      if (digit > 9 || value > (UINT64_MAX - digit) / 10) return false;
      value = value * 10 + digit;
    }
  }
  const uint64_t limit = negative ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
  if (value > limit) return false;
  *out = negative ? int64_t(0 - value) : int64_t(value);
  return true;
}

/// Exact fast path for plain decimals "[-]digits[.digits]" with at most 15 significant digits:
/// mantissa and power of ten are exact doubles, so one division is correctly rounded (the
/// same bits as std::from_chars). False when the text needs the general parser.
inline bool ParseSimpleDecimal(std::string_view s, double* out) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const char* p = s.data();
  const char* end = p + s.size();
  const bool negative = p < end && *p == '-';
  p += negative;
  if (p == end || end - p > 16) return false;
  uint64_t mantissa = 0;
  int digits = 0, frac = -1;
  for (; p < end; ++p) {
    const unsigned digit = unsigned(*p) - '0';
    if (digit <= 9) {
      mantissa = mantissa * 10 + digit;
      ++digits;
      if (frac >= 0) ++frac;
    } else if (*p == '.' && frac < 0) {
      frac = 0;
    } else {
      return false;
    }
  }
  if (digits == 0 || digits > 15) return false;
  const double v = double(mantissa) / kPow10[frac > 0 ? frac : 0];
  *out = negative ? -v : v;
  return true;
}

/// Outcome of parsing a float.
enum class FloatParse { kOk, kBad, kNonFinite };

/// Parses a decimal float (with `decimal_comma`, "12,5" means 12.5). NaN, infinities and
/// values that overflow to infinity give kNonFinite.
FloatParse ParseFloat64(std::string_view s, bool decimal_comma, double* out);

/// true/false/1/0/yes/no, case-insensitive.
bool ParseBool(std::string_view s, bool* out);

/// A column's declared true and false texts (bool("O/N")), in any ASCII letter case; false
/// when `s` is neither or none are declared.
bool ParseDeclaredBool(std::string_view s, const std::pair<std::string, std::string>& tokens,
                       bool* out);

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);

/// Converts days since 1970-01-01 back to year, month, day.
void CivilFromDays(int64_t days, int64_t* y, unsigned* m, unsigned* d);

/// Formats days since 1970-01-01 as YYYY-MM-DD.
std::string FormatIsoDate(int32_t days);

/// A compiled strptime-like date format supporting %Y %m %d %y %b and %% (LANGUAGE.md §3).
class DateFormat {
 public:
  /// Compiles `format` (empty = "%Y-%m-%d"); kInvalidArgument for unknown directives.
  static Result<DateFormat> Compile(std::string_view format);
  /// Days since epoch, or nullopt when `s` does not match or names an impossible date.
  std::optional<int32_t> Parse(std::string_view s) const;
  const std::string& text() const { return text_; }

 private:
  struct Token {
    char directive;  // 0 for a literal
    char literal;
  };
  std::optional<int32_t> ParseIso(std::string_view s) const;

  std::vector<Token> tokens_;
  std::string text_;
  bool iso_ = false;
};

/// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool IsValidUtf8(std::string_view s);

/// `s` for an error message: at most ~40 bytes (cut at a character boundary, then "..."),
/// with control characters and invalid UTF-8 bytes written as \t, \n, \r, \0 or \xNN.
std::string EscapeForMessage(std::string_view s);

}  // namespace segc::rt
