// Structural validation of a planned program at the codegen boundary.
#pragma once

#include "compiler/ir/ir.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// kInvalidArgument if `program` is not planned; kInternal naming the first broken reference
/// (argument order, slot/statistic/dictionary indices, store types) otherwise. Generated code
/// indexes memory by these numbers, so they are checked before any is trusted.
Status ValidateProgram(const ir::Program& program);

}  // namespace segc::codegen::detail
