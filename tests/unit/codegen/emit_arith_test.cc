// Arithmetic kernels: int overflow → null + counted, float non-finite → null + counted,
// division by zero → null (not counted), date arithmetic and casts.
#include <gtest/gtest.h>

#include <limits>

#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;

TEST(EmitArith, IntAddOverflowIsNullAndCounted) {
  KernelHarness h;
  ir::ValueId a = h.IntColumn({1, kMax, std::nullopt, -5});
  ir::ValueId b = h.IntColumn({2, 1, 7, kMin});
  uint32_t slot = h.Output(h.b().Binary(Op::kAdd, Type::kInt, a, b));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(slot), (Ints{3, std::nullopt, std::nullopt, std::nullopt}));
  EXPECT_EQ(h.overflow(), 2);
}

TEST(EmitArith, IntSubMulNegOverflow) {
  KernelHarness h;
  ir::ValueId a = h.IntColumn({kMin, 3, kMax / 2 + 1, 6});
  ir::ValueId b = h.IntColumn({1, -4, 2, 7});
  uint32_t sub = h.Output(h.b().Binary(Op::kSub, Type::kInt, a, b));
  uint32_t mul = h.Output(h.b().Binary(Op::kMul, Type::kInt, a, b));
  uint32_t neg = h.Output(h.b().Add(Op::kNeg, Type::kInt, {a}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(sub), (Ints{std::nullopt, 7, kMax / 2 - 1, -1}));
  EXPECT_EQ(h.IntResult(mul), (Ints{kMin, -12, std::nullopt, 42}));
  EXPECT_EQ(h.IntResult(neg), (Ints{std::nullopt, -3, -(kMax / 2 + 1), -6}));
  EXPECT_EQ(h.overflow(), 3);
}

TEST(EmitArith, OverflowNotCountedWhenStageDoesNotCount) {
  KernelHarness h;
  ir::ValueId a = h.IntColumn({kMax, kMax});
  uint32_t slot = h.Output(h.b().Binary(Op::kAdd, Type::kInt, a, a));
  h.FinishStage(/*count_overflow=*/false);
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(slot), (Ints{std::nullopt, std::nullopt}));
  EXPECT_EQ(h.overflow(), 0);
}

TEST(EmitArith, FloatDivisionByZeroIsNullNotCounted) {
  KernelHarness h;
  ir::ValueId a = h.FloatColumn({1.0, 1.0, -3.0, 0.0, 1e308});
  ir::ValueId b = h.FloatColumn({4.0, 0.0, -0.0, 0.0, 1e-308});
  uint32_t slot = h.Output(h.b().Binary(Op::kDiv, Type::kFloat, a, b));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(slot),
            (Floats{0.25, std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
  EXPECT_EQ(h.overflow(), 1);  // only 1e308 / 1e-308 overflowed
}

TEST(EmitArith, FloatOverflowIsNullAndCounted) {
  KernelHarness h;
  ir::ValueId a = h.FloatColumn({1e308, 2.5, std::nullopt});
  uint32_t add = h.Output(h.b().Binary(Op::kAdd, Type::kFloat, a, a));
  uint32_t mul = h.Output(h.b().Binary(Op::kMul, Type::kFloat, a, a));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(add), (Floats{std::nullopt, 5.0, std::nullopt}));
  EXPECT_EQ(h.FloatResult(mul), (Floats{std::nullopt, 6.25, std::nullopt}));
  EXPECT_EQ(h.overflow(), 2);
}

TEST(EmitArith, DateArithmetic) {
  KernelHarness h;
  ir::ValueId d = h.DateColumn({0, 20000, std::numeric_limits<int32_t>::max(), std::nullopt});
  ir::ValueId n = h.IntColumn({1, -30, 1, 5});
  uint32_t plus = h.Output(h.b().Binary(Op::kAdd, Type::kDate, d, n));
  uint32_t minus = h.Output(h.b().Binary(Op::kSub, Type::kDate, d, n));
  uint32_t diff = h.Output(h.b().Binary(Op::kSub, Type::kInt, d, h.b().Date(10)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.DateResult(plus), (Dates{1, 19970, std::nullopt, std::nullopt}));
  EXPECT_EQ(h.DateResult(minus),
            (Dates{-1, 20030, std::numeric_limits<int32_t>::max() - 1, std::nullopt}));
  EXPECT_EQ(h.IntResult(diff),
            (Ints{-10, 19990, int64_t{std::numeric_limits<int32_t>::max()} - 10, std::nullopt}));
  EXPECT_EQ(h.overflow(), 1);
}

TEST(EmitArith, Casts) {
  KernelHarness h;
  ir::ValueId i = h.IntColumn({-3, int64_t{1} << 40, std::nullopt});
  ir::ValueId f = h.FloatColumn({-0.5, 1e12, 3.99});
  ir::ValueId d = h.DateColumn({-1, 7, 0});
  uint32_t i2f = h.Output(h.b().Add(Op::kCast, Type::kFloat, {i}));
  uint32_t i2d = h.Output(h.b().Add(Op::kCast, Type::kDate, {i}));
  uint32_t f2d = h.Output(h.b().Add(Op::kCast, Type::kDate, {f}));
  uint32_t d2i = h.Output(h.b().Add(Op::kCast, Type::kInt, {d}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(i2f), (Floats{-3.0, 1099511627776.0, std::nullopt}));
  EXPECT_EQ(h.DateResult(i2d), (Dates{-3, std::nullopt, std::nullopt}));
  EXPECT_EQ(h.DateResult(f2d), (Dates{-1, std::nullopt, 3}));
  EXPECT_EQ(h.IntResult(d2i), (Ints{-1, 7, 0}));
  EXPECT_EQ(h.overflow(), 2);
}

TEST(EmitArith, AddMonthsClampsToMonthEnd) {
  KernelHarness h;
  // 2026-03-31 is day 20543; 2024-01-31 is day 19753.
  ir::ValueId d = h.DateColumn({20543, 19753, 0, 0});
  ir::ValueId m = h.IntColumn({-1, 1, int64_t{1} << 50, std::nullopt});
  uint32_t slot = h.Output(h.b().Add(Op::kAddMonths, Type::kDate, {d, m}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.DateResult(slot), (Dates{20512, 19782, std::nullopt, std::nullopt}));
  EXPECT_EQ(h.overflow(), 1);
}

}  // namespace
}  // namespace segc::codegen::testing
