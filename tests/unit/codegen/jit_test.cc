// Compile() as an API: validation, failure injection, the object cache, IR dumps.
#include "compiler/codegen/jit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/unit/codegen/kernel_harness.h"

namespace segc::codegen::testing {
namespace {

using ir::Op;
using ir::Type;

// x + 1 over an int column, one stage.
void BuildIncrement(KernelHarness& h, int64_t constant = 1) {
  ir::ValueId x = h.IntColumn({1, 2, std::nullopt});
  h.Output(h.b().Binary(Op::kAdd, Type::kInt, x, h.b().Int(constant)));
}

template <typename Field, typename Value>
CodegenOptions With(Field CodegenOptions::*field, Value value) {
  CodegenOptions options;
  options.*field = value;
  return options;
}

std::filesystem::path FreshDirectory(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             (name + "." + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "." +
              std::to_string(reinterpret_cast<uintptr_t>(&name)));
  std::filesystem::remove_all(dir);
  return dir;
}

TEST(Jit, UnplannedProgramIsInvalidArgument) {
  plan::PhysicalPlan program;
  program.graph.stats.resize(1);  // a statistic without a schedule
  Result<std::unique_ptr<CompiledProgram>> result = Compile(program);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
}

TEST(Jit, ProgramWithoutStagesCompilesToNoKernels) {
  plan::PhysicalPlan program;
  auto result = Compile(program);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ((*result)->num_stages(), 0u);
}

TEST(Jit, BadOptimizationLevelIsInvalidArgument) {
  KernelHarness h;
  BuildIncrement(h);
  Status status = h.Compile(With(&CodegenOptions::opt_level, 7));
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("'7'"), std::string::npos);
}

TEST(Jit, MalformedProgramIsInternalError) {
  KernelHarness h;
  BuildIncrement(h);
  h.FinishStage();
  h.program().stages[0].stores[0].slot = 99;
  Status status = h.Compile();
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("missing slot"), std::string::npos) << status.message();
}

class InjectedFailures : public ::testing::TestWithParam<FailurePoint> {};

TEST_P(InjectedFailures, SurfaceAsInternalErrorsWithTheStage) {
  KernelHarness h;
  BuildIncrement(h);
  Status status = h.Compile(With(&CodegenOptions::fail_at, GetParam()));
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.message().rfind("jit: ", 0), 0u) << status.message();
  EXPECT_NE(status.message().find("injected failure"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Jit, InjectedFailures,
                         ::testing::Values(FailurePoint::kBuild, FailurePoint::kOptimize,
                                           FailurePoint::kEmit, FailurePoint::kLink));

TEST(Jit, WarmCacheSkipsOptimizationAndCodegen) {
  auto dir = FreshDirectory("segc-jit-cache");
  for (int round = 0; round < 2; ++round) {
    KernelHarness h;
    BuildIncrement(h);
    ASSERT_TRUE(h.Compile(With(&CodegenOptions::cache_dir, dir.string())).ok());
    const CompileStats& stats = h.compiled().stats();
    EXPECT_EQ(stats.cache_hit, round == 1);
    EXPECT_TRUE(stats.cache_warning.empty()) << stats.cache_warning;
    if (round == 1) {
      EXPECT_EQ(stats.optimize_ms + stats.codegen_ms + stats.build_ms, 0.0);
    }
    h.Run();
    EXPECT_EQ(h.IntResult(0), (Ints{2, 3, std::nullopt}));  // the cached code runs correctly
  }
  std::filesystem::remove_all(dir);
}

TEST(Jit, DifferentProgramMissesTheCache) {
  auto dir = FreshDirectory("segc-jit-cache-miss");
  for (int64_t constant : {1, 2}) {
    KernelHarness h;
    BuildIncrement(h, constant);
    ASSERT_TRUE(h.Compile(With(&CodegenOptions::cache_dir, dir.string())).ok());
    EXPECT_FALSE(h.compiled().stats().cache_hit);
    h.Run();
    EXPECT_EQ(h.IntResult(0), (Ints{1 + constant, 2 + constant, std::nullopt}));
  }
  std::filesystem::remove_all(dir);
}

TEST(Jit, CorruptCacheEntryIsRecompiled) {
  auto dir = FreshDirectory("segc-jit-cache-corrupt");
  {
    KernelHarness h;
    BuildIncrement(h);
    ASSERT_TRUE(h.Compile(With(&CodegenOptions::cache_dir, dir.string())).ok());
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::filesystem::resize_file(entry.path(), std::filesystem::file_size(entry.path()) / 2);
  }
  KernelHarness h;
  BuildIncrement(h);
  ASSERT_TRUE(h.Compile(With(&CodegenOptions::cache_dir, dir.string())).ok());
  EXPECT_FALSE(h.compiled().stats().cache_hit);
  h.Run();
  EXPECT_EQ(h.IntResult(0), (Ints{2, 3, std::nullopt}));
  std::filesystem::remove_all(dir);
}

TEST(Jit, UnwritableCacheIsAWarningNotAFailure) {
  KernelHarness h;
  BuildIncrement(h);
  ASSERT_TRUE(
      h.Compile(With(&CodegenOptions::cache_dir, std::string("/proc/segc-cannot-create-this")))
          .ok());
  EXPECT_FALSE(h.compiled().stats().cache_warning.empty());
}

TEST(Jit, DumpIrWritesTheKernels) {
  KernelHarness h;
  BuildIncrement(h);
  std::ostringstream out;
  ASSERT_TRUE(h.Compile(With(&CodegenOptions::dump_ir, static_cast<std::ostream*>(&out))).ok());
  EXPECT_NE(out.str().find("define void @segc_stage_0"), std::string::npos);
  EXPECT_NE(out.str().find("llvm.sadd.with.overflow.i64"), std::string::npos);
}

TEST(Jit, RowLoopIsVectorized) {
  KernelHarness h;
  ir::ValueId x = h.FloatColumn({1.0, 2.0, std::nullopt});
  ir::ValueId y = h.IntColumn({1, 2, 3});
  ir::ValueId big = h.b().Binary(Op::kGt, Type::kBool, x, h.b().Float(1.5));
  ir::ValueId small = h.b().Binary(Op::kLt, Type::kBool, y, h.b().Int(3));
  h.Output(h.b().Add(Op::kIsTrue, Type::kBool, {h.b().Logic(Op::kAnd, {big, small})}), false);
  std::ostringstream out;
  CodegenOptions options;
  options.dump_ir = &out;
  options.dump_optimized = true;
  ASSERT_TRUE(h.Compile(options).ok());
  EXPECT_NE(out.str().find("vector.body"), std::string::npos) << out.str();
}

TEST(Jit, HostTargetIsDescribed) {
  auto description = HostTargetDescription();
  ASSERT_TRUE(description.ok()) << description.status().message();
  EXPECT_FALSE(description->empty());
}

}  // namespace
}  // namespace segc::codegen::testing
