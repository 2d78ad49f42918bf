// Compile time for programs of 1, 100 and 1,000 segments: printed, not asserted (machine-bound).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;

// Segment k: a > k and b < k / 2 and (flag or d >= k).
uint32_t AddSegment(KernelHarness& h, ir::ValueId a, ir::ValueId b, ir::ValueId d, ir::ValueId flag,
                    int k) {
  ir::Builder& ir = h.b();
  ir::ValueId recent = ir.Logic(Op::kOr, {flag, ir.Binary(Op::kGe, Type::kBool, d, ir.Date(k))});
  ir::ValueId all =
      ir.Logic(Op::kAnd, {ir.Binary(Op::kGt, Type::kBool, a, ir.Int(k)),
                          ir.Binary(Op::kLt, Type::kBool, b, ir.Float(k * 0.5)), recent});
  return h.Output(ir.Add(Op::kIsTrue, Type::kBool, {all}), false);
}

class CompileTime : public ::testing::TestWithParam<int> {};

TEST_P(CompileTime, PrintsPhaseTimes) {
  const int segments = GetParam();
  KernelHarness h;
  Ints a;
  Floats b;
  Dates d;
  Bools flag;
  for (int i = 0; i < 300; ++i) {
    a.push_back(i % 50);
    b.push_back(i * 0.25);
    d.push_back(i % 40);
    flag.push_back(i % 3 == 0);
  }
  ir::ValueId ca = h.IntColumn(a), cb = h.FloatColumn(b), cd = h.DateColumn(d);
  ir::ValueId cf = h.BoolColumn(flag);
  for (int k = 0; k < segments; ++k) AddSegment(h, ca, cb, cd, cf, k);
  CodegenOptions options;
  if (const char* level = std::getenv("SEGC_TEST_OPT_LEVEL")) options.opt_level = std::atoi(level);
  ASSERT_TRUE(h.Compile(options).ok());
  const CompileStats& s = h.compiled().stats();
  std::printf(
      "[compile-time] O%d %4d segments: build %.1f ms, optimize %.1f ms, codegen %.1f ms, "
      "link %.1f ms, object %zu bytes\n",
      options.opt_level, segments, s.build_ms, s.optimize_ms, s.codegen_ms, s.link_ms,
      s.object_bytes);
  h.Run();
  // Spot-check the last segment against a direct evaluation.
  Bools result = h.BoolResult(static_cast<uint32_t>(segments - 1));
  const int k = segments - 1;
  for (int i = 0; i < 300; ++i) {
    bool expected = *a[i] > k && *b[i] < k * 0.5 && (*flag[i] || *d[i] >= k);
    ASSERT_EQ(result[i], expected) << "row " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Codegen, CompileTime, ::testing::Values(1, 100, 1000));

}  // namespace
}  // namespace segc::codegen::testing
