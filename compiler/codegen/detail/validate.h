// Structural validation of a physical plan at the codegen boundary.
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// kInvalidArgument if `program` was not made by plan::Plan (schedules and output slots
/// missing); kInternal naming the first broken reference
/// (argument order, slot/statistic/dictionary indices, store types) otherwise. Generated code
/// indexes memory by these numbers, so they are checked before any is trusted.
Status ValidateProgram(const plan::PhysicalPlan& program);

}  // namespace segc::codegen::detail
