// Test helpers: parse real source text through segc_syntax and check it with segc_sema.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/api/module_library.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/check.h"

namespace segc::sema::testing {

/// The schema most tests check against (schema.seg).
extern const char* const kSchema;

/// A checked project together with the sources and diagnostics it refers to.
struct Checked {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  std::unique_ptr<CheckedProject> project;

  /// The diagnostics' ids in report order ("E0101", "W0301").
  std::vector<std::string> Codes() const;
  /// Every diagnostic as "E0101: message | help" for readable test failures.
  std::string Dump() const;
  /// The project declaration named `name` (fails the test if missing).
  const DeclInfo& Decl(const std::string& name) const;
  /// The `where` of segment `name`, and its side-table entry.
  const ast::Expr& Where(const std::string& name) const;
  const ExprInfo& Info(const ast::Expr& expr) const { return project->info(expr.id); }
};

/// Checks the given files (path, text) as one project.
std::unique_ptr<Checked> CheckFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                    const CheckOptions& options = {});
/// Checks `rules` (rules.seg) together with kSchema (schema.seg).
std::unique_ptr<Checked> CheckRules(const std::string& rules, const CheckOptions& options = {});

/// A temporary folder of library modules (NAME.seg files), removed on destruction.
class ModuleDir {
 public:
  ModuleDir();
  ~ModuleDir();
  void Add(const std::string& name, const std::string& text) const;
  CheckOptions Options() const { return CheckOptions{&library_}; }

 private:
  std::string path_;
  api::ModuleLibrary library_;
};

}  // namespace segc::sema::testing
