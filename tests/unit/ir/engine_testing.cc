// Test helpers: check through the pipeline (compiler/api), lower with segc_ir.
#include "tests/unit/ir/engine_testing.h"

#include <gtest/gtest.h>

#include "compiler/api/pipeline.h"
#include "compiler/ir/lower.h"
#include "compiler/ir/printer.h"

namespace segc::testing {

const char* const kEngineSchema = R"(table customers key id {
  id: int
  cltv: float
  orders: int
  last_purchase: date
  country: string
  stage: enum("lead", "prospect", "customer")
  consent: bool
}
)";

std::string Compiled::Dump() const {
  std::string text;
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    text += std::string(diag::Info(d.code).id) + ": " + d.message + "\n";
  }
  return text;
}

std::unique_ptr<Compiled> Compile(const std::string& rules, const std::string& schema) {
  auto out = std::make_unique<Compiled>();
  api::ProjectSource source{"rules", {{"schema.seg", schema}, {"rules.seg", rules}}, nullptr};
  out->project = api::Check(source, out->sources, out->sink).project;
  EXPECT_FALSE(out->sink.has_errors()) << rules << "\n" << out->Dump();
  return out;
}

Result<ir::Program> LowerRules(const std::string& rules,
                               const std::map<std::string, std::string>& params,
                               const std::string& schema) {
  auto compiled = Compile(rules, schema);
  ir::LowerOptions options;
  options.params = params;
  return ir::Lower(*compiled->project, options);
}

api::CompileResult CompileRules(const std::string& rules, driver::Engine engine,
                                const std::map<std::string, std::string>& params) {
  auto compiled = Compile(rules);
  api::CompileOptions options;
  options.engine.engine = engine;
  options.engine.opt_level = 2;
  options.params = params;
  return api::Compile(*compiled->project, options);
}

Result<rt::RunResult> RunCompiled(const api::CompiledProgram& program, const rt::Table& table,
                                  int threads, int64_t morsel_rows) {
  api::RunInputs inputs;
  inputs.as_of = kAsOf;
  inputs.threads = threads;
  inputs.morsel_rows = morsel_rows;
  return api::Run(program, table, inputs);
}

std::string LoweredText(const std::string& rules,
                        const std::map<std::string, std::string>& params) {
  auto program = LowerRules(rules, params);
  if (!program.ok()) return "error: " + program.status().message();
  return ir::Print(*program);
}

}  // namespace segc::testing
