// Logic kernels: Kleene truth tables, null tests, coalesce, select, comparisons by type.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;

// Every (a, b) pair of {true, false, null}.
const Bools kLeft = {true, true, true, false, false, false, N, N, N};
const Bools kRight = {true, false, N, true, false, N, true, false, N};

TEST(EmitLogic, KleeneAndOrNot) {
  KernelHarness h;
  ir::ValueId a = h.BoolColumn(kLeft);
  ir::ValueId b = h.BoolColumn(kRight);
  uint32_t both = h.Output(h.b().Logic(Op::kAnd, {a, b}));
  uint32_t either = h.Output(h.b().Logic(Op::kOr, {a, b}));
  uint32_t negated = h.Output(h.b().Not(a));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(both), (Bools{true, false, N, false, false, false, N, false, N}));
  EXPECT_EQ(h.BoolResult(either), (Bools{true, true, true, true, false, N, true, N, N}));
  EXPECT_EQ(h.BoolResult(negated), (Bools{false, false, false, true, true, true, N, N, N}));
}

TEST(EmitLogic, NaryAndOrWithThreeOperands) {
  KernelHarness h;
  ir::ValueId a = h.BoolColumn({true, true, N, false});
  ir::ValueId b = h.BoolColumn({true, N, true, N});
  ir::ValueId c = h.BoolColumn({true, true, false, N});
  uint32_t all = h.Output(h.b().Logic(Op::kAnd, {a, b, c}));
  uint32_t any = h.Output(h.b().Logic(Op::kOr, {a, b, c}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(all), (Bools{true, N, false, false}));
  EXPECT_EQ(h.BoolResult(any), (Bools{true, true, true, N}));
}

TEST(EmitLogic, NullTestsNeverNull) {
  KernelHarness h;
  ir::ValueId a = h.BoolColumn({true, false, N});
  uint32_t is_null = h.Output(h.b().Add(Op::kIsNull, Type::kBool, {a}), false);
  uint32_t not_null = h.Output(h.b().Add(Op::kIsNotNull, Type::kBool, {a}), false);
  uint32_t is_true = h.Output(h.b().Add(Op::kIsTrue, Type::kBool, {a}), false);
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(is_null), (Bools{false, false, true}));
  EXPECT_EQ(h.BoolResult(not_null), (Bools{true, true, false}));
  EXPECT_EQ(h.BoolResult(is_true), (Bools{true, false, false}));
}

TEST(EmitLogic, CoalesceTakesFirstNonNull) {
  KernelHarness h;
  ir::ValueId a = h.IntColumn({1, N, N, N});
  ir::ValueId b = h.IntColumn({2, 3, N, N});
  ir::ValueId c = h.IntColumn({4, 5, 6, N});
  uint32_t slot = h.Output(h.b().Add(Op::kCoalesce, Type::kInt, {a, b, c}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.IntResult(slot), (Ints{1, 3, 6, N}));
}

TEST(EmitLogic, SelectFirstTrueConditionWins) {
  KernelHarness h;
  ir::ValueId c1 = h.BoolColumn({true, false, N, false, true});
  ir::ValueId c2 = h.BoolColumn({true, true, true, N, false});
  ir::ValueId v1 = h.IntColumn({10, 10, 10, 10, N});
  ir::ValueId gold = h.b().Label(0);
  ir::ValueId silver = h.b().Label(1);
  ir::ValueId none = h.b().Null(Type::kLabel);
  uint32_t label = h.Output(h.b().Add(Op::kSelect, Type::kLabel, {c1, gold, c2, silver, none}));
  uint32_t value =
      h.Output(h.b().Add(Op::kSelect, Type::kInt, {c1, v1, c2, h.b().Int(20), h.b().Int(30)}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.DateResult(label), (Dates{0, 1, 1, N, 0}));
  EXPECT_EQ(h.IntResult(value), (Ints{10, 20, 20, 30, N}));
}

TEST(EmitLogic, ComparisonsByType) {
  KernelHarness h;
  ir::ValueId i = h.IntColumn({-1, 5, N, 7});
  ir::ValueId f = h.FloatColumn({-0.0, 5.5, 1.0, 7.0});
  ir::ValueId d = h.DateColumn({-10, 3, 3, 4});
  ir::ValueId b = h.BoolColumn({true, false, true, false});
  uint32_t int_lt = h.Output(h.b().Binary(Op::kLt, Type::kBool, i, h.b().Int(5)));
  uint32_t float_eq = h.Output(h.b().Binary(Op::kEq, Type::kBool, f, h.b().Float(0.0)));
  uint32_t date_ge = h.Output(h.b().Binary(Op::kGe, Type::kBool, d, h.b().Date(3)));
  uint32_t bool_gt = h.Output(h.b().Binary(Op::kGt, Type::kBool, b, h.b().Bool(false)));
  uint32_t float_ne = h.Output(h.b().Binary(Op::kNe, Type::kBool, f, h.b().Float(7.0)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(int_lt), (Bools{true, false, N, false}));
  EXPECT_EQ(h.BoolResult(float_eq), (Bools{true, false, false, false}));
  EXPECT_EQ(h.BoolResult(date_ge), (Bools{false, true, true, true}));
  EXPECT_EQ(h.BoolResult(bool_gt), (Bools{true, false, true, false}));
  EXPECT_EQ(h.BoolResult(float_ne), (Bools{true, true, true, false}));
}

// The OR of `x == c` over one x that the lowering makes of an `in` list.
ir::ValueId AnyEqual(KernelHarness& h, ir::ValueId x, const std::vector<ir::ValueId>& items) {
  std::vector<ir::ValueId> tests;
  for (ir::ValueId item : items) tests.push_back(h.b().Binary(Op::kEq, Type::kBool, x, item));
  return h.b().Logic(Op::kOr, std::move(tests));
}

// Long `in` lists are searches in sorted constant tables: 100k-item lists over int, date and
// float columns compile at -O2 (before: SIGSEGV, a stack overflow in LLVM's optimizer) and
// give the compares' results, null rows null; -0.0 finds 0.0. Short lists stay compares.
TEST(EmitLogic, HundredThousandItemInListsAreTableSearches) {
  constexpr int kItems = 100000;
  KernelHarness h;
  ir::ValueId x = h.IntColumn({0, 3, 4, N, 299997, 299999, -3});
  ir::ValueId d = h.DateColumn({0, 3, 4, N, 299997, 299999, -3});
  ir::ValueId f = h.FloatColumn({0.5, 1.5, 1.25, N, 99999.5, -0.0, -0.5});
  std::vector<ir::ValueId> ints, dates, floats;
  for (int i = kItems - 1; i >= 0; --i) {  // unsorted, with one repeat
    ints.push_back(h.b().Int(3 * i));
    dates.push_back(h.b().Date(3 * i));
    floats.push_back(h.b().Float(i == 7 ? 0.0 : i + 0.5));
  }
  ints.push_back(h.b().Int(0));
  uint32_t int_in = h.Output(AnyEqual(h, x, ints));
  uint32_t date_in = h.Output(AnyEqual(h, d, dates));
  uint32_t float_in = h.Output(AnyEqual(h, f, floats));
  uint32_t short_in = h.Output(AnyEqual(h, x, {h.b().Int(4), h.b().Int(-3)}));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  const Bools expected = {true, true, false, N, true, false, false};
  EXPECT_EQ(h.BoolResult(int_in), expected);
  EXPECT_EQ(h.BoolResult(date_in), expected);
  EXPECT_EQ(h.BoolResult(float_in), (Bools{true, true, false, N, true, true, false}));
  EXPECT_EQ(h.BoolResult(short_in), (Bools{false, false, true, N, false, false, true}));
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

// A long `or` of compares with distinct float constants (not an `in` list): LLVM's optimizer
// is superlinear in the length of one operator chain (10,000 terms: 200 s and 2.4 GB at -O2;
// 100,000: SIGSEGV, a stack overflow in InstCombine) and in a function's distinct float
// constants (its constant pool is a list). The chain is now cut into 64-term segments and the
// constants past the first 256 come from a table: this compiles in about a second at -O2.
TEST(EmitLogic, LongOrChainsOfFloatComparesCompileInSegments) {
  constexpr int kTerms = 5000;
  KernelHarness h;
  ir::ValueId f = h.FloatColumn({0.25, 0.75, 4999.25, -5000.0, N, -1.0});
  std::vector<ir::ValueId> above, below;
  for (int i = 0; i < kTerms; ++i) {
    above.push_back(h.b().Binary(Op::kGt, Type::kBool, f, h.b().Float(i + 0.5)));
    below.push_back(h.b().Binary(Op::kLt, Type::kBool, f, h.b().Float(-i - 0.5)));
  }
  uint32_t any_above = h.Output(h.b().Logic(Op::kOr, std::move(above)));
  uint32_t all_below = h.Output(h.b().Logic(Op::kAnd, std::move(below)));
  std::ostringstream emitted;
  CodegenOptions options;
  options.opt_level = 2;
  options.dump_ir = &emitted;
  ASSERT_TRUE(h.Compile(options).ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(any_above), (Bools{false, true, true, false, N, false}));
  EXPECT_EQ(h.BoolResult(all_below), (Bools{false, false, false, true, N, false}));
  const std::string ir = emitted.str();
  // Both chains are cut every 64 terms, and all but 256 of the 10,000 constants are in tables.
  EXPECT_GE(Occurrences(ir, "store volatile i8"), 2u * (kTerms / 64));
  EXPECT_NE(ir.find("[9744 x double]"), std::string::npos) << ir.substr(0, 2000);
}

}  // namespace
}  // namespace segc::codegen::testing
