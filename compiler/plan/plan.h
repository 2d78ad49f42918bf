// Planner: Plan(logical) -> physical. Turns a logical IR program (ir::Lower) into the engine's
// physical plan (dictionary lookups for string predicates, stages for population statistics,
// output slots).
#pragma once

#include <optional>
#include <string>

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
/// Nodes no output needs are dropped. Two string columns compare through rank tables
/// (DictTable::partner_column). Fails with kInvalidArgument for other string expressions that
/// combine two string columns (`lower(a) == b`): see FindUnsupported.
Result<PhysicalPlan> Plan(const ir::Program& program);

/// A construct the engine cannot run yet: the source range of the expression and why.
struct Unsupported {
  diag::SourceRange origin;
  std::string message;
};

/// What Plan would refuse in `program`, found without planning: `segc check` reports it as
/// E0233 with its range, so such rules never pass check and fail at run.
std::optional<Unsupported> FindUnsupported(const ir::Program& program);

}  // namespace segc::plan
