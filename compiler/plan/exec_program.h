// MakeExecProgram: the runtime's view (rt::ExecProgram) of a physical plan.
#pragma once

#include <memory>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/executor.h"

namespace segc::plan {

/// Describes `plan` for rt::Execute: inputs, run inputs, statistics, derived columns,
/// dictionary tables, slots and outputs, with one kernel per stage (JIT or interpreter) and the
/// evaluators of the dictionary tables and the run-input scalars. `keep_alive` must own
/// everything the kernels and evaluators refer to.
rt::ExecProgram MakeExecProgram(const PhysicalPlan& plan, std::vector<rt::StageKernel> stages,
                                rt::DictEvaluator dicts, rt::ScalarEvaluator scalars,
                                std::shared_ptr<const void> keep_alive);

/// The runtime value kind of an IR type (kString: the int32 code, reported as kLabel).
rt::ValueKind KindOf(ir::Type type);

}  // namespace segc::plan
