// Building an executable program from a physical plan, with the JIT or the reference interpreter
// (shared by `segc run` and later `explain` and `test`).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "compiler/codegen/jit.h"
#include "compiler/plan/physical.h"
#include "segc/executor.h"
#include "segc/result.h"

namespace segc::driver {

/// Which backend produces the stage kernels.
enum class Engine { kJit, kInterp };

/// "jit" or "interp".
const char* EngineName(Engine engine);

/// `EngineOptions::opt_level` value that lets ChooseOptLevel decide.
inline constexpr int kAutoOptLevel = -1;

/// Rows per executor thread from which the vectorizing level 2 pays for its compile time over
/// the lean level 1 (measured in docs/codegen.md "Optimization levels").
inline constexpr int64_t kVectorizeRowsPerThread = 2'000'000;

/// Program size (logical IR nodes) above which level 2 is never chosen automatically: LLVM's
/// level-2 pipeline grows superlinearly on very large kernels (a 10,000-segment chain: 17.5 s
/// at level 2, 3.2 s at level 1; a 100,000-term `or`: 43 s against 6.7 s), while the lean
/// level stays linear. Hand-written projects are far below it (the bench's twenty segments:
/// ~300 nodes).
inline constexpr size_t kVectorizeMaxNodes = 20'000;

/// The JIT optimization level for a program of `nodes` IR nodes over `rows` rows on `threads`
/// threads: 2 when each thread has at least kVectorizeRowsPerThread rows or the row count is
/// unknown (negative), and the program has at most kVectorizeMaxNodes nodes; else 1.
int ChooseOptLevel(int64_t rows, int threads, size_t nodes);

/// What the JIT did (filled by BuildExecutable when EngineOptions::report is set).
struct JitReport {
  int opt_level = 0;
  codegen::CompileStats stats;
};

/// How to build the kernels.
struct EngineOptions {
  Engine engine = Engine::kJit;
  /// JIT optimization level 0..3, or kAutoOptLevel: ChooseOptLevel(rows, threads).
  int opt_level = kAutoOptLevel;
  int64_t rows = -1;  ///< rows of the table to run on; -1 = unknown (auto then picks 2)
  /// Executor threads; also the JIT's compile threads.
  int threads = 1;
  /// JIT object cache directory; empty = no cache.
  std::string cache_dir;
  /// If set, receives the optimized LLVM IR of the JIT (CodegenOptions::dump_ir; no cache lookup).
  std::ostream* dump_llvm_ir = nullptr;
  /// If set and the engine is the JIT, receives the level used and the compile statistics.
  JitReport* report = nullptr;
  /// Test hook forwarded to the JIT (CodegenOptions::fail_at).
  codegen::FailurePoint fail_at = codegen::FailurePoint::kNone;
};

/// Builds the executor's program for `plan`: JIT kernels (dictionary tables are evaluated by
/// the interpreter, once per dictionary entry) or interpreted ones. A JIT failure is kInternal;
/// there is never a fallback from one engine to the other. The result owns the compiled code.
Result<rt::ExecProgram> BuildExecutable(std::shared_ptr<const plan::PhysicalPlan> plan,
                                        const EngineOptions& options);

}  // namespace segc::driver
