// The project-loading block that check-like subcommands share (docs/cli.md).
#include "cli/load_rules.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/color.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/lang.h"
#include "compiler/diag/render.h"

namespace segc::cli {

void RenderDiagnostics(const diag::SourceManager& sources, diag::DiagnosticSink& sink,
                       const std::string& color) {
  if (sink.diagnostics().empty()) return;
  sink.Sort();
  diag::RenderOptions options = LocalizedRenderOptions();
  options.color = UseColor(ParseColorMode(color).value_or(ColorMode::kAuto), STDERR_FILENO,
                           std::getenv("NO_COLOR"));
  std::fputs(diag::Render(diag::Format::kText, sources, sink.diagnostics(), options).c_str(),
             stderr);
}

std::optional<int> LoadOneProject(const LoadRequest& request, diag::SourceManager& sources,
                                  std::vector<api::CheckedRules>& projects) {
  auto quiet = [&] {
    if (request.before_output) request.before_output();
  };
  diag::DiagnosticSink sink;
  projects = api::CheckPaths(request.paths, request.lib_dirs, sources, sink);
  if (!sink.diagnostics().empty()) quiet();
  RenderDiagnostics(sources, sink, request.color);
  if (sink.has_errors()) {
    std::fputs(RulesFailedLine(request.command, sink.error_count()).c_str(), stderr);
    return kExitRuleErrors;
  }
  if (projects.size() != 1) {
    std::vector<std::string> dirs;
    for (const api::CheckedRules& p : projects) dirs.push_back("'" + p.dir + "'");
    quiet();
    PrintUsageError(
        fmt::format("segc {} needs exactly one rule project, got {}{}{}", request.command,
                    projects.size(), dirs.empty() ? "" : ": ", fmt::join(dirs, ", ")),
        "name one project directory, or rule files of one directory");
    return kExitUsage;
  }
  return std::nullopt;
}

void AddEvaluationOptions(CLI::App* app, RunArgs& run, const std::string& engine_help) {
  app->add_option("--as-of", run.as_of, "Evaluation date YYYY-MM-DD")->type_name("DATE");
  app->add_option("--param", run.params, "Override a param: NAME=VALUE (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--lib", run.lib_dirs, "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--engine", run.engine, engine_help)
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
  app->add_option("--color", run.color, "Colour in rule diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

}  // namespace segc::cli
