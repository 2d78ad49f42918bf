// Small building blocks the node emitters share (null/overflow lanes, helper calls).
#pragma once

#include <initializer_list>
#include <string>

#include "compiler/codegen/detail/emit_context.h"

namespace segc::codegen::detail {

/// A strict result: null where `valid` is false or `overflow` (i1) is true; an overflow on a
/// row whose operands are valid is counted.
Lane Checked(EmitContext& ctx, llvm::Value* value, llvm::Value* valid, llvm::Value* overflow);

/// A float result: a non-finite value (ir.h: floats are never NaN or ±inf) is null and counted.
Lane CheckedFloat(EmitContext& ctx, llvm::Value* value, llvm::Value* valid);

/// A private constant global `name` holding `values`, in the kernel's module (and so in its
/// cached object). Created through the module, not `new GlobalVariable`, which GCC's
/// -Wmismatched-new-delete flags against LLVM's placement operator new.
llvm::GlobalVariable* ConstantGlobal(EmitContext& ctx, const std::string& name,
                                     llvm::Constant* values);

/// What a runtime helper may read besides its scalar arguments.
enum class HelperMemory {
  kNone,            ///< nothing: a pure function of its arguments
  kReadsConstants,  ///< constant tables its pointer arguments point to
};

/// Calls the runtime helper `name` (declared on first use as a nounwind function whose
/// parameter types are those of `args`, pure or reading constants as `memory` says). The JIT
/// links it through RuntimeSymbols().
llvm::Value* CallHelper(EmitContext& ctx, const char* name, llvm::Type* result,
                        std::initializer_list<llvm::Value*> args,
                        HelperMemory memory = HelperMemory::kNone);

}  // namespace segc::codegen::detail
