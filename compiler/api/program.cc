// The C++ embedding API (segc/segc.hpp) over the pipeline (compiler/api/pipeline.h).
#include <chrono>
#include <filesystem>

#include "compiler/api/pipeline.h"
#include "compiler/diag/render.h"
#include "compiler/ir/calendar.h"
#include "segc/segc.hpp"

namespace segc {

/// What a Program shares between its copies: the compiled program and its output names.
struct Program::Impl {
  std::shared_ptr<const api::CompiledProgram> compiled;
  OutputNames outputs;
};

namespace {

int32_t TodayUtc() {
  auto now = std::chrono::system_clock::now();
  return int32_t(std::chrono::floor<std::chrono::days>(now).time_since_epoch().count());
}

Diagnostic ToPublic(const diag::SourceManager& sources, const diag::Diagnostic& d) {
  Diagnostic out;
  out.code = std::string(diag::Info(d.code).id);
  out.severity = d.severity == diag::Severity::kError     ? Severity::kError
                 : d.severity == diag::Severity::kWarning ? Severity::kWarning
                                                          : Severity::kNote;
  if (d.range.file != diag::kNoFile) {
    out.file = sources.file(d.range.file).path;
    diag::LineCol at = sources.Locate(d.range.file, d.range.begin);
    out.line = int(at.line);
    out.column = int(at.column);
  }
  out.message = d.message;
  out.help = d.help;
  out.rendered = diag::RenderText(sources, {d}, {});
  return out;
}

/// The one project `source` names, read into memory.
Result<api::ProjectSource> Load(const ProjectSource& source, diag::DiagnosticSink& sink) {
  auto modules =
      std::make_shared<const api::ModuleLibrary>(source.library_dirs(), source.modules());
  if (source.texts().empty()) {
    std::vector<api::ProjectSource> projects = api::ReadProjects(source.paths(), modules, sink);
    if (projects.size() != 1 && !sink.has_errors()) {
      return Status::InvalidArgument("the paths name " + std::to_string(projects.size()) +
                                     " rule projects; name exactly one");
    }
    if (projects.empty()) return api::ProjectSource{"", {}, modules};
    return std::move(projects.front());
  }
  api::ProjectSource out{
      std::filesystem::path(source.texts().front().path).parent_path(), {}, modules};
  for (const SourceText& text : source.texts()) out.files.push_back({text.path, text.text});
  return out;
}

OutputNames NamesOf(const rt::ExecProgram& exec) {
  OutputNames names;
  for (const rt::ExecOutput& o : exec.outputs) {
    auto& list = o.kind == rt::OutputKind::kSegment   ? names.segments
                 : o.kind == rt::OutputKind::kScore   ? names.scores
                 : o.kind == rt::OutputKind::kMeasure ? names.measures
                                                      : names.classes;
    list.push_back(o.name);
  }
  return names;
}

driver::EngineOptions EngineOf(const CompileOptions& options) {
  driver::EngineOptions engine;
  engine.engine =
      options.engine == Engine::kInterpreter ? driver::Engine::kInterp : driver::Engine::kJit;
  engine.opt_level = options.opt_level < 0 ? 2 : options.opt_level;
  engine.threads = std::max(options.compile_threads, 1);
  engine.cache_dir = options.cache_dir;
  return engine;
}

}  // namespace

ProjectSource ProjectSource::FromPaths(std::vector<std::string> paths) {
  ProjectSource source;
  source.paths_ = std::move(paths);
  return source;
}

ProjectSource ProjectSource::FromTexts(std::vector<SourceText> files) {
  ProjectSource source;
  source.texts_ = std::move(files);
  return source;
}

ProjectSource& ProjectSource::AddLibraryDir(std::string dir) {
  library_dirs_.push_back(std::move(dir));
  return *this;
}

ProjectSource& ProjectSource::AddModule(std::string name, std::string text) {
  modules_[std::move(name)] = std::move(text);
  return *this;
}

Result<Program> Program::Compile(const ProjectSource& source, const CompileOptions& options,
                                 std::vector<Diagnostic>* diagnostics) {
  if (options.opt_level > 3) return Status::InvalidArgument("opt_level must be -1 or 0..3");
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  Result<api::ProjectSource> project = Load(source, sink);
  std::optional<api::CheckedRules> checked;
  if (project.ok() && !project->files.empty()) checked = api::Check(*project, sources, sink);
  sink.Sort();
  if (diagnostics != nullptr) {
    for (const diag::Diagnostic& d : sink.diagnostics()) {
      diagnostics->push_back(ToPublic(sources, d));
    }
  }
  if (!project.ok()) return project.status();
  if (sink.has_errors()) {
    return Status::InvalidArgument(std::to_string(sink.error_count()) + " error" +
                                   (sink.error_count() == 1 ? "" : "s") + " in the rules");
  }
  if (!checked) return Status::InvalidArgument("the project has no rule files");
  api::CompileResult compiled =
      api::Compile(*checked->project, {EngineOf(options), options.params});
  if (compiled.error) {
    const Status& status = compiled.error->status;
    return compiled.error->phase == api::CompilePhase::kBackend
               ? Status::Internal(status.message())
               : Status::InvalidArgument(status.message());
  }
  auto impl = std::make_shared<Impl>();
  impl->compiled = std::move(compiled.program);
  impl->outputs = NamesOf(impl->compiled->exec);
  return Program(std::move(impl));
}

Result<rt::RunResult> Program::Run(const rt::Table& table, const RunInputs& inputs) const {
  api::RunInputs run;
  run.as_of = inputs.as_of.value_or(impl_->compiled->rules->declared_as_of.value_or(TodayUtc()));
  run.params = inputs.params;
  run.threads = inputs.threads;
  return api::Run(*impl_->compiled, table, run);
}

const rt::Schema& Program::schema() const { return impl_->compiled->rules->schema; }

const OutputNames& Program::outputs() const { return impl_->outputs; }

std::optional<int32_t> Program::declared_as_of() const {
  return impl_->compiled->rules->declared_as_of;
}

Result<int32_t> ParseDate(std::string_view text) {
  if (std::optional<int32_t> days = ir::ParseIsoDate(text)) return *days;
  return Status::InvalidArgument("invalid date '" + std::string(text) +
                                 "'; write it as YYYY-MM-DD, e.g. 2026-11-01");
}

std::string FormatDate(int32_t days) { return ir::FormatDate(days); }

}  // namespace segc
