// Literal decoding: escapes, digit groups, calendar dates, duration units, percentiles.
#include "compiler/syntax/literals.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace segc::syntax {
namespace {

LiteralError Error(diag::Code code, std::string_view token, std::string message,
                   std::string help = {}) {
  return {code, 0, static_cast<uint32_t>(token.size()), std::move(message), std::move(help)};
}

/// Removes digit-group underscores; false if one is not between two digits.
bool StripUnderscores(std::string_view digits, std::string& out) {
  for (size_t i = 0; i < digits.size(); ++i) {
    char c = digits[i];
    if (c != '_') {
      out.push_back(c);
      continue;
    }
    bool digit_before = i > 0 && digits[i - 1] >= '0' && digits[i - 1] <= '9';
    bool digit_after = i + 1 < digits.size() && digits[i + 1] >= '0' && digits[i + 1] <= '9';
    if (!digit_before || !digit_after) return false;
  }
  return true;
}

std::optional<LiteralError> CheckGroups(std::string_view token, std::string& digits) {
  if (StripUnderscores(token, digits)) return std::nullopt;
  return Error(diag::Code::kInvalidNumber, token,
               fmt::format("invalid number '{}': '_' must stand between two digits", token),
               "group digits like this: 1_000_000");
}

std::optional<char> EscapedChar(char c) {
  switch (c) {
    case '\\':
      return '\\';
    case '"':
      return '"';
    case '\'':
      return '\'';
    case 'n':
      return '\n';
    case 't':
      return '\t';
    default:
      return std::nullopt;
  }
}

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

}  // namespace

Decoded<std::string> DecodeString(std::string_view token) {
  Decoded<std::string> out;
  std::string_view body = token.substr(1, token.size() >= 2 ? token.size() - 2 : 0);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out.value.push_back(body[i]);
      continue;
    }
    std::optional<char> c = EscapedChar(body[i + 1]);
    if (!c && !out.error) {
      out.error = LiteralError{diag::Code::kInvalidEscape, static_cast<uint32_t>(i + 1), 2,
                               fmt::format("unknown escape '\\{}' in a string", body[i + 1]),
                               fmt::format("to keep the backslash (e.g. in a regular "
                                           "expression) write '\\\\{}'; the escapes are "
                                           "\\\\ \\\" \\' \\n \\t",
                                           body[i + 1])};
    }
    out.value.push_back(c ? *c : body[i + 1]);
    ++i;
  }
  return out;
}

Decoded<int64_t> DecodeInt(std::string_view token) {
  Decoded<int64_t> out;
  std::string digits;
  if ((out.error = CheckGroups(token, digits))) return out;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    out.value = INT64_MAX;
    out.error =
        Error(diag::Code::kInvalidNumber, token,
              fmt::format("number '{}' is too large; the largest is 9223372036854775807", token));
  }
  return out;
}

Decoded<double> DecodeFloat(std::string_view token) {
  Decoded<double> out;
  std::string digits;
  if ((out.error = CheckGroups(token, digits))) return out;
  out.value = std::strtod(digits.c_str(), nullptr);
  return out;
}

Decoded<double> DecodePercent(std::string_view token) {
  Decoded<double> out = DecodeFloat(token.substr(0, token.size() - 1));
  out.value /= 100.0;
  if (out.error) out.error->length += 1;
  return out;
}

int32_t DaysFromCivil(int year, unsigned month, unsigned day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

unsigned DaysInMonth(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Decoded<int32_t> DecodeDate(std::string_view token) {
  Decoded<int32_t> out;
  int year = std::atoi(std::string(token.substr(0, 4)).c_str());
  unsigned month = std::atoi(std::string(token.substr(5, 2)).c_str());
  unsigned day = std::atoi(std::string(token.substr(8, 2)).c_str());
  if (month < 1 || month > 12) {
    out.error = Error(diag::Code::kInvalidDate, token,
                      fmt::format("invalid date '{}': there is no month {}", token, month),
                      "dates are written YYYY-MM-DD, e.g. 2026-11-01");
    return out;
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    out.error = Error(diag::Code::kInvalidDate, token,
                      fmt::format("invalid date '{}': {} {} has {} days", token,
                                  kMonthNames[month - 1], year, DaysInMonth(year, month)));
    return out;
  }
  out.value = DaysFromCivil(year, month, day);
  return out;
}

Decoded<ast::DurationLit> DecodeDuration(std::string_view token) {
  size_t unit_at = token.find_first_not_of("0123456789_");
  std::string_view unit = token.substr(unit_at);
  Decoded<int64_t> amount = DecodeInt(token.substr(0, unit_at));
  Decoded<ast::DurationLit> out;
  out.error = amount.error;
  out.value.amount = amount.value;
  out.value.unit = unit == "d"    ? ast::DurationUnit::kDays
                   : unit == "w"  ? ast::DurationUnit::kWeeks
                   : unit == "mo" ? ast::DurationUnit::kMonths
                                  : ast::DurationUnit::kYears;
  return out;
}

std::optional<ast::DurationUnit> UnitFromWord(std::string_view word) {
  if (word == "day" || word == "days") return ast::DurationUnit::kDays;
  if (word == "week" || word == "weeks") return ast::DurationUnit::kWeeks;
  if (word == "month" || word == "months") return ast::DurationUnit::kMonths;
  if (word == "year" || word == "years") return ast::DurationUnit::kYears;
  return std::nullopt;
}

Decoded<ast::DurationLit> DecodeLongDuration(std::string_view token) {
  size_t digits_end = token.find_first_not_of("0123456789_");
  size_t word_at = token.find_first_not_of(" \t", digits_end);
  Decoded<int64_t> amount = DecodeInt(token.substr(0, digits_end));
  Decoded<ast::DurationLit> out;
  out.error = amount.error;
  out.value.amount = amount.value;
  out.value.unit = UnitFromWord(token.substr(word_at)).value_or(ast::DurationUnit::kDays);
  return out;
}

Decoded<double> DecodePercentile(std::string_view token) {
  Decoded<double> out;
  out.value = std::strtod(std::string(token.substr(1)).c_str(), nullptr);
  if (out.value > 100.0) {
    out.error = Error(diag::Code::kInvalidPercentile, token,
                      fmt::format("percentile '{}' is above 100", token),
                      "percentiles go from p0 to p100, e.g. p90 or p99.5");
  }
  return out;
}

}  // namespace segc::syntax
