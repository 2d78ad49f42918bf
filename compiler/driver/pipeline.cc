// JIT or interpreter kernels for a physical plan, packaged for rt::Execute.
#include "compiler/driver/pipeline.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "compiler/interp/interp.h"
#include "compiler/plan/exec_program.h"

namespace segc::driver {
namespace {

/// Everything the JIT kernels and the dictionary evaluator point into.
struct JitState {
  std::shared_ptr<const plan::PhysicalPlan> planned;
  std::unique_ptr<codegen::CompiledProgram> compiled;
  std::unique_ptr<interp::Interpreter> interpreter;
};

Result<rt::ExecProgram> BuildJit(std::shared_ptr<const plan::PhysicalPlan> planned,
                                 const EngineOptions& options) {
  codegen::CodegenOptions codegen_options;
  codegen_options.opt_level =
      options.opt_level == kAutoOptLevel
          ? ChooseOptLevel(options.rows, options.threads, planned->graph.nodes.size())
          : options.opt_level;
  codegen_options.cache_dir = options.cache_dir;
  codegen_options.threads = options.threads;
  codegen_options.fail_at = options.fail_at;
  codegen_options.dump_ir = options.dump_llvm_ir;
  codegen_options.dump_optimized = true;
  auto state = std::make_shared<JitState>();
  state->planned = planned;
  SEGC_TRY(state->compiled, codegen::Compile(*planned, codegen_options));
  if (options.report != nullptr) {
    *options.report = {codegen_options.opt_level, state->compiled->stats()};
  }
  if (state->compiled->num_stages() != planned->stages.size()) {
    return Status::Internal("jit: compiled stage count does not match the plan");
  }
  state->interpreter = std::make_unique<interp::Interpreter>(planned);
  std::vector<rt::StageKernel> kernels;
  for (segc_kernel_fn fn : state->compiled->kernels()) kernels.push_back({fn, nullptr});
  const interp::Interpreter* raw = state->interpreter.get();
  return plan::MakeExecProgram(*planned, std::move(kernels), interp::DictEvaluatorOf(raw),
                               interp::ScalarEvaluatorOf(raw), state);
}

}  // namespace

int ChooseOptLevel(int64_t rows, int threads, size_t nodes) {
  if (nodes > kVectorizeMaxNodes) return 1;
  if (rows < 0) return 2;
  return rows / std::max(threads, 1) >= kVectorizeRowsPerThread ? 2 : 1;
}

const char* EngineName(Engine engine) { return engine == Engine::kJit ? "jit" : "interp"; }

Result<rt::ExecProgram> BuildExecutable(std::shared_ptr<const plan::PhysicalPlan> planned,
                                        const EngineOptions& options) {
  if (options.engine == Engine::kInterp) return interp::InterpretedProgram(std::move(planned));
  return BuildJit(std::move(planned), options);
}

}  // namespace segc::driver
