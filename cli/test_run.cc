// One test file: parse it, check its project (with coverage segments when asked), then per test
// compile (once per set of params), load the fixtures, run, and check the expectations.
#include "cli/test_run.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/load_rules.h"
#include "cli/run_inputs.h"
#include "cli/test_expect.h"
#include "cli/test_file.h"
#include "cli/test_fixture.h"
#include "compiler/api/pipeline.h"
#include "segc/events.h"

namespace segc::cli {
namespace {

/// A checked project and the sources its diagnostics and sizes refer to.
struct Loaded {
  diag::SourceManager sources;
  api::CheckedRules checked;
};

using Params = std::map<std::string, std::string>;

class FileRunner {
 public:
  FileRunner(const TestFile& file, const TestOptions& options, std::vector<CaseResult>& results)
      : file_(file), options_(options), results_(results) {}

  /// Checks the project; false (with every test failed) when that is not possible.
  bool Load(std::vector<ProjectCoverage>& coverage) {
    auto modules =
        std::make_shared<const api::ModuleLibrary>(LibDirs(), std::map<std::string, std::string>{});
    diag::DiagnosticSink read_sink;
    std::vector<api::ProjectSource> projects = api::ReadProjects({file_.rules}, modules, read_sink);
    if (projects.size() != 1 || read_sink.has_errors()) {
      diag::SourceManager none;
      RenderDiagnostics(none, read_sink, options_.color);
      return FailAll(fmt::format(
          "cannot read the rules '{}' (one project directory or its .seg files)", file_.rules));
    }
    source_ = std::move(projects[0]);
    loaded_ = Check(source_);
    if (!loaded_)
      return FailAll(fmt::format("the rules '{}' have errors (shown above)", file_.rules));
    if (!options_.coverage) return true;
    CoveragePlan plan = PlanCoverage(*loaded_->checked.project, loaded_->sources);
    coverage_ = Find(coverage, plan);
    if (plan.extra_rules.empty()) return true;
    api::ProjectSource covered = source_;
    covered.files.push_back({source_.dir + "/<coverage>.seg", plan.extra_rules});
    loaded_ = Check(covered);
    return loaded_ ? true : FailAll("internal error: the coverage segments do not check (above)");
  }

  void RunAll() {
    for (const TestCase& test : file_.tests) {
      auto start = std::chrono::steady_clock::now();
      CaseResult result{file_.path, test.name, {}, 0};
      RunOne(test, result.failures);
      result.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      results_.push_back(std::move(result));
    }
  }

 private:
  std::vector<std::string> LibDirs() const {
    std::vector<std::string> dirs = options_.lib_dirs;
    dirs.insert(dirs.end(), file_.lib_dirs.begin(), file_.lib_dirs.end());
    return dirs;
  }

  std::unique_ptr<Loaded> Check(const api::ProjectSource& source) {
    auto loaded = std::make_unique<Loaded>();
    diag::DiagnosticSink sink;
    loaded->checked = api::Check(source, loaded->sources, sink);
    if (!sink.has_errors()) return loaded;
    RenderDiagnostics(loaded->sources, sink, options_.color);
    return nullptr;
  }

  ProjectCoverage* Find(std::vector<ProjectCoverage>& coverage, CoveragePlan& plan) {
    for (ProjectCoverage& project : coverage) {
      if (project.rules == file_.rules) return &project;
    }
    coverage.push_back({file_.rules, std::move(plan.targets)});
    return &coverage.back();
  }

  bool FailAll(const std::string& why) {
    for (const TestCase& test : file_.tests) results_.push_back({file_.path, test.name, {why}, 0});
    return false;
  }

  std::string Place(const TestPlace& at) const {
    return fmt::format("{}:{}:{}", file_.path, at.line, at.column);
  }

  void RunOne(const TestCase& test, std::vector<std::string>& failures) {
    const sema::CheckedProject& project = *loaded_->checked.project;
    UsageProblem problem;
    std::vector<std::string> flags;
    for (const auto& params : {file_.params, test.params}) {
      for (const auto& [name, value] : params) flags.push_back(name + "=" + value);
    }
    // A test's param replaces the file's: ParseParams refuses a name given twice.
    Params merged;
    for (const std::string& flag : flags) merged[flag.substr(0, flag.find('='))] = flag;
    flags.clear();
    for (const auto& [name, flag] : merged) flags.push_back(flag);
    std::optional<Params> params = ParseParams(flags, ParamNames(project), &problem);
    const std::optional<std::string>& as_of_text = test.as_of ? test.as_of : file_.as_of;
    std::optional<int32_t> as_of =
        params ? ResolveAsOf(as_of_text.value_or(""), project.as_of, TodayUtc(), &problem)
               : std::nullopt;
    if (!as_of) {
      failures.push_back(fmt::format("{}: {}", Place(test.at), problem.message));
      return;
    }
    for (auto& [name, value] : *params) value = QuoteStringParam(project, name, value);
    std::shared_ptr<const api::CompiledProgram> program = Compile(*params, failures);
    if (!program) return;
    Execute(test, *program, *as_of, *params, failures);
  }

  std::shared_ptr<const api::CompiledProgram> Compile(const Params& params,
                                                      std::vector<std::string>& failures) {
    if (auto it = compiled_.find(params); it != compiled_.end()) return it->second;
    api::PlanResult planned = api::Plan(*loaded_->checked.project, params);
    if (planned.error) {
      failures.push_back("cannot compile the rules: " + planned.error->status.message());
      return nullptr;
    }
    driver::EngineOptions engine;
    engine.engine = options_.engine == "jit" ? driver::Engine::kJit : driver::Engine::kInterp;
    api::CompileResult built = api::Build(planned.rules, engine);
    if (built.error) {
      failures.push_back("internal error: " + built.error->status.message());
      return nullptr;
    }
    return compiled_[params] = built.program;
  }

  /// The fixture of table `name` (`customers` also matches an unnamed fixture): the test's own,
  /// else the file's.
  const Fixture* FixtureFor(const TestCase& test, const std::string& name, bool customers) const {
    for (const auto* list : {&test.fixtures, &file_.fixtures}) {
      for (const Fixture& f : *list) {
        if (f.table == name || (customers && f.table.empty())) return &f;
      }
    }
    return nullptr;
  }

  /// Fixtures naming a table the rules do not declare.
  bool UnknownTables(const TestCase& test, const api::PlannedRules& rules,
                     std::vector<std::string>& failures) const {
    std::vector<std::string> tables = {rules.schema.table_name};
    for (const rt::Schema& e : rules.event_schemas) tables.push_back(e.table_name);
    for (const auto* list : {&test.fixtures, &file_.fixtures}) {
      for (const Fixture& f : *list) {
        if (f.table.empty() || std::find(tables.begin(), tables.end(), f.table) != tables.end())
          continue;
        failures.push_back(fmt::format("{}: no table '{}' in the rules (tables: {})", Place(f.at),
                                       f.table, fmt::join(tables, ", ")));
      }
    }
    return !failures.empty();
  }

  std::optional<rt::Table> Load(const Fixture& fixture, const rt::Schema& schema, bool key,
                                std::vector<std::string>& failures) {
    std::string error;
    Result<rt::Table> table = LoadFixture(fixture, file_.path, schema, key, &error);
    if (table.ok()) return std::move(table).value();
    failures.push_back(fmt::format("{}: the {} of table '{}' does not load:\n{}", Place(fixture.at),
                                   fixture.sample ? "sample" : "fixture", schema.table_name,
                                   error));
    return std::nullopt;
  }

  void Execute(const TestCase& test, const api::CompiledProgram& program, int32_t as_of,
               const Params& params, std::vector<std::string>& failures) {
    const api::PlannedRules& rules = *program.rules;
    if (UnknownTables(test, rules, failures)) return;
    bool fixtures_only = true;
    std::vector<rt::Table> events;
    std::vector<const rt::Column*> event_keys;
    for (const rt::Schema& schema : rules.event_schemas) {
      const Fixture* f = FixtureFor(test, schema.table_name, false);
      if (f == nullptr) {
        failures.push_back(
            fmt::format("{}: no fixture for events '{}'", Place(test.at), schema.table_name));
        return;
      }
      fixtures_only &= !f->sample;
      std::optional<rt::Table> table = Load(*f, schema, false, failures);
      if (!table) return;
      events.push_back(std::move(*table));
    }
    for (size_t i = 0; i < events.size(); ++i)
      event_keys.push_back(events[i].GetColumn(rules.event_schemas[i].key));
    std::optional<rt::Table> customers;
    if (const Fixture* f = FixtureFor(test, rules.schema.table_name, true)) {
      fixtures_only &= !f->sample;
      customers = Load(*f, rules.schema, true, failures);
      if (!customers) return;
    } else if (!events.empty()) {  // as `segc run`: the customers are the events' keys
      Result<rt::Table> keys = rt::CustomersFromEvents(rules.schema.key, event_keys);
      if (!keys.ok()) {
        failures.push_back(keys.status().message());
        return;
      }
      customers = std::move(keys).value();
    } else {
      failures.push_back(
          fmt::format("{}: no fixture for table '{}'", Place(test.at), rules.schema.table_name));
      return;
    }
    api::RunInputs inputs;
    inputs.as_of = as_of;
    inputs.params = params;
    Result<rt::RunResult> result = api::Run(program, *customers, events, inputs);
    if (!result.ok()) {
      failures.push_back(
          fmt::format("{}: the run failed: {}", Place(test.at), result.status().message()));
      return;
    }
    TestRun run{&*result, &*customers, rules.schema.key, loaded_->checked.project.get(),
                &loaded_->sources};
    for (const Expectation& e : test.expects) {
      std::string why = CheckExpectation(e, run);
      if (!why.empty())
        failures.push_back(fmt::format("{}: expect {}\n{}", Place(e.at), e.text, why));
    }
    if (coverage_ != nullptr && fixtures_only) TallyCoverage(*result, coverage_->targets);
  }

  const TestFile& file_;
  const TestOptions& options_;
  std::vector<CaseResult>& results_;
  api::ProjectSource source_;
  std::unique_ptr<Loaded> loaded_;
  ProjectCoverage* coverage_ = nullptr;
  std::map<Params, std::shared_ptr<const api::CompiledProgram>> compiled_;
};

}  // namespace

void RunTestFile(const std::string& path, const TestOptions& options,
                 std::vector<CaseResult>& results, std::vector<ProjectCoverage>& coverage) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    results.push_back({path, "(test file)", {fmt::format("cannot read '{}'", path)}, 0});
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::vector<TestFileError> errors;
  std::optional<TestFile> file = ParseTestFile(path, text.str(), errors);
  if (!file) {
    CaseResult result{path, "(test file)", {}, 0};
    for (const TestFileError& e : errors) {
      std::string line = FormatTestFileError(path, e);
      line.pop_back();
      result.failures.push_back(line);
    }
    results.push_back(std::move(result));
    return;
  }
  FileRunner runner(*file, options, results);
  if (runner.Load(coverage)) runner.RunAll();
}

}  // namespace segc::cli
