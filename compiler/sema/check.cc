// CheckProject: runs sema's passes in order over the project and its modules.
#include "compiler/sema/check.h"

#include "compiler/sema/detail/context.h"

namespace segc::sema {
namespace detail {

ExprInfo& Context::Info(ast::NodeId id) {
  if (id >= project.exprs.size()) project.exprs.resize(id + 1);
  return project.exprs[id];
}

}  // namespace detail

namespace {

/// Modules before their importers, so member types are known when an importer is typed.
void PostOrder(const CheckedProject& project, uint32_t unit, std::vector<bool>& seen,
               std::vector<uint32_t>& out) {
  if (seen[unit]) return;
  seen[unit] = true;
  for (const Import& import : project.units[unit]->imports) {
    if (import.unit != kNone) PostOrder(project, import.unit, seen, out);
  }
  out.push_back(unit);
}

void Summarize(CheckedProject& project, size_t files) {
  Summary& summary = project.summary;
  summary.files = files;
  summary.modules = project.instances.empty() ? 0 : project.instances.size() - 1;
  for (const DeclRef& ref : project.order) {
    switch (project.units[project.instances[ref.instance].unit]->decls[ref.decl].kind) {
      case DeclKind::kSegment:
        ++summary.segments;
        break;
      case DeclKind::kScore:
        ++summary.scores;
        break;
      case DeclKind::kClassify:
        ++summary.classifications;
        break;
      case DeclKind::kMeasure:
        ++summary.measures;
        break;
      case DeclKind::kLet:
        ++summary.lets;
        break;
      default:
        break;
    }
  }
  for (const DeclInfo& decl : project.project().decls) {
    if (decl.kind == DeclKind::kParam) ++summary.params;
  }
}

}  // namespace

std::unique_ptr<CheckedProject> CheckProject(std::vector<std::unique_ptr<ast::File>> files,
                                             diag::SourceManager& sources,
                                             ast::NodeIdAllocator& ids, diag::DiagnosticSink& sink,
                                             const CheckOptions& options) {
  auto project = std::make_unique<CheckedProject>();
  detail::Context ctx{*project, sources, ids, sink, options};
  auto root = std::make_unique<Unit>();
  for (const auto& file : files) {
    if (file != nullptr) root->files.push_back(file.get());
  }
  size_t file_count = root->files.size();
  project->files = std::move(files);
  detail::CollectSchema(ctx, root->files);
  detail::CollectEvents(ctx, root->files);
  project->units.push_back(std::move(root));
  detail::CollectUnit(ctx, *project->units[0]);
  detail::LoadModules(ctx);
  // Every node now exists: size the side table once so entries never move.
  project->exprs.resize(ids.Next() + 1);
  for (uint32_t unit = 0; unit < project->units.size(); ++unit) detail::ResolveUnit(ctx, unit);
  detail::OrderProject(ctx);
  std::vector<bool> seen(project->units.size(), false);
  std::vector<uint32_t> units;
  PostOrder(*project, 0, seen, units);
  for (uint32_t unit : units) {
    detail::TypeCheckUnit(ctx, unit);
    detail::CheckBindings(ctx, unit);
    detail::CheckBoundConstants(ctx, unit);
    detail::WarnUnit(ctx, unit);
  }
  detail::CheckActivation(ctx);
  Summarize(*project, file_count);
  return project;
}

}  // namespace segc::sema
