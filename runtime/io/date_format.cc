// DateFormat: a strptime-like subset (%Y %m %d %y %b, %H %M %S read and checked but dropped, %%)
// computed without timezone calls.
#include <fmt/format.h>

#include "runtime/io/value_parse.h"
#include "segc/schema.h"

namespace segc::rt {
namespace {

constexpr const char* kMonths[12] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads between min and max digits at s[*pos]; false if fewer than min.
bool ReadDigits(std::string_view s, size_t* pos, int min, int max, int* out) {
  int value = 0, n = 0;
  while (n < max && *pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9') {
    value = value * 10 + (s[(*pos)++] - '0');
    ++n;
  }
  *out = value;
  return n >= min;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Month name: the full English name or its first three letters, case-insensitive.
bool ReadMonthName(std::string_view s, size_t* pos, int* month) {
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonths[m];
    for (size_t len : {name.size(), size_t(3)}) {
      if (*pos + len > s.size()) continue;
      bool match = true;
      for (size_t k = 0; k < len && match; ++k) match = Lower(s[*pos + k]) == name[k];
      if (match) {
        *pos += len;
        *month = m + 1;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

Status ValidateDateFormat(std::string_view format) {
  Result<DateFormat> compiled = DateFormat::Compile(format);
  return compiled.ok() ? Status::Ok() : compiled.status();
}

Result<DateFormat> DateFormat::Compile(std::string_view format) {
  DateFormat f;
  f.text_ = format.empty() ? "%Y-%m-%d" : std::string(format);
  std::string_view text = f.text_;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      f.tokens_.push_back({0, text[i]});
      continue;
    }
    char d = i + 1 < text.size() ? text[++i] : '\0';
    if (d == '%') {
      f.tokens_.push_back({0, '%'});
    } else if (std::string_view("YmdybHMS").find(d) != std::string_view::npos && d != '\0') {
      f.tokens_.push_back({d, 0});
    } else {
      return Status::InvalidArgument(
          fmt::format("date format '{}': unsupported directive '%{}' (supported: {})", text,
                      d == '\0' ? std::string() : std::string(1, d), kSupportedDateDirectives));
    }
  }
  f.iso_ = f.text_ == "%Y-%m-%d";
  return f;
}

// Fast path for the common "YYYY-MM-DD" spelling; other spellings take the general path.
std::optional<int32_t> DateFormat::ParseIso(std::string_view s) const {
  auto digit = [&](size_t i) { return unsigned(s[i]) - '0'; };
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (digit(i) > 9) return std::nullopt;
  }
  int year = int(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3));
  unsigned month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9);
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return int32_t(DaysFromCivil(year, month, day));
}

std::optional<int32_t> DateFormat::Parse(std::string_view s) const {
  if (iso_ && s.size() == 10 && s[4] == '-' && s[7] == '-') return ParseIso(s);
  int year = 1970, month = 1, day = 1, clock = 0;  // the time of day is checked, then dropped
  size_t pos = 0;
  for (const Token& t : tokens_) {
    bool ok = true;
    switch (t.directive) {
      case 0:
        ok = pos < s.size() && s[pos++] == t.literal;
        break;
      case 'Y':
        ok = ReadDigits(s, &pos, 4, 4, &year);
        break;
      case 'y':
        ok = ReadDigits(s, &pos, 2, 2, &year);
        year += year < 69 ? 2000 : 1900;  // POSIX strptime pivot
        break;
      case 'm':
        ok = ReadDigits(s, &pos, 1, 2, &month);
        break;
      case 'd':
        ok = ReadDigits(s, &pos, 1, 2, &day);
        break;
      case 'b':
        ok = ReadMonthName(s, &pos, &month);
        break;
      case 'H':
        ok = ReadDigits(s, &pos, 1, 2, &clock) && clock <= 23;
        break;
      case 'M':
        ok = ReadDigits(s, &pos, 2, 2, &clock) && clock <= 59;
        break;
      case 'S':
        ok = ReadDigits(s, &pos, 2, 2, &clock) && clock <= 60;  // 60: a leap second
        break;
    }
    if (!ok) return std::nullopt;
  }
  if (pos != s.size() || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (unsigned(day) > DaysInMonth(year, unsigned(month))) return std::nullopt;
  return int32_t(DaysFromCivil(year, unsigned(month), unsigned(day)));
}

}  // namespace segc::rt
