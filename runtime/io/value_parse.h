// Text-to-value parsers used by the CSV reader: int64, float64, bool, dates, UTF-8 checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/result.h"

namespace segc::rt {

/// Strips ASCII spaces and tabs on both sides.
std::string_view TrimBlanks(std::string_view s);

/// Parses an optionally signed decimal integer; false on any other character or overflow.
bool ParseInt64(std::string_view s, int64_t* out);

/// Outcome of parsing a float.
enum class FloatParse { kOk, kBad, kNonFinite };

/// Parses a decimal float (with `decimal_comma`, "12,5" means 12.5). NaN, infinities and
/// values that overflow to infinity give kNonFinite.
FloatParse ParseFloat64(std::string_view s, bool decimal_comma, double* out);

/// true/false/1/0/yes/no, case-insensitive.
bool ParseBool(std::string_view s, bool* out);

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
