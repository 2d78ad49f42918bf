// Public entry point of sema: resolve and type-check one project.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"

namespace segc::sema {

struct CheckOptions {
  /// --lib folders searched for NAME.seg modules before the stdlib, in order.
  std::vector<std::string> lib_dirs;
};

/// Resolves and type-checks one project (all its files share one namespace, schema included).
/// Library modules named by `import` are found in lib_dirs, then in the embedded stdlib, added to
/// `sources`, parsed and checked. Problems in the rules go to `sink` (E01xx, E02xx, W03xx); the
/// result is always returned, complete as far as the errors allow.
std::unique_ptr<CheckedProject> CheckProject(std::vector<std::unique_ptr<ast::File>> files,
                                             diag::SourceManager& sources,
                                             ast::NodeIdAllocator& ids, diag::DiagnosticSink& sink,
                                             const CheckOptions& options);

}  // namespace segc::sema
