// DictRewrite: the first planner pass (string subtrees → kDictLookup), internal to plan/.
#pragma once

#include <optional>

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "compiler/plan/plan.h"
#include "segc/result.h"

namespace segc::plan::detail {

/// Copies the nodes the outputs need from `in` into a plan's graph, replacing maximal
/// single-string-column subtrees by kDictLookup nodes (with their `dicts`), row-invariant
/// expressions over run inputs by kScalar statistics, and renumbering stats and derived columns
/// to the ones still used. Outputs, inputs and strings are carried over; stages, slots and
/// schedules are left empty.
Result<PhysicalPlan> RewriteStrings(const ir::Program& in);

/// What RewriteStrings would refuse (plan::FindUnsupported).
std::optional<Unsupported> FindUnsupported(const ir::Program& in);

}  // namespace segc::plan::detail
