// Stage kernels end to end: row counts around the 64-row word, morsel splits, bitmap packing,
// statistics, derived columns, dictionary lookups and multi-stage programs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;

// Row i: value i % 7 - 3, null every 5th row. Segment: value > 0.
struct Generated {
  Ints values;
  Bools expected;
};

Generated Generate(int64_t rows) {
  Generated g;
  for (int64_t i = 0; i < rows; ++i) {
    if (i % 5 == 4) {
      g.values.push_back(N);
      g.expected.push_back(false);
    } else {
      g.values.push_back(i % 7 - 3);
      g.expected.push_back(i % 7 - 3 > 0);
    }
  }
  return g;
}

class RowCounts : public ::testing::TestWithParam<std::tuple<int64_t, int64_t>> {};

TEST_P(RowCounts, SegmentBitmapMatchesEveryRowAndMorselSplit) {
  auto [rows, morsel] = GetParam();
  Generated g = Generate(rows);
  KernelHarness h;
  ir::ValueId x = h.IntColumn(g.values);
  h.set_rows(rows);
  ir::ValueId positive = h.b().Binary(Op::kGt, Type::kBool, x, h.b().Int(0));
  uint32_t segment = h.Output(h.b().Add(Op::kIsTrue, Type::kBool, {positive}), false);
  uint32_t doubled = h.Output(h.b().Binary(Op::kMul, Type::kInt, x, h.b().Int(2)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run(morsel);
  EXPECT_EQ(h.BoolResult(segment), g.expected);
  Ints twice = h.IntResult(doubled);
  for (int64_t i = 0; i < rows; ++i) {
    ASSERT_EQ(twice[i], g.values[i] ? std::optional<int64_t>(*g.values[i] * 2) : N) << i;
  }
  // Bits past the last row stay zero.
  std::vector<uint64_t> words = h.BitmapWords(segment);
  if (rows % 64 != 0) {
    EXPECT_EQ(words.back() >> (rows % 64), 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(EmitStage, RowCounts,
                         ::testing::Values(std::tuple{0, 64}, std::tuple{1, 64}, std::tuple{63, 64},
                                           std::tuple{64, 64}, std::tuple{65, 64},
                                           std::tuple{200, 64}, std::tuple{200, 128},
                                           std::tuple{1000, 1 << 20}));

TEST(EmitStage, ThreadCountDoesNotChangeAnyBit) {
  Generated g = Generate(5000);
  std::vector<std::vector<uint64_t>> bitmaps;
  std::vector<Ints> products;
  std::vector<int64_t> overflows;
  for (int threads : {1, 2, 4}) {
    KernelHarness h;
    ir::ValueId x = h.IntColumn(g.values);
    ir::ValueId huge = h.b().Int(int64_t{1} << 62);
    uint32_t segment = h.Output(h.b().Binary(Op::kGt, Type::kBool, x, h.b().Int(0)), false);
    uint32_t product = h.Output(h.b().Binary(Op::kMul, Type::kInt, x, huge));
    ASSERT_TRUE(h.Compile().ok());
    h.Run(/*morsel=*/128, threads);
    bitmaps.push_back(h.BitmapWords(segment));
    products.push_back(h.IntResult(product));
    overflows.push_back(h.overflow());
  }
  for (size_t i = 1; i < bitmaps.size(); ++i) {
    EXPECT_EQ(bitmaps[i], bitmaps[0]);
    EXPECT_EQ(products[i], products[0]);
    EXPECT_EQ(overflows[i], overflows[0]);
  }
  EXPECT_GT(overflows[0], 0);
}

TEST(EmitStage, NonNullableBoolInputReadsBitPackedValues) {
  KernelHarness h;
  Bools flags;
  for (int i = 0; i < 70; ++i) flags.push_back(i % 3 == 0);
  ir::ValueId b = h.BoolColumn(flags);
  h.program().graph.nodes[b].nullable = false;
  uint32_t slot = h.Output(h.b().Not(b), false);
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  Bools result = h.BoolResult(slot);
  for (int i = 0; i < 70; ++i) EXPECT_EQ(result[i], i % 3 != 0) << i;
}

TEST(EmitStage, StatisticsAndNullStatistics) {
  KernelHarness h;
  ir::ValueId x = h.FloatColumn({1.0, 5.0, N});
  ir::ValueId mean = h.FloatStat(3.0);
  ir::ValueId missing = h.FloatStat(N);
  ir::ValueId count = h.IntStat(7);
  uint32_t above = h.Output(h.b().Binary(Op::kGt, Type::kBool, x, mean));
  uint32_t vs_null = h.Output(h.b().Binary(Op::kGt, Type::kBool, x, missing));
  uint32_t plus = h.Output(h.b().Binary(Op::kAdd, Type::kInt, count, h.b().Int(1)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(above), (Bools{false, true, N}));
  EXPECT_EQ(h.BoolResult(vs_null), (Bools{N, N, N}));
  EXPECT_EQ(h.IntResult(plus), (Ints{8, 8, 8}));
}

TEST(EmitStage, DerivedColumn) {
  KernelHarness h;
  ir::ValueId tile = h.IntDerived({1, 5, N, 3});
  uint32_t top = h.Output(h.b().Binary(Op::kEq, Type::kBool, tile, h.b().Int(5)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(top), (Bools{false, true, N, false}));
}

TEST(EmitStage, DictionaryLookupsUseTheNullEntryForNullCodes) {
  KernelHarness h;
  ir::ValueId code = h.CodeColumn({0, 2, N, 1, 2});
  ir::ValueId is_fr = h.BoolDict(code, {true, false, N, false});  // 3 entries + null entry
  ir::ValueId weight = h.IntDict(code, {10, 20, 30, -1});
  // A second bool table over the same column, valid for null codes (like `country is null or
  // ...`): the tables share the row's entry index, each keeps its own values and validity.
  ir::ValueId missing_or_de = h.BoolDict(code, {false, true, N, true});
  uint32_t fr = h.Output(is_fr);
  uint32_t w = h.Output(weight);
  uint32_t de = h.Output(missing_or_de);
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.BoolResult(fr), (Bools{true, N, false, false, N}));
  EXPECT_EQ(h.IntResult(w), (Ints{10, 30, -1, 20, 30}));
  EXPECT_EQ(h.BoolResult(de), (Bools{false, N, true, true, N}));
}

// Packed bool tables answer every entry, the last ones and the null entry, whatever their size
// and whatever the other tables of the stage (sizes around 64, where a bit-mask lookup would
// change representation, and large tables beside small ones).
Bools TableOf(int entries) {  // entry e: e % 3 == 0 → true, 1 → false, 2 → null
  Bools table;
  for (int e = 0; e < entries; ++e) {
    table.push_back(e % 3 == 0   ? std::optional<bool>(true)
                    : e % 3 == 1 ? std::optional<bool>(false)
                                 : N);
  }
  return table;
}

void CheckLookups(int small_entries, int other_entries) {
  KernelHarness h;
  Dates codes;  // every entry but the null one, then a null code, then again from the top
  for (int e = 0; e + 1 < small_entries; ++e) codes.push_back(e);
  codes.push_back(N);
  for (int e = small_entries - 2; e >= 0; e -= 7) codes.push_back(e);
  Dates other_codes;
  for (size_t i = 0; i < codes.size(); ++i) {
    other_codes.push_back(codes[i] ? std::optional<int32_t>(*codes[i] * 7 % (other_entries - 1))
                                   : N);
  }
  const Bools small = TableOf(small_entries), other = TableOf(other_entries);
  uint32_t a = h.Output(h.BoolDict(h.CodeColumn(codes), small));
  uint32_t b = h.Output(h.BoolDict(h.CodeColumn(other_codes), other));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  Bools want_a, want_b;
  for (size_t i = 0; i < codes.size(); ++i) {
    want_a.push_back(small[codes[i] ? size_t(*codes[i]) : small.size() - 1]);
    want_b.push_back(other[other_codes[i] ? size_t(*other_codes[i]) : other.size() - 1]);
  }
  EXPECT_EQ(h.BoolResult(a), want_a) << small_entries << " and " << other_entries;
  EXPECT_EQ(h.BoolResult(b), want_b) << small_entries << " and " << other_entries;
}

TEST(EmitStage, SmallAndLargeBoolTablesGiveTheSameAnswers) {
  CheckLookups(64, 5);  // entry 63 is the null entry
  CheckLookups(65, 5);
  CheckLookups(3, 300);  // a large table beside a small one
  CheckLookups(300, 300);
}

TEST(EmitStage, TwoStagesEachWriteTheirSlots) {
  KernelHarness h;
  ir::ValueId x = h.IntColumn({1, 2, 3});
  uint32_t first = h.Output(h.b().Binary(Op::kAdd, Type::kInt, x, h.b().Int(1)));
  h.FinishStage();
  uint32_t second = h.Output(h.b().Binary(Op::kMul, Type::kInt, x, h.b().Int(10)));
  ASSERT_TRUE(h.Compile().ok());
  ASSERT_EQ(h.compiled().num_stages(), 2u);
  h.Run();
  EXPECT_EQ(h.IntResult(first), (Ints{2, 3, 4}));
  EXPECT_EQ(h.IntResult(second), (Ints{10, 20, 30}));
}

TEST(EmitStage, LargeStageSplitsIntoPartsAndCountsSharedOverflowOnce) {
  KernelHarness h;
  ir::ValueId x = h.IntColumn({int64_t{1} << 40, 3, int64_t{1} << 33});
  ir::ValueId square = h.b().Binary(Op::kMul, Type::kInt, x, x);  // overflows in rows 0 and 2
  std::vector<uint32_t> slots;
  for (int k = 0; k < 150; ++k) {
    slots.push_back(h.Output(h.b().Binary(Op::kAdd, Type::kInt, square, h.b().Int(k))));
  }
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  for (int k = 0; k < 150; ++k) {
    EXPECT_EQ(h.IntResult(slots[k]), (Ints{N, 9 + k, N})) << k;
  }
  EXPECT_EQ(h.overflow(), 2);
}

// The parts of a large stage are compiled as separate units on parallel threads (one object
// each, linked together): any number of units gives the same results and overflow count.
TEST(EmitStage, PartsCompiledInParallelUnitsGiveTheSameResults) {
  for (int threads : {1, 2, 3, 8}) {
    KernelHarness h;
    ir::ValueId x = h.IntColumn({int64_t{1} << 40, 3, int64_t{1} << 33, -7});
    ir::ValueId square = h.b().Binary(Op::kMul, Type::kInt, x, x);  // overflows in rows 0, 2
    std::vector<uint32_t> slots;
    for (int k = 0; k < 150; ++k) {
      slots.push_back(h.Output(h.b().Binary(Op::kAdd, Type::kInt, square, h.b().Int(k))));
    }
    h.FinishStage();
    uint32_t last = h.Output(h.b().Binary(Op::kSub, Type::kInt, x, h.b().Int(1)));
    CodegenOptions options;
    options.threads = threads;
    ASSERT_TRUE(h.Compile(options).ok()) << threads;
    EXPECT_EQ(h.compiled().stats().units, size_t(std::min(threads, 4))) << threads;  // 3 + 1 parts
    h.Run();
    for (int k = 0; k < 150; ++k) {
      EXPECT_EQ(h.IntResult(slots[k]), (Ints{N, 9 + k, N, 49 + k})) << threads << " " << k;
    }
    EXPECT_EQ(h.IntResult(last), (Ints{(int64_t{1} << 40) - 1, 2, (int64_t{1} << 33) - 1, -8}));
    EXPECT_EQ(h.overflow(), 2) << threads;
  }
}

// A chain of stored values (segment S_k uses S_{k-1}) over many parts: each part reads the
// values earlier parts stored from their slots instead of recomputing the chain, so the code
// grows linearly with the chain (before: n^2 / 128 nodes; 10k chained segments took 120 s and
// 2.4 GB to compile). Int values (nullable: validity read back too) and bool values (bitmaps).
size_t CompileChain(int length, bool check) {
  KernelHarness h;
  ir::ValueId x = h.IntColumn({1, N, -5});
  ir::ValueId value = x, cond = h.BoolColumn({true, true, true});
  std::vector<uint32_t> ints, bools;
  for (int k = 0; k < length; ++k) {
    value = h.b().Binary(Op::kAdd, Type::kInt, value, h.b().Int(1));
    cond = h.b().Add(Op::kAnd, Type::kBool,
                     {cond, h.b().Binary(Op::kGt, Type::kBool, x, h.b().Int(-k))});
    ints.push_back(h.Output(value));
    bools.push_back(h.Output(cond));
  }
  std::ostringstream ir_text;
  CodegenOptions options;
  options.opt_level = 0;
  options.dump_ir = &ir_text;
  EXPECT_TRUE(h.Compile(options).ok());
  if (check) {
    h.Run(64);
    for (int k = 0; k < length; k += 97) {
      EXPECT_EQ(h.IntResult(ints[k]), (Ints{2 + k, N, -4 + k})) << k;
      EXPECT_EQ(h.BoolResult(bools[k]), (Bools{true, N, false})) << k;  // -5 > 0 is false
    }
  }
  return ir_text.str().size();
}

TEST(EmitStage, ChainedStoresAcrossPartsAreReadBackNotRecomputed) {
  size_t short_chain = CompileChain(200, false);
  size_t long_chain = CompileChain(1000, true);
  std::printf("chain IR: 200 -> %zu bytes, 1000 -> %zu bytes\n", short_chain, long_chain);
  // Linear: about 5x the code for 5x the chain (quadratic recomputation gave ~20x).
  EXPECT_LT(double(long_chain) / double(short_chain), 8.0) << short_chain << " " << long_chain;
}

TEST(EmitStage, NullValuesAreStoredAsZero) {
  KernelHarness h;
  ir::ValueId x = h.FloatColumn({N, 2.0});
  uint32_t slot = h.Output(h.b().Binary(Op::kMul, Type::kFloat, x, h.b().Float(3.0)));
  ASSERT_TRUE(h.Compile().ok());
  h.Run();
  EXPECT_EQ(h.FloatResult(slot), (Floats{N, 6.0}));
  // The value under a null is +0.0, so buffers compare bit for bit across backends.
  EXPECT_EQ(h.RawFloatBits(slot, 0), 0u);
}

}  // namespace
}  // namespace segc::codegen::testing
