// Builds the LLVM module of a planned program: one fused kernel function per stage.
#pragma once

#include <memory>
#include <string>

#include "compiler/codegen/llvm_includes.h"
#include "compiler/ir/ir.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// The symbol name of stage `stage`'s kernel ("segc_stage_0", ...).
std::string KernelName(size_t stage);

/// Emits `program` (which must be planned) into a new module for `machine`'s target. Returns
/// kInternal for IR the backend does not support (a planner/lowering bug, reported, not hidden).
Result<std::unique_ptr<llvm::Module>> BuildModule(llvm::LLVMContext& context,
                                                  const ir::Program& program,
                                                  const llvm::TargetMachine& machine);

}  // namespace segc::codegen::detail
