// RunCase: front end → plan → interpreter and JIT → bitwise comparison.
#include "tests/differential/run_both.h"

#include <chrono>
#include <cstring>

#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "segc/bitmap.h"

namespace segc::difftest {
namespace {

/// Parses and checks through the pipeline; on errors returns null and fills `errors`.
std::unique_ptr<sema::CheckedProject> Frontend(const std::string& schema, const std::string& rules,
                                               diag::SourceManager& sources, std::string& errors) {
  diag::DiagnosticSink sink;
  api::ProjectSource source{"rules", {{"schema.seg", schema}, {"rules.seg", rules}}, nullptr};
  api::CheckedRules checked = api::Check(source, sources, sink);
  if (!sink.has_errors()) return std::move(checked.project);
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    if (d.severity != diag::Severity::kError) continue;
    std::string at(sources.Text(d.range));
    errors += std::string(diag::Info(d.code).id) + ": " + d.message + " at `" + at + "`\n";
  }
  return nullptr;
}

std::string Describe(const std::optional<api::CompileError>& error) {
  return error ? error->status.message() : "";
}

}  // namespace

CaseOutcome RunCase(const std::string& schema, const GenProgram& rules, const rt::Table& table,
                    const std::vector<rt::Table>& events, const RunConfig& config) {
  CaseOutcome out;
  diag::SourceManager sources;
  auto project = Frontend(schema, rules.text, sources, out.check_error);
  if (!out.check_error.empty()) return out;
  api::PlanResult planned = api::Plan(*project, {});
  if (planned.error) return out.failure = "plan: " + Describe(planned.error), out;
  driver::EngineOptions interp_options;
  interp_options.engine = driver::Engine::kInterp;
  api::CompileResult interp = api::Build(planned.rules, interp_options);
  if (interp.error) return out.failure = "interp: " + Describe(interp.error), out;
  driver::EngineOptions jit_options;
  jit_options.opt_level = config.opt_level;
  jit_options.report = &out.jit;
  auto start = std::chrono::steady_clock::now();
  api::CompileResult jit = api::Build(planned.rules, jit_options);
  out.compile_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (jit.error) return out.failure = "jit: " + Describe(jit.error), out;
  out.optimize_ms = out.jit.stats.optimize_ms;
  out.codegen_ms = out.jit.stats.codegen_ms;
  api::RunInputs inputs;
  inputs.as_of = config.as_of;
  inputs.threads = config.threads;
  inputs.morsel_rows = config.morsel_rows;
  inputs.allow_unknown_event_keys = config.allow_unknown_event_keys;
  auto interpreted = api::Run(*interp.program, table, events, inputs);
  if (!interpreted.ok()) return out.failure = "interp: " + interpreted.status().message(), out;
  auto native = api::Run(*jit.program, table, events, inputs);
  if (!native.ok()) return out.failure = "jit: " + native.status().message(), out;
  out.mismatch = FirstDifference(*interpreted, *native);
  if (out.mismatch.empty()) out.mismatch = CheckPartitions(*interpreted, rules.partitions);
  return out;
}

}  // namespace segc::difftest
