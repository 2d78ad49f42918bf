// Public API of the LLVM backend: compile a physical plan into one native kernel per stage.
// LLVM-free: callers see plain C function pointers (runtime/include/segc/kernel_abi.h).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "segc/kernel_abi.h"
#include "segc/result.h"
#include "stdlib/builtins.h"

namespace segc::plan {
struct PhysicalPlan;
}  // namespace segc::plan

namespace segc::codegen {

/// Where Compile fails on purpose, so tests can check that a JIT failure surfaces as an
/// internal error (exit 4) and never as a silent fallback.
enum class FailurePoint : uint8_t { kNone, kBuild, kOptimize, kEmit, kLink };

/// How to compile.
struct CodegenOptions {
  /// LLVM optimization level 0..3 (pipeline and code generator). 2 vectorizes loops.
  int opt_level = 2;
  /// Directory of the on-disk object cache; empty disables it. See docs/codegen.md.
  std::string cache_dir;
  /// If set, the generated LLVM IR is written here (optimized if `dump_optimized`, else as
  /// emitted). Dumping bypasses the cache lookup, since a cached object has no IR.
  std::ostream* dump_ir = nullptr;
  bool dump_optimized = false;
  /// Threads compiling parts of the program in parallel (one LLVM module and object per
  /// thread); 0 = the hardware's. Results do not depend on it.
  int threads = 0;
  /// Test hook: make compilation fail at this point with an internal error.
  FailurePoint fail_at = FailurePoint::kNone;
};

/// What one compilation cost; times in milliseconds.
struct CompileStats {
  double build_ms = 0;     ///< IR construction and verification (summed over the units)
  double optimize_ms = 0;  ///< the LLVM pass pipeline
  double codegen_ms = 0;   ///< machine code emission
  double link_ms = 0;      ///< loading the object into the JIT and resolving symbols
  bool cache_hit = false;  ///< the object came from the cache (build/optimize/codegen skipped)
  size_t units = 1;        ///< compilation units (objects); their times are summed above
  size_t object_bytes = 0;
  /// Non-empty if the cache could not be written (compilation still succeeded).
  std::string cache_warning;
};

/// The native code of one program. Owns the JIT resources; destroying it frees the code, so it
/// must outlive every use of its kernels. Thread-safe to call kernels concurrently on disjoint
/// row ranges (kernel_abi.h).
class CompiledProgram {
 public:
  struct Impl;
  explicit CompiledProgram(std::unique_ptr<Impl> impl);
  ~CompiledProgram();
  CompiledProgram(const CompiledProgram&) = delete;
  CompiledProgram& operator=(const CompiledProgram&) = delete;

  /// Number of stages (equals plan::PhysicalPlan::stages.size()).
  size_t num_stages() const;
  /// The kernel of stage `stage` (< num_stages()).
  segc_kernel_fn kernel(size_t stage) const;
  /// Every kernel, by stage.
  const std::vector<segc_kernel_fn>& kernels() const;
  const CompileStats& stats() const;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Compiles a physical plan (plan::Plan) for the host CPU. Errors are kInternal ("jit: ..."),
/// except kInvalidArgument for a plan without schedules. Never falls back to
/// interpretation: the caller reports the failure (exit 4).
Result<std::unique_ptr<CompiledProgram>> Compile(const plan::PhysicalPlan& program,
                                                 const CodegenOptions& options = {});

/// True when the JIT has an emitter for builtin `id` (the `jit` column of stdlib/builtins.def;
/// every row lowered to a per-row Op::kCall needs one).
bool JitImplements(stdlib::BuiltinId id);

/// Host CPU name and features as the JIT sees them (e.g. for `segc version --verbose`).
Result<std::string> HostTargetDescription();

}  // namespace segc::codegen
