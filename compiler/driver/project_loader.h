// Loading projects for every subcommand: discover, read, parse and check each project.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/driver/discover.h"
#include "compiler/sema/checked_project.h"

namespace segc::driver {

struct LoadOptions {
  /// `--lib` folders searched for imported modules before the stdlib.
  std::vector<std::string> lib_dirs;
};

/// One project after loading.
struct LoadedProject {
  ProjectSpec spec;
  /// Null when a file could not be read or had syntax errors: checking a partial project would
  /// only report follow-on errors (names defined in the broken part look unknown).
  std::unique_ptr<sema::CheckedProject> checked;
};

/// Discovers the projects named by `paths` (see DiscoverProjects), reads their files into
/// `sources` in sorted order, parses them and checks each project with sema. Every problem is
/// reported to `sink`; the caller decides what errors mean. Projects come in directory order.
std::vector<LoadedProject> LoadProjects(const std::vector<std::string>& paths,
                                        const LoadOptions& options, diag::SourceManager& sources,
                                        diag::DiagnosticSink& sink);

}  // namespace segc::driver
