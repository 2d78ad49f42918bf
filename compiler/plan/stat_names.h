// Readable names of a program's population statistics, for the run summary: the way a user
// would write them in a rule ("p90(cltv)", "median(total_spent / orders)",
// "ntile(5, last_purchase)"), so a marketer can see which threshold a run used.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"

namespace segc::plan {

struct StatNames {
  std::vector<std::string> stats;    ///< by Program::stats index
  std::vector<std::string> derived;  ///< by Program::derived index
};

/// Names every statistic and derived column of a logical `program` (or a plan's graph, with the
/// plan's dictionary tables) after its
/// function and its input expression. Inputs are printed from the IR, not the source text, so a
/// module's input shows the column it was bound to (`ntile(5, last_purchase)` for rfm's recency)
/// and a segment, score or classify used as an input shows its name. Long inputs are shortened
/// with "...". Names are unique: spellings the IR does not tell apart get " #2", " #3", ...
StatNames NameStatistics(const ir::Program& program, const std::vector<DictTable>& dicts = {});
StatNames NameStatistics(const PhysicalPlan& plan);
/// The name of aggregate `index` of a logical program in messages and statistic names:
/// "sum(purchases.amount where ...)" (the planner names its column so).
std::string AggregateName(const ir::Program& program, uint32_t index);

}  // namespace segc::plan
