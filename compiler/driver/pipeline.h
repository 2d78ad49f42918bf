// Building an executable program from a planned one, with the JIT or the reference interpreter
// (shared by `segc run` and later `explain` and `test`).
#pragma once

#include <memory>
#include <string>

#include "compiler/codegen/jit.h"
#include "compiler/ir/ir.h"
#include "segc/executor.h"
#include "segc/result.h"

namespace segc::driver {

/// Which backend produces the stage kernels.
enum class Engine { kJit, kInterp };

/// "jit" or "interp".
const char* EngineName(Engine engine);

/// How to build the kernels.
struct EngineOptions {
  Engine engine = Engine::kJit;
  /// JIT object cache directory; empty = no cache.
  std::string cache_dir;
  /// Test hook forwarded to the JIT (CodegenOptions::fail_at).
  codegen::FailurePoint fail_at = codegen::FailurePoint::kNone;
};

/// Builds the executor's program for `planned`: JIT kernels (dictionary tables are evaluated by
/// the interpreter, once per dictionary entry) or interpreted ones. A JIT failure is kInternal;
/// there is never a fallback from one engine to the other. The result owns the compiled code.
Result<rt::ExecProgram> BuildExecutable(std::shared_ptr<const ir::Program> planned,
                                        const EngineOptions& options);

}  // namespace segc::driver
