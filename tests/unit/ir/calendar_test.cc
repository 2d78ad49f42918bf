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

}  // namespace
}  // namespace segc::ir
