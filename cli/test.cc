// `segc test PATH...`: the rule tests kept in a project (*.segtest files, docs/testing.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/file_list.h"
#include "cli/test_report.h"
#include "cli/test_run.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

struct TestArgs {
  std::vector<std::string> paths;
  std::string junit;
  bool coverage = false;
  double threshold = -1;
  TestOptions options;
};

/// The test files `paths` name: files as given, directories searched recursively for *.segtest
/// (sorted). A path that does not exist is a usage problem (returned).
std::optional<std::string> ListTestFiles(const std::vector<std::string>& paths,
                                         std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found = FilesUnder(path, ".segtest");
      if (found.empty()) return fmt::format("no .segtest files under '{}'", path);
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, error)) {
      files.push_back(path);
    } else {
      return fmt::format("no such file or directory: '{}'", path);
    }
  }
  return std::nullopt;
}

/// --junit FILE, written atomically; false (after a message) when it cannot be.
bool WriteJunit(const std::string& path, const std::vector<CaseResult>& results) {
  Status status = [&]() -> Status {
    SEGC_TRY(rt::AtomicFileWriter out, rt::AtomicFileWriter::Open(path));
    SEGC_RETURN_IF_ERROR(out.Write(JunitXml(results)));
    return out.Commit();
  }();
  if (status.ok()) return true;
  std::fprintf(stderr, "segc: error: cannot write --junit '%s': %s\n", path.c_str(),
               status.message().c_str());
  return false;
}

int RunTests(TestArgs args) {
  std::vector<std::string> files;
  if (auto problem = ListTestFiles(args.paths, files)) {
    PrintUsageError(*problem, "segc test takes .segtest files and directories holding them");
    return kExitUsage;
  }
  args.options.coverage = args.coverage || args.threshold >= 0;
  std::vector<CaseResult> results;
  std::vector<ProjectCoverage> coverage;
  for (const std::string& file : files) {
    size_t first = results.size();
    RunTestFile(file, args.options, results, coverage);
    std::vector<CaseResult> mine(results.begin() + long(first), results.end());
    std::fputs(FormatResults(mine).c_str(), stdout);
    std::fflush(stdout);
  }
  size_t failed = 0;
  for (const CaseResult& r : results) failed += r.failures.empty() ? 0 : 1;
  bool ok = failed == 0;
  if (args.options.coverage) {
    std::fputs(FormatCoverage(coverage).c_str(), stdout);
    double percent = CoveragePercent(coverage);
    if (args.threshold >= 0 && percent < args.threshold) {
      std::printf("coverage %.1f%% is below --threshold %g\n", percent, args.threshold);
      ok = false;
    }
  }
  if (!args.junit.empty() && !WriteJunit(args.junit, results)) return kExitInternal;
  std::printf("%zu passed, %zu failed\n", results.size() - failed, failed);
  return ok ? kExitOk : kExitRuleErrors;
}

}  // namespace

Subcommand AddTestCommand(CLI::App& root) {
  auto args = std::make_shared<TestArgs>();
  CLI::App* app = root.add_subcommand("test", "Run the rule tests (*.segtest) of projects");
  app->add_option("PATH", args->paths, ".segtest files or directories (searched recursively)")
      ->required()
      ->type_name("");
  app->add_option("--junit", args->junit, "Also write the results as JUnit XML to FILE")
      ->type_name("FILE");
  app->add_flag("--coverage", args->coverage,
                "Report the segments, score rules and classify arms the fixtures made both true "
                "and false");
  app->add_option("--threshold", args->threshold,
                  "With coverage: fail (exit 1) when under N percent (implies --coverage)")
      ->type_name("N")
      ->check(CLI::Range(0.0, 100.0));
  app->add_option("--engine", args->options.engine,
                  "interp: the reference interpreter (no compile time); jit: native code")
      ->check(CLI::IsMember({"interp", "jit"}))
      ->capture_default_str();
  app->add_option("--lib", args->options.lib_dirs,
                  "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--color", args->options.color,
                  "Colour in diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "A test file names its rules, fixture rows (inline or a small CSV) and tests of\n"
      "expectations; see docs/testing.md. The last line is 'N passed, N failed'.\n"
      "Exit status: 0 every test passed (and coverage reached --threshold), 1 failures,\n"
      "malformed test files or rule errors, 2 usage, 4 internal error (or --junit not written).");
  return {app, [args] { return RunTests(*args); }};
}

}  // namespace segc::cli
