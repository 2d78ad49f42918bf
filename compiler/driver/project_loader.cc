// Discover → read → parse → check, one project at a time.
#include "compiler/driver/project_loader.h"

#include "compiler/driver/file_reader.h"
#include "compiler/sema/check.h"
#include "compiler/syntax/parse.h"

namespace segc::driver {
namespace {

LoadedProject LoadOne(ProjectSpec spec, const LoadOptions& options, diag::SourceManager& sources,
                      diag::DiagnosticSink& sink) {
  size_t errors_before = sink.error_count();
  ast::NodeIdAllocator ids;
  std::vector<std::unique_ptr<ast::File>> files;
  for (const std::string& path : spec.files) {
    std::optional<diag::FileId> id = ReadRuleFile(path, sources, sink);
    if (!id) continue;
    if (auto file = syntax::Parse(sources, *id, ids, sink)) files.push_back(std::move(file));
  }
  LoadedProject loaded{std::move(spec), nullptr};
  if (sink.error_count() > errors_before) return loaded;
  sema::CheckOptions check_options{options.lib_dirs};
  loaded.checked = sema::CheckProject(std::move(files), sources, ids, sink, check_options);
  return loaded;
}

}  // namespace

std::vector<LoadedProject> LoadProjects(const std::vector<std::string>& paths,
                                        const LoadOptions& options, diag::SourceManager& sources,
                                        diag::DiagnosticSink& sink) {
  std::vector<LoadedProject> projects;
  for (ProjectSpec& spec : DiscoverProjects(paths, sink)) {
    projects.push_back(LoadOne(std::move(spec), options, sources, sink));
  }
  return projects;
}

}  // namespace segc::driver
