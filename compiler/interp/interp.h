// The reference interpreter: evaluates a physical plan behind the kernel ABI, so the
// executor runs it exactly like JIT code. The oracle for differential tests; never a fallback.
#pragma once

#include <memory>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/executor.h"
#include "stdlib/builtins.h"

namespace segc::interp {

/// Evaluates the stages of one physical plan, row at a time, with the semantics of ir.h.
class Interpreter {
 public:
  explicit Interpreter(std::shared_ptr<const plan::PhysicalPlan> plan);
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  /// A kernel for stage `stage`; valid while this Interpreter lives.
  rt::StageKernel Kernel(size_t stage) const;
  /// Evaluates dictionary table `dict` once per entry of `dictionary` (and once for null rows);
  /// `stats` holds the run's kScalar values, which dictionary roots may read.
  void EvalDict(uint32_t dict, const rt::Dictionary* dictionary, const segc_stat_value* stats,
                rt::DictTable& out) const;
  /// Evaluates kScalar statistic `stat` (an expression over run inputs) for one run.
  segc_stat_value EvalScalar(uint32_t stat, const std::vector<rt::RunInputValue>& inputs) const;

  const plan::PhysicalPlan& plan() const { return *plan_; }

 private:
  struct StageState {
    const Interpreter* self;
    size_t stage;
  };
  static void Trampoline(const segc_kernel_args* args, int64_t begin, int64_t end);
  void RunRows(size_t stage, const segc_kernel_args& args, int64_t begin, int64_t end) const;

  std::shared_ptr<const plan::PhysicalPlan> plan_;
  std::vector<StageState> states_;
};

/// The evaluators of dictionary tables and run-input scalars, over `interpreter` (which must
/// outlive them); shared by the interpreted and the JIT programs.
rt::DictEvaluator DictEvaluatorOf(const Interpreter* interpreter);
rt::ScalarEvaluator ScalarEvaluatorOf(const Interpreter* interpreter);
/// True when the interpreter has an implementation of builtin `id` (the `interp` column of
/// stdlib/builtins.def; every row lowered to Op::kCall needs one).
bool Implements(stdlib::BuiltinId id);

/// An executable program whose stages and dictionary tables are all interpreted.
rt::ExecProgram InterpretedProgram(std::shared_ptr<const plan::PhysicalPlan> plan);

}  // namespace segc::interp
