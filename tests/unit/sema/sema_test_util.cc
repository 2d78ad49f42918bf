// Parses and checks test sources.
#include "tests/unit/sema/sema_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "compiler/syntax/parse.h"

namespace segc::sema::testing {

const char* const kSchema = R"(table customers key customer_id {
  customer_id: int
  cltv: float
  age: int
  orders: int
  total_spent: float
  employees: int
  last_purchase: date
  first_purchase: date
  country: string
  sector: string
  email: string
  lifecycle_stage: enum("lead", "prospect", "customer", "churned")
  consent_email: bool
}
)";

std::vector<std::string> Checked::Codes() const {
  std::vector<std::string> codes;
  for (const diag::Diagnostic& d : sink.diagnostics()) codes.emplace_back(diag::Info(d.code).id);
  return codes;
}

std::string Checked::Dump() const {
  std::string text;
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    text += std::string(diag::Info(d.code).id) + ": " + d.message + " | " + d.help + "\n";
  }
  return text;
}

const DeclInfo& Checked::Decl(const std::string& name) const {
  uint32_t index = project->project().Find(name);
  EXPECT_NE(index, kNone) << "no declaration " << name;
  return project->project().decls.at(index);
}

const ast::Expr& Checked::Where(const std::string& name) const {
  return *std::get<ast::SegmentDecl>(Decl(name).ast->kind).where;
}

std::unique_ptr<Checked> CheckFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                    const CheckOptions& options) {
  auto checked = std::make_unique<Checked>();
  std::vector<std::unique_ptr<ast::File>> parsed;
  for (const auto& [path, text] : files) {
    diag::FileId id = checked->sources.Add(path, text);
    parsed.push_back(syntax::Parse(checked->sources, id, checked->ids, checked->sink));
  }
  EXPECT_FALSE(checked->sink.has_errors()) << "syntax errors in test input:\n" << checked->Dump();
  checked->project =
      CheckProject(std::move(parsed), checked->sources, checked->ids, checked->sink, options);
  return checked;
}

std::unique_ptr<Checked> CheckRules(const std::string& rules, const CheckOptions& options) {
  return CheckFiles({{"schema.seg", kSchema}, {"rules.seg", rules}}, options);
}

ModuleDir::ModuleDir() {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() /
           ("segc_sema_modules_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
              .string();
  std::filesystem::create_directories(path_);
  library_ = api::ModuleLibrary({path_}, {});
}

ModuleDir::~ModuleDir() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

void ModuleDir::Add(const std::string& name, const std::string& text) const {
  std::ofstream(std::filesystem::path(path_) / (name + ".seg")) << text;
}

}  // namespace segc::sema::testing
