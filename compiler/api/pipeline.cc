// The pipeline's steps: read, check (parse + sema), compile (lower, plan, kernels), run.
#include "compiler/api/pipeline.h"

#include <algorithm>

#include "compiler/driver/discover.h"
#include "compiler/driver/file_reader.h"
#include "compiler/driver/runtime_schema.h"
#include "compiler/ir/lower.h"
#include "compiler/plan/plan.h"
#include "compiler/sema/check.h"
#include "compiler/syntax/parse.h"

namespace segc::api {
namespace {

/// Codes a check reports when a declaration it needs sits in a file that did not parse.
bool MayComeFromBrokenFile(diag::Code code) {
  return code == diag::Code::kUnknownColumn || code == diag::Code::kUnknownName ||
         code == diag::Code::kNoTable || code == diag::Code::kUnknownKeyColumn;
}

std::vector<std::string> ParamNames(const sema::CheckedProject& project) {
  std::vector<std::string> names;
  for (uint32_t i = 0; i < project.instances.size(); ++i) {
    const sema::Unit& unit = *project.units[project.instances[i].unit];
    for (uint32_t d = 0; d < unit.decls.size(); ++d) {
      if (unit.decls[d].kind == sema::DeclKind::kParam) {
        names.push_back(project.QualifiedName({i, d}));
      }
    }
  }
  return names;
}

}  // namespace

std::vector<ProjectSource> ReadProjects(const std::vector<std::string>& paths,
                                        std::shared_ptr<const ModuleLibrary> modules,
                                        diag::DiagnosticSink& sink) {
  std::vector<ProjectSource> projects;
  for (driver::ProjectSpec& spec : driver::DiscoverProjects(paths, sink)) {
    ProjectSource source{std::move(spec.dir), {}, modules};
    for (const std::string& path : spec.files) {
      if (std::optional<std::string> text = driver::ReadRuleText(path, sink)) {
        source.files.push_back({path, std::move(*text)});
      }
    }
    projects.push_back(std::move(source));
  }
  return projects;
}

CheckedRules Check(const ProjectSource& source, diag::SourceManager& sources,
                   diag::DiagnosticSink& sink) {
  ast::NodeIdAllocator ids;
  std::vector<std::unique_ptr<ast::File>> files;
  bool broken = false;
  for (const RuleText& rule : source.files) {
    diag::FileId id = sources.Add(rule.path, rule.text);
    size_t errors_before = sink.error_count();
    std::unique_ptr<ast::File> file = syntax::Parse(sources, id, ids, sink);
    // A file with syntax errors is left out: the rest is checked on its own.
    if (sink.error_count() > errors_before) {
      broken = true;
    } else if (file) {
      files.push_back(std::move(file));
    }
  }
  sema::CheckOptions options;
  options.modules = source.modules.get();
  diag::DiagnosticSink sema_sink;
  CheckedRules out{source.dir, source.files.size(), sema::CheckProject(std::move(files), sources, ids, sema_sink,
                                                  options)};
  for (const diag::Diagnostic& d : sema_sink.diagnostics()) {
    if (broken && MayComeFromBrokenFile(d.code)) continue;
    sink.Report(d);
  }
  return out;
}

std::vector<CheckedRules> CheckPaths(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& lib_dirs,
                                     diag::SourceManager& sources, diag::DiagnosticSink& sink) {
  auto modules = std::make_shared<const ModuleLibrary>(lib_dirs, std::map<std::string, std::string>{});
  std::vector<CheckedRules> out;
  for (const ProjectSource& source : ReadProjects(paths, modules, sink)) {
    out.push_back(Check(source, sources, sink));
  }
  return out;
}

PlanResult Plan(const sema::CheckedProject& project,
                const std::map<std::string, std::string>& params) {
  Result<ir::Program> lowered = ir::Lower(project, {params});
  if (!lowered.ok()) {
    CompilePhase phase = lowered.status().code() == StatusCode::kInvalidArgument
                             ? CompilePhase::kParams
                             : CompilePhase::kBackend;
    return {nullptr, CompileError{phase, lowered.status()}};
  }
  Result<ir::Program> planned = plan::Plan(*lowered);
  if (!planned.ok()) {
    CompilePhase phase = planned.status().code() == StatusCode::kInvalidArgument
                             ? CompilePhase::kUnsupported
                             : CompilePhase::kBackend;
    return {nullptr, CompileError{phase, planned.status()}};
  }
  auto rules = std::make_shared<PlannedRules>();
  rules->logical = std::make_shared<const ir::Program>(std::move(lowered).value());
  rules->planned = std::make_shared<const ir::Program>(std::move(planned).value());
  rules->schema = driver::ToRuntimeSchema(project.schema);
  rules->declared_as_of = project.as_of;
  rules->param_names = ParamNames(project);
  return {std::move(rules), std::nullopt};
}

CompileResult Build(std::shared_ptr<const PlannedRules> rules,
                    const driver::EngineOptions& options) {
  Result<rt::ExecProgram> exec = driver::BuildExecutable(rules->planned, options);
  if (!exec.ok()) return {nullptr, CompileError{CompilePhase::kBackend, exec.status()}};
  auto program = std::make_shared<CompiledProgram>();
  program->rules = std::move(rules);
  program->exec = std::move(exec).value();
  return {std::move(program), std::nullopt};
}

CompileResult Compile(const sema::CheckedProject& project, const CompileOptions& options) {
  PlanResult planned = Plan(project, options.params);
  if (planned.error) return {nullptr, planned.error};
  return Build(std::move(planned.rules), options.engine);
}

Result<rt::RunResult> Run(const CompiledProgram& program, const rt::Table& table,
                          const RunInputs& inputs) {
  rt::RunOptions options;
  options.threads = inputs.threads;
  options.morsel_rows = inputs.morsel_rows;
  segc_stat_value as_of{};
  as_of.i64 = inputs.as_of;
  as_of.f64 = double(inputs.as_of);
  as_of.valid = 1;
  options.inputs = {as_of};
  return rt::Execute(program.exec, table, options);
}

}  // namespace segc::api
