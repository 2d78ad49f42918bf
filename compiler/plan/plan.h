// Planner: Plan(logical) -> physical. Turns a logical IR program (ir::Lower) into the engine's
// physical plan (dictionary lookups for string predicates, stages for population statistics,
// output slots).
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/result.h"

namespace segc::plan {

/// Plans logical `program` (as produced by ir::Lower):
///  1. every maximal subexpression whose only row input is one string/enum column becomes a
///     kDictLookup evaluated once per dictionary entry, so no string value reaches a kernel;
///  2. statistics and derived columns get a stage: inputs that are plain columns are read from
///     the table before stage 0; other inputs are materialized into a slot by an earlier stage;
///  3. every output gets a slot, written by the last stage; stages list the nodes they compute.
/// Nodes no output needs are dropped. Fails with kInvalidArgument for string expressions that
/// combine two string columns (not supported by the engine yet).
Result<PhysicalPlan> Plan(const ir::Program& program);

}  // namespace segc::plan
