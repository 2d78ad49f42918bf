// libFuzzer target for the whole check pipeline: the input is a rule file. It is parsed and
// checked (against a fixed schema put in front of it when it declares no table), its
// diagnostics go through every renderer, and a program without errors is lowered, planned and
// run by the interpreter on a few rows of every column (with nulls). Nothing may crash; a run
// may fail only on its data, never with an internal error (issue 19: what `segc check` accepts,
// `segc run` runs). The JIT is left out: compile cost would dominate every execution.
//   build-fuzz/tests/fuzz/segc_check_fuzzer -dict=tests/fuzz/check.dict tests/fuzz/corpus/check
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/driver/runtime_schema.h"
#include "compiler/interp/interp.h"
#include "compiler/ir/lower.h"
#include "compiler/plan/plan.h"
#include "compiler/sema/check.h"
#include "compiler/syntax/parse.h"
#include "tests/fuzz/fuzz_table.h"

namespace segc::fuzz {
namespace {

// Every column type, a date with a format and an event table, so that fuzzed programs which
// do not declare their own table still reach the type checker, the planner and the engine.
constexpr std::string_view kSchema = R"(table customers key id {
  id: int
  age: int
  spend: float
  vip: bool
  last_purchase: date
  birth: date("%d/%m/%Y")
  city: string
  tier: enum("bronze", "silver", "gold")
}
events orders of customers by id at day {
  id: int
  day: date
  amount: float
  channel: string
}
)";

constexpr int32_t kAsOf = 20758;  // 2026-11-01, when the rules declare no as_of

bool DeclaresTable(const ast::File& file) {
  for (const ast::Decl& decl : file.decls) {
    if (std::holds_alternative<ast::TableDecl>(decl.kind)) return true;
  }
  return false;
}

/// Parses `text` as rules.seg (plus the fixed schema when it has no table) and checks it. As
/// the pipeline does (compiler/api), a file with syntax errors is not given to the checker.
std::unique_ptr<sema::CheckedProject> Check(std::string_view text, diag::SourceManager& sources,
                                            diag::DiagnosticSink& sink) {
  ast::NodeIdAllocator ids;
  std::vector<std::unique_ptr<ast::File>> files;
  std::unique_ptr<ast::File> rules =
      syntax::Parse(sources, sources.Add("rules.seg", std::string(text)), ids, sink);
  if (rules == nullptr || !DeclaresTable(*rules)) {
    files.push_back(
        syntax::Parse(sources, sources.Add("schema.seg", std::string(kSchema)), ids, sink));
  }
  if (rules != nullptr && !sink.has_errors()) files.push_back(std::move(rules));
  return sema::CheckProject(std::move(files), sources, ids, sink, {});
}

/// JSON and SARIF must be JSON whatever the rule text holds (control bytes, bad UTF-8).
void ExpectJson(const std::string& text) {
  if (nlohmann::json::parse(text, nullptr, false).is_discarded()) __builtin_trap();
}

void RenderAll(const diag::SourceManager& sources, const std::vector<diag::Diagnostic>& diags) {
  diag::RenderOptions options;
  options.tool_version = "fuzz";
  diag::RenderText(sources, diags, options);
  ExpectJson(diag::RenderJson(sources, diags, options));
  ExpectJson(diag::RenderSarif(sources, diags, options));
  diag::RenderGithub(sources, diags, options);
  options.color = true;
  options.max_errors = 0;  // every diagnostic, not the first 50
  diag::RenderText(sources, diags, options);
}

/// A failure of an accepted program is allowed only when it is about the data or a documented
/// limit; an internal error is a bug.
void ExpectNotInternal(const Status& status) {
  if (status.code() == StatusCode::kInternal) __builtin_trap();
}

/// as_of, then every param at its declared value (api::RunInputValues without overrides).
std::vector<rt::RunInputValue> RunInputs(const ir::Program& program, int32_t as_of) {
  std::vector<rt::RunInputValue> values;
  for (const ir::RunInput& input : program.run_inputs) {
    rt::RunInputValue value{};
    value.valid = 1;
    if (input.type == ir::Type::kFloat) {
      value.f64 = input.value.f;
    } else {
      value.i64 = input.value.i;
    }
    values.push_back(value);
  }
  values[ir::kAsOfInput].i64 = as_of;
  return values;
}

void Execute(const sema::CheckedProject& project, const ir::Program& logical,
             std::shared_ptr<const plan::PhysicalPlan> plan) {
  rt::ExecProgram program = interp::InterpretedProgram(std::move(plan));
  rt::Table customers = CustomerTable(driver::ToRuntimeSchema(project.schema));
  std::vector<rt::Table> events;
  for (const sema::EventSchema& table : project.events) {
    events.push_back(EventTable(driver::ToRuntimeSchema(table.table)));
  }
  rt::RunOptions options;
  options.inputs = RunInputs(logical, project.as_of.value_or(kAsOf));
  options.threads = 1;
  options.morsel_rows = 64;
  options.allow_unknown_event_keys = true;  // the last event row's key is null
  Result<rt::RunResult> result = rt::Execute(program, customers, events, options);
  if (!result.ok()) ExpectNotInternal(result.status());
}

void LowerPlanRun(const sema::CheckedProject& project) {
  Result<ir::Program> logical = ir::Lower(project, {});
  if (!logical.ok()) return ExpectNotInternal(logical.status());
  Result<plan::PhysicalPlan> plan = plan::Plan(*logical);
  if (!plan.ok()) return ExpectNotInternal(plan.status());
  Execute(project, *logical, std::make_shared<const plan::PhysicalPlan>(std::move(plan).value()));
}

}  // namespace
}  // namespace segc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace segc;
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  std::unique_ptr<sema::CheckedProject> project =
      fuzz::Check({reinterpret_cast<const char*>(data), size}, sources, sink);
  fuzz::RenderAll(sources, sink.diagnostics());
  if (project != nullptr && !sink.has_errors()) fuzz::LowerPlanRun(*project);
  return 0;
}
