// Loading one rule project for a subcommand (graph, run, test, ...): check it, render the
// diagnostics on stderr, and refuse paths that do not name exactly one project.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/run_args.h"
#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"

namespace segc::cli {

/// Renders `sink`'s diagnostics (sorted) as text on stderr, coloured as `color` (auto, always,
/// never; NO_COLOR) says. Nothing when there are none.
void RenderDiagnostics(const diag::SourceManager& sources, diag::DiagnosticSink& sink,
                       const std::string& color);

/// What LoadOneProject needs to know about the command that calls it.
struct LoadRequest {
  std::string command;                ///< "graph", "run": named in the messages
  std::vector<std::string> paths;     ///< rule files or project directories
  std::vector<std::string> lib_dirs;  ///< --lib
  std::string color = "auto";
  /// Called before anything is written to stderr (run erases its progress line).
  std::function<void()> before_output;
};

/// Checks the projects `request.paths` names into `sources`/`projects` and renders the
/// diagnostics. Returns the exit code to stop with: 1 after "COMMAND failed: N errors in the
/// rules", 2 when the paths name no project or several; nullopt when `projects` holds exactly
/// one project without errors.
std::optional<int> LoadOneProject(const LoadRequest& request, diag::SourceManager& sources,
                                  std::vector<api::CheckedRules>& projects);

/// The options of a subcommand that evaluates one project like `segc run` (explain, diff):
/// --as-of, --param, --lib, --engine (`engine_help` says which is the default) and --color.
void AddEvaluationOptions(CLI::App* app, RunArgs& run, const std::string& engine_help);

}  // namespace segc::cli
