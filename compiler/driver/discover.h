// Project discovery: which .seg files `segc check PATH...` reads, grouped into projects.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace segc::driver {

/// One project: the .seg files of one directory, which share a namespace.
struct ProjectSpec {
  /// The directory as the user would write it ("rules", "." for the current directory).
  std::string dir;
  /// Display paths of its files (as the user wrote the argument, joined with '/'), sorted.
  std::vector<std::string> files;
};

/// Turns command-line paths into projects, sorted by directory.
/// - FILE.seg: a project of that file plus `schema.seg` beside it, if there is one; several files
///   of one directory form one project.
/// - DIRECTORY: searched recursively (hidden entries skipped); every directory that directly holds
///   .seg files is a project.
/// A file named twice (directly or through a directory) is read once. Reports E0901 for a path
/// that cannot be read, E0902 for a directory without .seg files, E0903 for a path that is not a
/// .seg file or directory.
std::vector<ProjectSpec> DiscoverProjects(const std::vector<std::string>& paths,
                                          diag::DiagnosticSink& sink);

}  // namespace segc::driver
