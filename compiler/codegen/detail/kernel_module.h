// Builds the LLVM modules of a planned program: one kernel function per stage, which calls the
// stage's part functions (loops over the rows computing up to 64 stores each). The parts are
// spread over compilation units that are optimized and emitted in parallel, one object each.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_includes.h"
#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// The symbol name of stage `stage`'s kernel ("segc_stage_0", ...).
std::string KernelName(size_t stage);

/// One part function: a loop over the rows evaluating `stage` (a subset of a planned stage:
/// some of its stores and the nodes they need; overflows counted in exactly one part).
struct PartSpec {
  std::string name;  ///< "segc_stage_0.part1"
  plan::Stage stage;
  /// Values an earlier part of the same stage stored, read back from their slot (node, slot)
  /// instead of recomputed: a chain of N segments is then N nodes, not N^2 / 64.
  std::vector<std::pair<ir::ValueId, uint32_t>> slot_reads;
};

/// How a program's stages are cut into parts.
struct ModuleLayout {
  std::vector<PartSpec> parts;
  std::vector<std::vector<size_t>> stage_parts;  ///< by stage: its parts, in call order
};

/// Cuts every stage into parts of at most 64 stores (a stage that fits is one part, as planned).
ModuleLayout LayoutProgram(const plan::PhysicalPlan& program);

/// Spreads the parts over at most `units` compilation units (fewer if there are fewer parts),
/// balancing their node counts. Each unit lists its parts in ascending order.
std::vector<std::vector<size_t>> AssignParts(const ModuleLayout& layout, size_t units);

/// Emits the part functions `parts` into a new module for `machine`'s target, plus (if
/// `with_kernels`) every stage kernel, which refer to parts of other units by declaration.
/// kInternal for IR the backend does not support (a planner/lowering bug, reported, not hidden).
Result<std::unique_ptr<llvm::Module>> BuildUnit(llvm::LLVMContext& context,
                                                const plan::PhysicalPlan& program,
                                                const ModuleLayout& layout,
                                                const std::vector<size_t>& parts, bool with_kernels,
                                                const llvm::TargetMachine& machine);

}  // namespace segc::codegen::detail
