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

/// A param value given to a run for a param that is not a run input: it must be the value the
/// program was compiled with.
Status CheckCompiledParam(const PlannedRules& rules, const std::string& name,
                          const std::string& text) {
  if (std::find(rules.param_names.begin(), rules.param_names.end(), name) ==
      rules.param_names.end()) {
    return Status::InvalidArgument("unknown param '" + name +
                                   "'; --param names a `param` declared in the rules");
  }
  auto it = rules.compiled_params.find(name);
  if (it != rules.compiled_params.end() && it->second == text) return Status::Ok();
  return Status::InvalidArgument("param '" + name +
                                 "' (a duration or a string) is compiled into the program; "
                                 "compile with the value '" +
                                 text + "' to use it");
}

rt::RunInputValue ValueOf(ir::Type type, const ir::Payload& payload) {
  rt::RunInputValue value{};
  value.valid = 1;
  if (type == ir::Type::kFloat) {
    value.f64 = payload.f;
  } else {
    value.i64 = payload.i;
  }
  return value;
}

}  // namespace

Result<std::vector<rt::RunInputValue>> RunInputValues(const PlannedRules& rules,
                                                      const RunInputs& inputs) {
  const std::vector<ir::RunInput>& declared = rules.logical->run_inputs;
  std::vector<ir::Payload> payloads;
  for (const ir::RunInput& input : declared) payloads.push_back(input.value);
  payloads[ir::kAsOfInput].i = inputs.as_of;
  for (const auto& [name, text] : inputs.params) {
    auto it = std::find_if(declared.begin() + 1, declared.end(),
                           [&](const ir::RunInput& in) { return in.name == name; });
    if (it == declared.end()) {
      SEGC_RETURN_IF_ERROR(CheckCompiledParam(rules, name, text));
      continue;
    }
    SEGC_TRY(ir::Payload value, ir::RunInputValue(*it, text));
    if (it->pinned && !(value == it->value)) {
      return Status::InvalidArgument("param '" + name +
                                     "' is used where the compiler needs a constant (a tile "
                                     "count, a quantile, a number of digits); compile with "
                                     "the value '" +
                                     text + "' to use it");
    }
    payloads[size_t(it - declared.begin())] = value;
  }
  std::vector<rt::RunInputValue> values;
  for (size_t i = 0; i < declared.size(); ++i)
    values.push_back(ValueOf(declared[i].type, payloads[i]));
  return values;
}

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

namespace {

// Constructs that type-check but that the engine cannot run yet (plan::FindUnsupported) are
// errors of the check, with their range, rather than failures of `segc run`. The project is
// lowered with its params' defaults; a param without one makes lowering fail here, and the
// construct is then reported when the run plans the rules.
void ReportUnsupported(const sema::CheckedProject& project, diag::DiagnosticSink& sink) {
  Result<ir::Program> lowered = ir::Lower(project, {});
  if (!lowered.ok()) return;
  std::optional<plan::Unsupported> found = plan::FindUnsupported(*lowered);
  if (!found) return;
  diag::Diagnostic d = diag::Make(diag::Code::kStringsOfTwoColumns, found->origin, found->message);
  d.label = "this rule combines two string columns";
  d.help =
      "compare the two columns themselves (`a == b`, `a < b` work), or compare each column "
      "with constants (`lower(a) == \"paris\" and lower(b) == \"paris\"`)";
  sink.Report(std::move(d));
}

}  // namespace

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
  CheckedRules out{source.dir, source.files.size(),
                   sema::CheckProject(std::move(files), sources, ids, sema_sink, options)};
  for (const diag::Diagnostic& d : sema_sink.diagnostics()) {
    if (broken && MayComeFromBrokenFile(d.code)) continue;
    sink.Report(d);
  }
  if (!broken && !sema_sink.has_errors()) ReportUnsupported(*out.project, sink);
  return out;
}

std::vector<CheckedRules> CheckPaths(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& lib_dirs,
                                     diag::SourceManager& sources, diag::DiagnosticSink& sink) {
  auto modules =
      std::make_shared<const ModuleLibrary>(lib_dirs, std::map<std::string, std::string>{});
  std::vector<CheckedRules> out;
  for (const ProjectSource& source : ReadProjects(paths, modules, sink)) {
    out.push_back(Check(source, sources, sink));
  }
  return out;
}

std::vector<std::string> ColumnsRead(const PlannedRules& rules, size_t table) {
  const ir::Program& graph = rules.plan->graph;
  const rt::Schema& schema = table == 0 ? rules.schema : rules.event_schemas.at(table - 1);
  std::vector<bool> used(graph.inputs.size(), false);
  for (const ir::Node& node : graph.nodes) {
    if (node.op == ir::Op::kColumn) used[node.payload.index] = true;
  }
  for (const ir::EventTable& t : graph.event_tables) used[t.key_input] = true;  // grouped by it
  std::vector<bool> read(schema.columns.size(), false);
  const int key = schema.FindColumn(schema.key);
  if (table == 0 && key >= 0) read[size_t(key)] = true;  // checked, written by --out, joined on
  for (size_t i = 0; i < graph.inputs.size(); ++i) {
    const ir::Input& in = graph.inputs[i];
    if (!used[i] || in.table != table || in.aggregate >= 0) continue;
    const int col = schema.FindColumn(in.name);
    if (col >= 0) read[size_t(col)] = true;
  }
  std::vector<std::string> names;
  for (size_t c = 0; c < read.size(); ++c) {
    if (read[c]) names.push_back(schema.columns[c].name);
  }
  // A table that nothing reads still has its rows: parse its first column.
  if (names.empty() && !schema.columns.empty()) names.push_back(schema.columns[0].name);
  return names;
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
  Result<plan::PhysicalPlan> planned = plan::Plan(*lowered);
  if (!planned.ok()) {
    CompilePhase phase = planned.status().code() == StatusCode::kInvalidArgument
                             ? CompilePhase::kUnsupported
                             : CompilePhase::kBackend;
    return {nullptr, CompileError{phase, planned.status()}};
  }
  auto rules = std::make_shared<PlannedRules>();
  rules->logical = std::make_shared<const ir::Program>(std::move(lowered).value());
  rules->plan = std::make_shared<const plan::PhysicalPlan>(std::move(planned).value());
  rules->schema = driver::ToRuntimeSchema(project.schema);
  for (const sema::EventSchema& events : project.events) {
    rules->event_schemas.push_back(driver::ToRuntimeSchema(events.table));
  }
  rules->declared_as_of = project.as_of;
  rules->param_names = ParamNames(project);
  rules->compiled_params = params;
  return {std::move(rules), std::nullopt};
}

CompileResult Build(std::shared_ptr<const PlannedRules> rules,
                    const driver::EngineOptions& options) {
  Result<rt::ExecProgram> exec = driver::BuildExecutable(rules->plan, options);
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
  return Run(program, table, {}, inputs);
}

Result<rt::RunResult> Run(const CompiledProgram& program, const rt::Table& table,
                          const std::vector<rt::Table>& event_tables, const RunInputs& inputs) {
  rt::RunOptions options;
  options.threads = inputs.threads;
  options.morsel_rows = inputs.morsel_rows;
  options.allow_unknown_event_keys = inputs.allow_unknown_event_keys;
  SEGC_TRY(options.inputs, RunInputValues(*program.rules, inputs));
  return rt::Execute(program.exec, table, event_tables, options);
}

}  // namespace segc::api
