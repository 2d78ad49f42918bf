// Test helpers: parse with segc_syntax, check with segc_sema, lower with segc_ir.
#include "tests/unit/ir/engine_testing.h"

#include <gtest/gtest.h>

#include "compiler/ir/lower.h"
#include "compiler/ir/printer.h"
#include "compiler/syntax/parse.h"

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
  std::vector<std::unique_ptr<ast::File>> files;
  for (const auto& [path, text] :
       {std::pair<std::string, std::string>{"schema.seg", schema}, {"rules.seg", rules}}) {
    diag::FileId id = out->sources.Add(path, text);
    files.push_back(syntax::Parse(out->sources, id, out->ids, out->sink));
  }
  out->project = sema::CheckProject(std::move(files), out->sources, out->ids, out->sink, {});
  EXPECT_FALSE(out->sink.has_errors()) << rules << "\n" << out->Dump();
  return out;
}

Result<ir::Program> LowerRules(const std::string& rules,
                               const std::map<std::string, std::string>& params,
                               const std::string& schema) {
  auto compiled = Compile(rules, schema);
  ir::LowerOptions options;
  options.as_of = kAsOf;
  options.params = params;
  return ir::Lower(*compiled->project, options);
}

std::string LoweredText(const std::string& rules,
                        const std::map<std::string, std::string>& params) {
  auto program = LowerRules(rules, params);
  if (!program.ok()) return "error: " + program.status().message();
  return ir::Print(*program);
}

}  // namespace segc::testing
