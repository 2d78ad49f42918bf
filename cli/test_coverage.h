// `segc test --coverage`: which segments, score rules and classify arms of a project the
// fixtures made both true and false (docs/testing.md "Coverage").
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"
#include "segc/executor.h"

namespace segc::cli {

/// One condition whose two outcomes the fixtures should both produce.
struct CoverageTarget {
  std::string what;  ///< "segment VIP", "score lead_score: +10 when employees > 50", ...
  std::string
      output;  ///< the segment of the run that holds it (a generated one for rules and arms)
  bool seen_true = false;
  bool seen_false = false;
};

/// The targets of one project, and the rule file that makes them observable: one generated
/// segment per score rule condition and per classify arm condition, named
/// `__segc_cover_N where (CONDITION)`. Conditions are copied as written, so they mean what they
/// mean in the project (same namespace, same params). Imported modules are not covered.
struct CoveragePlan {
  std::vector<CoverageTarget> targets;
  std::string extra_rules;  ///< text of the generated file ("" when there is nothing to add)
};

/// The targets of the project's own declarations (not its imports), in source order.
CoveragePlan PlanCoverage(const sema::CheckedProject& project, const diag::SourceManager& sources);

/// Records which outcomes `result` (a run of the project with `extra_rules`) produced.
void TallyCoverage(const rt::RunResult& result, std::vector<CoverageTarget>& targets);

/// True for the generated segments, which tests and reports leave out.
bool IsCoverageOutput(const std::string& name);

}  // namespace segc::cli
