// Civil-calendar helpers on days since 1970-01-01 (proleptic Gregorian), shared by IR consumers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace segc::ir {

/// A calendar date.
struct CivilDate {
  int64_t year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
};

/// Days since 1970-01-01 of a civil date (any int64 year range that fits).
int64_t DaysFromCivil(const CivilDate& date);
/// The civil date of a day number.
CivilDate CivilFromDays(int64_t days);
/// ISO weekday: 1 = Monday .. 7 = Sunday.
int IsoWeekday(int64_t days);
/// `days` plus `months` calendar months, the day clamped to the target month's length
/// (2026-03-31 + -1 → 2026-02-28). nullopt when the result does not fit in int32.
std::optional<int32_t> AddMonths(int32_t days, int64_t months);
/// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" that exists; nullopt otherwise.
std::optional<int32_t> ParseIsoDate(std::string_view text);
/// Whole calendar months from `from` to `to` (days since 1970-01-01), day-exact and consistent
/// with AddMonths: for `from` <= `to`, the largest n with AddMonths(to, -n) >= from (so
/// 2026-01-31 → 2026-02-28 is 0 and → 2026-03-01 is 1); for `from` > `to`, minus the months
/// from `to` to `from` (negative, truncated toward zero). docs/semantics.md, "Dates".
int64_t MonthsSince(int32_t from, int32_t to);
/// Whole years: MonthsSince(from, to) / 12 (truncated toward zero). age() and years_since().
int64_t YearsSince(int32_t from, int32_t to);
/// "2026-11-01".
std::string FormatDate(int64_t days);

}  // namespace segc::ir
