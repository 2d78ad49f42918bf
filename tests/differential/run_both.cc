// RunCase: front end → plan → interpreter and JIT → bitwise comparison.
#include "tests/differential/run_both.h"

#include <chrono>
#include <cstring>

#include "compiler/codegen/jit.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/interp/interp.h"
#include "compiler/ir/lower.h"
#include "compiler/plan/exec_program.h"
#include "compiler/plan/plan.h"
#include "compiler/sema/check.h"
#include "compiler/syntax/parse.h"
#include "segc/bitmap.h"

namespace segc::difftest {
namespace {

/// Parses and checks; on errors returns "" and fills `errors`.
Result<ir::Program> Frontend(const std::string& schema, const std::string& rules, int32_t as_of,
                             std::string& errors) {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  std::vector<std::unique_ptr<ast::File>> files;
  for (const auto& [path, text] :
       {std::pair<std::string, std::string>{"schema.seg", schema}, {"rules.seg", rules}}) {
    diag::FileId id = sources.Add(path, text);
    files.push_back(syntax::Parse(sources, id, ids, sink));
  }
  auto project = sema::CheckProject(std::move(files), sources, ids, sink, {});
  if (sink.has_errors()) {
    for (const diag::Diagnostic& d : sink.diagnostics()) {
      if (d.severity != diag::Severity::kError) continue;
      std::string at(sources.Text(d.range));
      errors += std::string(diag::Info(d.code).id) + ": " + d.message + " at `" + at + "`\n";
    }
    return Status(StatusCode::kInvalidArgument, "check failed");
  }
  ir::LowerOptions options;
  options.as_of = as_of;
  return ir::Lower(*project, options);
}

Result<rt::RunResult> RunJit(std::shared_ptr<const ir::Program> program, const rt::Table& table,
                             const rt::RunOptions& options, const RunConfig& config,
                             CaseOutcome& out) {
  codegen::CodegenOptions cg;
  cg.opt_level = config.opt_level;
  auto start = std::chrono::steady_clock::now();
  SEGC_TRY(std::unique_ptr<codegen::CompiledProgram> compiled, codegen::Compile(*program, cg));
  out.compile_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out.optimize_ms = compiled->stats().optimize_ms;
  out.codegen_ms = compiled->stats().codegen_ms;
  auto interpreter = std::make_shared<interp::Interpreter>(program);
  std::vector<rt::StageKernel> kernels;
  for (segc_kernel_fn fn : compiled->kernels()) kernels.push_back({fn, nullptr});
  std::shared_ptr<codegen::CompiledProgram> code = std::move(compiled);
  auto keep = std::make_shared<std::pair<decltype(interpreter), decltype(code)>>(interpreter, code);
  rt::DictEvaluator dicts = [raw = interpreter.get()](uint32_t d, const rt::Dictionary* dict,
                                                      rt::DictTable& out) {
    raw->EvalDict(d, dict, out);
  };
  rt::ExecProgram jit = plan::MakeExecProgram(*program, std::move(kernels), dicts, keep);
  return rt::Execute(jit, table, options);
}

}  // namespace

CaseOutcome RunCase(const std::string& schema, const GenProgram& rules, const rt::Table& table,
                    const RunConfig& config) {
  CaseOutcome out;
  auto lowered = Frontend(schema, rules.text, config.as_of, out.check_error);
  if (!out.check_error.empty()) return out;
  if (!lowered.ok()) return out.failure = "lower: " + lowered.status().message(), out;
  auto planned = plan::Plan(*lowered);
  if (!planned.ok()) return out.failure = "plan: " + planned.status().message(), out;
  auto program = std::make_shared<const ir::Program>(std::move(planned).value());
  rt::RunOptions options;
  options.threads = config.threads;
  options.morsel_rows = config.morsel_rows;
  auto interpreted = rt::Execute(interp::InterpretedProgram(program), table, options);
  if (!interpreted.ok()) return out.failure = "interp: " + interpreted.status().message(), out;
  auto native = RunJit(program, table, options, config, out);
  if (!native.ok()) return out.failure = "jit: " + native.status().message(), out;
  out.mismatch = FirstDifference(*interpreted, *native);
  if (out.mismatch.empty()) out.mismatch = CheckPartitions(*interpreted, rules.partitions);
  return out;
}

}  // namespace segc::difftest
