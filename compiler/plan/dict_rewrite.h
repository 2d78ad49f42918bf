// DictRewrite: the first planner pass (string subtrees → kDictLookup), internal to plan/.
#pragma once

#include "compiler/ir/ir.h"
#include "segc/result.h"

namespace segc::plan::detail {

/// Copies the nodes the outputs need from `in` into a new program, replacing maximal
/// single-string-column subtrees by kDictLookup nodes and renumbering stats and derived
/// columns to the ones still used. Outputs, inputs and strings are carried over.
Result<ir::Program> RewriteStrings(const ir::Program& in);

}  // namespace segc::plan::detail
