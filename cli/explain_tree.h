// `segc explain`: the tree of a declaration's expressions as written, and the generated rules
// that make every sub-expression's value an output of one ordinary run (docs/cli.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"

namespace segc::cli {

/// One line of an explanation: an expression as written and where its value is read.
struct ExplainNode {
  enum class From {
    kNone,     ///< no value of its own (an `otherwise` arm)
    kSegment,  ///< membership in segment `output`
    kScore,    ///< score `output` (number; `days` : a date as days before as_of)
    kClass,    ///< classify `output`; generated bool classes have labels "true"/"false"
    kColumn,   ///< column `output` of the table
    kText,     ///< `text_value`, shown as is (a param's value)
  };
  std::string text;  ///< "cltv > p90", "p90(cltv)", "+10 when employees > 50"
  From from = From::kNone;
  std::string output;
  bool is_int = false;   ///< a number to show without decimals
  bool days = false;     ///< kScore holding days_since(date): the date is as_of - value
  bool as_bool = false;  ///< kClass generated for a bool: "true"/"false"/null
  std::string text_value;
  std::vector<ExplainNode> children;
};

/// A segment, score or classify of the project to explain.
struct ExplainDecl {
  std::string kind;  ///< segment, score, classify
  std::string name;
  ExplainNode root;
};

struct ExplainPlan {
  std::vector<ExplainDecl> decls;
  std::string extra_rules;  ///< the generated outputs (`__segc_x_N`), one rule file
};

/// The explanation of the project's own segments, scores and classifies (only the one named
/// `only` when not empty; empty `decls` when there is none). `params` are the run's param values
/// (overrides of the declared defaults), shown for params the expressions use.
ExplainPlan PlanExplain(const sema::CheckedProject& project, const diag::SourceManager& sources,
                        const std::string& only, const std::map<std::string, std::string>& params);

/// The top-level `and` conditions of segment `name`'s `where` (one when it is not an `and`),
/// as written, and generated segments `__segc_step_K` holding the first K of them; empty when
/// the project has no such segment.
struct FunnelPlan {
  std::vector<std::string> steps;
  std::string extra_rules;
};
FunnelPlan PlanFunnel(const sema::CheckedProject& project, const diag::SourceManager& sources,
                      const std::string& name);

/// The generated output of funnel step `k` (0-based).
std::string FunnelOutput(size_t k);

/// True for the outputs explain and funnel generate.
bool IsExplainOutput(const std::string& name);

}  // namespace segc::cli
