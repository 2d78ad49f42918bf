// The LLVM half of compilation: verification, the O-level pass pipeline and object emission.
#pragma once

#include <string>

#include "compiler/codegen/llvm_includes.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// Runs the verifier; a broken module is our bug but reported as kInternal with the details.
Status VerifyModule(const llvm::Module& module);

/// Runs the pipeline of `opt_level`: 0 the O0 pipeline; 1 the lean scalar pipeline (inline,
/// SROA, early CSE, instcombine, simplifycfg); 2 and 3 the new-PassManager default pipelines
/// with loop and SLP vectorization, tuned for `machine` (the host).
Status OptimizeModule(llvm::Module& module, llvm::TargetMachine& machine, int opt_level);

/// Compiles `module` to a relocatable object for `machine`; kInternal if the target cannot.
Result<std::string> EmitObject(llvm::Module& module, llvm::TargetMachine& machine);

/// The module's textual IR (for --dump-ir).
std::string ModuleText(const llvm::Module& module);

}  // namespace segc::codegen::detail
