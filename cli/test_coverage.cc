// Coverage targets from the checked project's syntax; their values come from ordinary runs of
// the project with generated segments added (no evaluator of its own).
#include "cli/test_coverage.h"

#include <fmt/format.h>

#include <unordered_map>

#include "compiler/ast/ast.h"

namespace segc::cli {
namespace {

constexpr std::string_view kPrefix = "__segc_cover_";

class Planner {
 public:
  Planner(const diag::SourceManager& sources, CoveragePlan& plan)
      : sources_(sources), plan_(plan) {}

  void Decl(const sema::DeclInfo& decl) {
    std::visit(ast::Overloaded{
                   [&](const ast::SegmentDecl&) {
                     plan_.targets.push_back({"segment " + decl.name, decl.name});
                   },
                   [&](const ast::ScoreDecl& d) {
                     for (const ast::ScoreRule& rule : d.rules) {
                       if (!rule.when) continue;  // `+EXPR` always applies: nothing to cover
                       Condition(fmt::format("score {}: {}", decl.name,
                                             diag::OneLine(sources_.Text(rule.range))),
                                 *rule.when);
                     }
                   },
                   [&](const ast::ClassifyDecl& d) {
                     for (const ast::ClassifyArm& arm : d.arms) {
                       if (!arm.when) continue;  // `otherwise` has no condition of its own
                       Condition(fmt::format("classify {}: {}", decl.name,
                                             diag::OneLine(sources_.Text(arm.range))),
                                 *arm.when);
                     }
                   },
                   [](const auto&) {},
               },
               decl.ast->kind);
  }

 private:
  void Condition(std::string what, const ast::Expr& when) {
    std::string name = fmt::format("{}{}", kPrefix, plan_.targets.size());
    // On lines of their own: a comment inside the condition ends at its newline.
    plan_.extra_rules +=
        fmt::format("segment {} where (\n{}\n)\n", name, sources_.Text(when.range));
    plan_.targets.push_back({std::move(what), name});
  }

  const diag::SourceManager& sources_;
  CoveragePlan& plan_;
};

}  // namespace

CoveragePlan PlanCoverage(const sema::CheckedProject& project, const diag::SourceManager& sources) {
  CoveragePlan plan;
  Planner planner(sources, plan);
  for (const sema::DeclInfo& decl : project.project().decls) {
    if (decl.ast != nullptr) planner.Decl(decl);
  }
  return plan;
}

void TallyCoverage(const rt::RunResult& result, std::vector<CoverageTarget>& targets) {
  std::unordered_map<std::string, const rt::SegmentResult*> segments;
  for (const rt::SegmentResult& s : result.segments) segments[s.name] = &s;
  for (CoverageTarget& target : targets) {
    auto it = segments.find(target.output);
    if (it == segments.end()) continue;
    target.seen_true |= it->second->count > 0;
    target.seen_false |= it->second->count < result.rows;
  }
}

bool IsCoverageOutput(const std::string& name) { return name.rfind(kPrefix, 0) == 0; }

}  // namespace segc::cli
