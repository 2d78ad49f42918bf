// Tests for the civil-calendar helpers.
#include "compiler/ir/calendar.h"

#include <gtest/gtest.h>

namespace segc::ir {
namespace {

TEST(Calendar, RoundTripsKnownDates) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2026, 11, 1}), 20758);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(FormatDate(20758), "2026-11-01");
  EXPECT_EQ(FormatDate(-1), "1969-12-31");
  for (int64_t d = -800000; d < 800000; d += 997) {
    CivilDate c = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c), d);
  }
}

TEST(Calendar, WeekdayIsIso) {
  EXPECT_EQ(IsoWeekday(0), 4);                             // 1970-01-01 was a Thursday
  EXPECT_EQ(IsoWeekday(DaysFromCivil({2026, 11, 1})), 7);  // a Sunday
  EXPECT_EQ(IsoWeekday(-4), 7);
}

TEST(Calendar, AddMonthsClampsToMonthEnd) {
  int32_t march31 = int32_t(DaysFromCivil({2026, 3, 31}));
  EXPECT_EQ(FormatDate(*AddMonths(march31, -1)), "2026-02-28");
  EXPECT_EQ(FormatDate(*AddMonths(march31, 1)), "2026-04-30");
  EXPECT_EQ(FormatDate(*AddMonths(int32_t(DaysFromCivil({2024, 2, 29})), 12)), "2025-02-28");
  EXPECT_EQ(FormatDate(*AddMonths(int32_t(DaysFromCivil({2026, 1, 15})), -13)), "2024-12-15");
  EXPECT_FALSE(AddMonths(0, int64_t(1) << 40).has_value());
}

int32_t Day(int64_t year, int month, int day) { return int32_t(DaysFromCivil({year, month, day})); }

TEST(Calendar, YearsSinceIsBirthdayExact) {
  EXPECT_EQ(YearsSince(Day(1990, 11, 2), Day(2026, 11, 1)), 35);
  EXPECT_EQ(YearsSince(Day(1990, 11, 2), Day(2026, 11, 2)), 36);
  EXPECT_EQ(YearsSince(Day(1990, 11, 1), Day(2026, 11, 1)), 36);
  EXPECT_EQ(YearsSince(Day(2026, 11, 1), Day(2026, 11, 1)), 0);
  EXPECT_EQ(YearsSince(Day(1900, 1, 1), Day(2026, 11, 1)), 126);
}

// A 29 February birthday counts on 1 March in common years: age(d) >= n iff d <= as_of - n
// years (the language's `d >= 18y`), and as_of - 1y from 2025-02-28 is 2024-02-28.
TEST(Calendar, LeapDayBirthdaysCountOnMarchFirstInCommonYears) {
  int32_t leap = Day(2024, 2, 29);
  EXPECT_EQ(YearsSince(leap, Day(2025, 2, 28)), 0);
  EXPECT_EQ(YearsSince(leap, Day(2025, 3, 1)), 1);
  EXPECT_EQ(YearsSince(leap, Day(2028, 2, 28)), 3);
  EXPECT_EQ(YearsSince(leap, Day(2028, 2, 29)), 4);
  EXPECT_EQ(MonthsSince(leap, Day(2024, 3, 28)), 0);
  EXPECT_EQ(MonthsSince(leap, Day(2024, 3, 29)), 1);
}

TEST(Calendar, MonthsSinceIsDayExactAndClampsLikeAddMonths) {
  int32_t jan31 = Day(2026, 1, 31);
  EXPECT_EQ(MonthsSince(jan31, Day(2026, 2, 28)), 0);  // 2026-02-28 - 1mo = 2026-01-28
  EXPECT_EQ(MonthsSince(jan31, Day(2026, 3, 1)), 1);
  EXPECT_EQ(MonthsSince(jan31, Day(2026, 3, 30)), 1);
  EXPECT_EQ(MonthsSince(jan31, Day(2026, 3, 31)), 2);
  EXPECT_EQ(MonthsSince(Day(2026, 2, 28), Day(2026, 3, 31)), 1);
  EXPECT_EQ(MonthsSince(Day(2025, 12, 15), Day(2026, 1, 14)), 0);
  EXPECT_EQ(MonthsSince(Day(2025, 12, 15), Day(2026, 1, 15)), 1);
}

// Later dates give minus the whole months from as_of to them: truncated toward zero.
TEST(Calendar, FutureDatesAreNegativeTruncatedTowardZero) {
  int32_t as_of = Day(2026, 11, 1);
  EXPECT_EQ(MonthsSince(Day(2026, 11, 15), as_of), 0);
  EXPECT_EQ(MonthsSince(Day(2026, 12, 15), as_of), -1);
  EXPECT_EQ(YearsSince(Day(2027, 6, 1), as_of), 0);
  EXPECT_EQ(YearsSince(Day(2027, 11, 1), as_of), -1);
  EXPECT_EQ(MonthsSince(Day(2027, 3, 1), Day(2027, 2, 28)), 0);
}

// For every pair, MonthsSince(d, a) >= n iff d <= AddMonths(a, -n) (n >= 1), the language's
// `d >= N mo`; and it is antisymmetric.
TEST(Calendar, MonthsSinceAgreesWithCalendarShifts) {
  for (int32_t a = Day(2023, 12, 20); a < Day(2024, 4, 10); a += 3) {
    for (int32_t d = Day(2022, 1, 1); d < Day(2025, 6, 1); d += 7) {
      int64_t months = MonthsSince(d, a);
      EXPECT_EQ(MonthsSince(a, d), -months);
      if (d > a) continue;
      EXPECT_LE(d, *AddMonths(a, -months)) << FormatDate(d) << " " << FormatDate(a);
      EXPECT_GT(d, *AddMonths(a, -(months + 1))) << FormatDate(d) << " " << FormatDate(a);
    }
  }
}

}  // namespace
}  // namespace segc::ir
