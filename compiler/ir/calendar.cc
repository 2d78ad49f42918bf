// Civil-calendar arithmetic (the days-from-civil algorithm of H. Hinnant, written from its math).
#include "compiler/ir/calendar.h"

#include <charconv>
#include <cstdio>
#include <limits>

namespace segc::ir {

namespace {

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2);
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;                          // [0, 399]
  int64_t mp = (date.month + 9) % 12;                   // March = 0
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;      // [0, 365]
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  int64_t z = days + 719468;
  int64_t era = FloorDiv(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  CivilDate out;
  out.day = int(doy - (153 * mp + 2) / 5 + 1);
  out.month = int(mp < 10 ? mp + 3 : mp - 9);
  out.year = yoe + era * 400 + (out.month <= 2);
  return out;
}

int IsoWeekday(int64_t days) {
  // 1970-01-01 was a Thursday (ISO 4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return int(w) + 1;
}

std::optional<int32_t> AddMonths(int32_t days, int64_t months) {
  CivilDate date = CivilFromDays(days);
  constexpr int64_t kLimit = int64_t(1) << 40;
  if (months > kLimit || months < -kLimit) return std::nullopt;
  int64_t index = date.year * 12 + (date.month - 1) + months;
  date.year = FloorDiv(index, 12);
  date.month = int(index - date.year * 12) + 1;
  int last = DaysInMonth(date.year, date.month);
  if (date.day > last) date.day = last;
  int64_t out = DaysFromCivil(date);
  if (out < std::numeric_limits<int32_t>::min() || out > std::numeric_limits<int32_t>::max()) {
    return std::nullopt;
  }
  return int32_t(out);
}

namespace {

// The n of MonthsSince for from <= to: n0 = the month distance; AddMonths(to, -n0) lies in
// from's month, on to's day clamped to that month's length, so it is >= from iff that day is.
int64_t MonthsForward(int32_t from, int32_t to) {
  CivilDate a = CivilFromDays(from);
  CivilDate b = CivilFromDays(to);
  int64_t months = (b.year - a.year) * 12 + (b.month - a.month);
  int day = b.day < DaysInMonth(a.year, a.month) ? b.day : DaysInMonth(a.year, a.month);
  return day >= a.day ? months : months - 1;
}

}  // namespace

int64_t MonthsSince(int32_t from, int32_t to) {
  return from <= to ? MonthsForward(from, to) : -MonthsForward(to, from);
}

int64_t YearsSince(int32_t from, int32_t to) { return MonthsSince(from, to) / 12; }

std::string FormatDate(int64_t days) {
  CivilDate date = CivilFromDays(days);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02d", static_cast<long long>(date.year),
                date.month, date.day);
  return buffer;
}

namespace {

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int32_t> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = Digits(text.substr(0, 4));
  auto month = Digits(text.substr(5, 2));
  auto day = Digits(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  CivilDate date{*year, *month, *day};
  int64_t days = DaysFromCivil(date);
  CivilDate back = CivilFromDays(days);
  if (back.month != date.month || back.day != date.day) return std::nullopt;
  return static_cast<int32_t>(days);
}

}  // namespace segc::ir
