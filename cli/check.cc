// `segc check PATH...`: discover, parse and check rule projects without data; render diagnostics.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/color.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/lang.h"
#include "cli/version.h"
#include "compiler/api/pipeline.h"
#include "compiler/diag/render.h"

namespace segc::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  bool werror = false;
  size_t max_errors = 50;
  std::vector<std::string> lib_dirs;
  std::string color = "auto";
};

/// Totals for the summary line.
struct Totals {
  size_t projects = 0;
  size_t files = 0;
  size_t segments = 0;
  size_t scores = 0;
  size_t classifications = 0;
};

Totals Count(const std::vector<api::CheckedRules>& projects) {
  Totals totals;
  totals.projects = projects.size();
  for (const api::CheckedRules& project : projects) {
    totals.files += project.files;
    totals.segments += project.project->summary.segments;
    totals.scores += project.project->summary.scores;
    totals.classifications += project.project->summary.classifications;
  }
  return totals;
}

std::string SummaryLine(const Totals& t, const diag::DiagnosticSink& sink, bool failed,
                        bool werror) {
  std::string counts = fmt::format("{}, {}", Counted(sink.error_count(), "error"),
                                   Counted(sink.warning_count(), "warning"));
  std::string scope =
      fmt::format("{} ({})", Counted(t.projects, "project"), Counted(t.files, "file"));
  bool french = MessageLang() == diag::Lang::kFr;
  std::string outputs =
      fmt::format("{}, {}, {}", Counted(t.segments, "segment"), Counted(t.scores, "score"),
                  Counted(t.classifications, "classification"));
  if (failed) {
    bool only_warnings = sink.error_count() == 0;
    return fmt::format(fmt::runtime(french ? "échec de la vérification : {}{} dans {}\n"
                                           : "check failed: {}{} in {}\n"),
                       counts, only_warnings && werror ? " (--werror)" : "", scope);
  }
  return fmt::format(fmt::runtime(french ? "vérifié {} : {} ; {}\n" : "checked {}: {}; {}\n"),
                     scope, outputs, counts);
}

diag::RenderOptions MakeRenderOptions(const CheckArgs& args, const Totals& totals) {
  diag::RenderOptions options = LocalizedRenderOptions();
  const char* no_color = std::getenv("NO_COLOR");
  options.color =
      UseColor(ParseColorMode(args.color).value_or(ColorMode::kAuto), STDERR_FILENO, no_color);
  options.max_errors = args.max_errors;
  options.tool_version = std::string(ProjectVersion());
  options.summary_counts = {{"projects", static_cast<int64_t>(totals.projects)},
                            {"files", static_cast<int64_t>(totals.files)},
                            {"segments", static_cast<int64_t>(totals.segments)},
                            {"scores", static_cast<int64_t>(totals.scores)},
                            {"classifications", static_cast<int64_t>(totals.classifications)}};
  return options;
}

int RunCheck(const CheckArgs& args) {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  std::vector<api::CheckedRules> projects =
      api::CheckPaths(args.paths, args.lib_dirs, sources, sink);
  sink.Sort();
  Totals totals = Count(projects);
  bool failed = sink.has_errors() || (args.werror && sink.warning_count() > 0);
  diag::Format format = diag::ParseFormat(args.format).value_or(diag::Format::kText);
  std::string rendered =
      diag::Render(format, sources, sink.diagnostics(), MakeRenderOptions(args, totals));
  // Machine formats own stdout entirely; text and GitHub annotations go to stderr.
  bool to_stdout = format == diag::Format::kJson || format == diag::Format::kSarif;
  std::fputs(rendered.c_str(), to_stdout ? stdout : stderr);
  if (format == diag::Format::kText) {
    std::fputs(SummaryLine(totals, sink, failed, args.werror).c_str(), failed ? stderr : stdout);
  }
  return failed ? kExitRuleErrors : kExitOk;
}

}  // namespace

Subcommand AddCheckCommand(CLI::App& root) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* app =
      root.add_subcommand("check", "Parse and type-check rule projects (no data needed)");
  app->add_option("PATH", args->paths, ".seg files or directories of projects")
      ->required()
      ->type_name("");
  app->add_option("--format", args->format, "Diagnostic format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  app->add_flag("--werror", args->werror, "Treat warnings as errors (exit 1)");
  app->add_option("--max-errors", args->max_errors,
                  "Stop showing diagnostics after N errors (0: no limit; text and github)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--lib", args->lib_dirs, "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--color", args->color, "Colour in text diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Exit status: 0 no errors, 1 errors (or warnings with --werror), 2 usage, 4 internal "
      "error.\nText and github diagnostics go to stderr, json and sarif to stdout.");
  return {app, [args] { return RunCheck(*args); }};
}

}  // namespace segc::cli
