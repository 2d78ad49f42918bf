// Builtin kernels: dates, abs/round/floor/ceil, min/max/clamp.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "compiler/ir/calendar.h"
#include "stdlib/builtins.h"
#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;
using stdlib::BuiltinId;

ir::ValueId Call(KernelHarness& h, BuiltinId id, Type type, std::vector<ir::ValueId> args) {
  return h.b().Add(Op::kCall, type, std::move(args), {.index = static_cast<uint32_t>(id)});
}

TEST(EmitCall, DateParts) {
  KernelHarness h;
  ir::ValueId as_of = h.b().Date(20543);  // 2026-03-31: the implicit last argument
  // 1970-01-01 (Thu), 2024-02-29 (Thu), 1969-12-28 (Sun), 2026-03-30 (Mon)
  ir::ValueId d = h.DateColumn({0, 19782, -4, 20542, N});
  uint32_t year = h.Output(Call(h, BuiltinId::kYear, Type::kInt, {d}));
  uint32_t month = h.Output(Call(h, BuiltinId::kMonth, Type::kInt, {d}));
  uint32_t weekday = h.Output(Call(h, BuiltinId::kWeekday, Type::kInt, {d}));
  uint32_t since = h.Output(Call(h, BuiltinId::kDaysSince, Type::kInt, {d, as_of}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(year), (Ints{1970, 2024, 1969, 2026, N}));
  EXPECT_EQ(h.IntResult(month), (Ints{1, 2, 12, 3, N}));
  EXPECT_EQ(h.IntResult(weekday), (Ints{4, 4, 7, 1, N}));
  EXPECT_EQ(h.IntResult(since), (Ints{20543, 761, 20547, 1, N}));
}

int32_t Day(int64_t year, int month, int day) {
  return int32_t(ir::DaysFromCivil({year, month, day}));
}

// age, years_since and months_since read the evaluation date from their last argument; a
// 29 February birthday counts on 1 March in common years, later dates are negative.
TEST(EmitCall, CalendarAgesTakeTheEvaluationDateLast) {
  KernelHarness h;
  ir::ValueId as_of = h.b().Date(Day(2027, 2, 28));
  ir::ValueId d = h.DateColumn({Day(2024, 2, 29), Day(2023, 2, 28), Day(2027, 1, 31),
                                Day(2027, 3, 1), Day(2028, 2, 29), Day(1990, 11, 2), N});
  uint32_t age = h.Output(Call(h, BuiltinId::kAge, Type::kInt, {d, as_of}));
  uint32_t years = h.Output(Call(h, BuiltinId::kYearsSince, Type::kInt, {d, as_of}));
  uint32_t months = h.Output(Call(h, BuiltinId::kMonthsSince, Type::kInt, {d, as_of}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(age), (Ints{2, 4, 0, 0, -1, 36, N}));
  EXPECT_EQ(h.IntResult(years), h.IntResult(age));
  EXPECT_EQ(h.IntResult(months), (Ints{35, 48, 0, 0, -12, 435, N}));
  EXPECT_EQ(h.overflow(), 0);
}

// The JIT calls the same calendar code as the interpreter: equal over a sweep of date pairs.
TEST(EmitCall, MonthsSinceMatchesTheCalendarOverASweep) {
  KernelHarness h;
  Dates days;
  for (int32_t d = Day(2019, 12, 1); d < Day(2021, 4, 1); d += 3) days.push_back(d);
  ir::ValueId d = h.DateColumn(days);
  ir::ValueId as_of = h.b().Date(Day(2020, 2, 29));
  uint32_t months = h.Output(Call(h, BuiltinId::kMonthsSince, Type::kInt, {d, as_of}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  Ints want;
  for (const auto& day : days) want.push_back(ir::MonthsSince(*day, Day(2020, 2, 29)));
  EXPECT_EQ(h.IntResult(months), want);
}

TEST(EmitCall, AbsOverflowsOnlyAtInt64Min) {
  KernelHarness h;
  ir::ValueId i = h.IntColumn({-3, kMin, kMax, N});
  ir::ValueId f = h.FloatColumn({-2.5, -0.0, 1.0, N});
  uint32_t iabs = h.Output(Call(h, BuiltinId::kAbs, Type::kInt, {i}));
  uint32_t fabs = h.Output(Call(h, BuiltinId::kAbs, Type::kFloat, {f}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(iabs), (Ints{3, N, kMax, N}));
  EXPECT_EQ(h.FloatResult(fabs), (Floats{2.5, 0.0, 1.0, N}));
  EXPECT_EQ(h.overflow(), 1);
}

TEST(EmitCall, RoundHalfAwayFromZero) {
  KernelHarness h;
  ir::ValueId f = h.FloatColumn({2.5, -2.5, 1.234567, 1e307, N});
  ir::ValueId i = h.IntColumn({1250, -1250, 1249, kMax, 7});
  uint32_t f0 = h.Output(Call(h, BuiltinId::kRound, Type::kFloat, {f}));
  uint32_t f2 = h.Output(Call(h, BuiltinId::kRound, Type::kFloat, {f, h.b().Int(2)}));
  uint32_t i2 = h.Output(Call(h, BuiltinId::kRound, Type::kInt, {i, h.b().Int(-2)}));
  uint32_t i10 = h.Output(Call(h, BuiltinId::kRound, Type::kInt, {i, h.b().Int(-1)}));
  uint32_t i1 = h.Output(Call(h, BuiltinId::kRound, Type::kInt, {i, h.b().Int(1)}));
  uint32_t i30 = h.Output(Call(h, BuiltinId::kRound, Type::kInt, {i, h.b().Int(-30)}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(f0), (Floats{3.0, -3.0, 1.0, 1e307, N}));
  EXPECT_EQ(h.FloatResult(f2), (Floats{2.5, -2.5, 1.23, 1e307, N}));
  EXPECT_EQ(h.IntResult(i2), (Ints{1300, -1300, 1200, kMax - 7, 0}));
  EXPECT_EQ(h.IntResult(i10), (Ints{1250, -1250, 1250, N, 10}));
  EXPECT_EQ(h.IntResult(i1), (Ints{1250, -1250, 1249, kMax, 7}));
  EXPECT_EQ(h.IntResult(i30), (Ints{0, 0, 0, 0, 0}));
  EXPECT_EQ(h.overflow(), 1);  // kMax rounded up to the next ten
}

TEST(EmitCall, FloorCeil) {
  KernelHarness h;
  ir::ValueId f = h.FloatColumn({-1.5, 2.25, N});
  ir::ValueId i = h.IntColumn({-7, 8, N});
  uint32_t floor = h.Output(Call(h, BuiltinId::kFloor, Type::kFloat, {f}));
  uint32_t ceil = h.Output(Call(h, BuiltinId::kCeil, Type::kFloat, {f}));
  uint32_t ifloor = h.Output(Call(h, BuiltinId::kFloor, Type::kInt, {i}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(floor), (Floats{-2.0, 2.0, N}));
  EXPECT_EQ(h.FloatResult(ceil), (Floats{-1.0, 3.0, N}));
  EXPECT_EQ(h.IntResult(ifloor), (Ints{-7, 8, N}));
}

TEST(EmitCall, MinMaxClampNullIfAnyNull) {
  KernelHarness h;
  ir::ValueId a = h.IntColumn({1, 9, 5, N});
  ir::ValueId b = h.IntColumn({4, 2, 5, 1});
  ir::ValueId c = h.IntColumn({3, 3, 3, 3});
  uint32_t min = h.Output(Call(h, BuiltinId::kMin, Type::kInt, {a, b, c}));
  uint32_t max = h.Output(Call(h, BuiltinId::kMax, Type::kInt, {a, b, c}));
  uint32_t clamp =
      h.Output(Call(h, BuiltinId::kClamp, Type::kInt, {a, h.b().Int(2), h.b().Int(6)}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(min), (Ints{1, 2, 3, N}));
  EXPECT_EQ(h.IntResult(max), (Ints{4, 9, 5, N}));
  EXPECT_EQ(h.IntResult(clamp), (Ints{2, 6, 5, N}));
}

TEST(EmitCall, FloatMinMaxKeepStdMinOperandOrder) {
  KernelHarness h;
  ir::ValueId a = h.FloatColumn({0.0, -0.0, 1.5});
  ir::ValueId b = h.FloatColumn({-0.0, 0.0, -1.5});
  uint32_t min = h.Output(Call(h, BuiltinId::kMin, Type::kFloat, {a, b}));
  uint32_t max = h.Output(Call(h, BuiltinId::kMax, Type::kFloat, {a, b}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  Floats mins = h.FloatResult(min), maxs = h.FloatResult(max);
  EXPECT_FALSE(std::signbit(*mins[0]));  // std::min(0.0, -0.0) is the first operand
  EXPECT_TRUE(std::signbit(*mins[1]));
  EXPECT_EQ(*mins[2], -1.5);
  EXPECT_FALSE(std::signbit(*maxs[0]));  // std::max(0.0, -0.0) is the first operand
  EXPECT_TRUE(std::signbit(*maxs[1]));
  EXPECT_EQ(*maxs[2], 1.5);
}

}  // namespace
}  // namespace segc::codegen::testing
