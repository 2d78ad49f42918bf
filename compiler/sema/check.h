// Public entry point of sema: resolve and type-check one project.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"

namespace segc::sema {

/// A library module's display path and text.
struct ModuleText {
  std::string path;
  std::string text;
};

/// Where `import NAME` finds modules besides the embedded stdlib. Sema never opens files: the
/// pipeline (compiler/api) gives it a resolver over in-memory texts or library folders.
class ModuleResolver {
 public:
  virtual ~ModuleResolver() = default;
  /// The module `name`, or nullopt when this resolver does not have it.
  virtual std::optional<ModuleText> Find(const std::string& name) const = 0;
  /// Every module name it has (for did-you-mean suggestions).
  virtual std::vector<std::string> Names() const = 0;
};

struct CheckOptions {
  /// Searched for modules before the stdlib; null: the stdlib only. Not owned.
  const ModuleResolver* modules = nullptr;
};

/// Resolves and type-checks one project (all its files share one namespace, schema included).
/// Library modules named by `import` are found by options.modules, then in the embedded stdlib,
/// added to `sources`, parsed and checked. Problems in the rules go to `sink` (E01xx, E02xx,
/// W03xx); the result is always returned, complete as far as the errors allow.
std::unique_ptr<CheckedProject> CheckProject(std::vector<std::unique_ptr<ast::File>> files,
                                             diag::SourceManager& sources,
                                             ast::NodeIdAllocator& ids, diag::DiagnosticSink& sink,
                                             const CheckOptions& options);

}  // namespace segc::sema
