// `segc report RULES --data FILE [-o report.html]`: the run of `segc run` (same steps, same JSON
// summary) rendered as one self-contained HTML page (docs/cli.md, "segc report").
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/lang.h"
#include "cli/report_html.h"
#include "cli/run_args.h"
#include "cli/run_command.h"
#include "cli/run_expect.h"
#include "cli/run_options.h"
#include "cli/run_paths.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

struct ReportArgs {
  RunArgs run;
  std::string out;  ///< "" or "-": stdout
};

ReportPage MakePage(const RunState& state, const RunInfo& info) {
  ReportPage page;
  page.summary = nlohmann::ordered_json::parse(JsonSummary(state.result, info));
  for (size_t i = 0; i < state.sources.size(); ++i) {
    page.rule_files.push_back(state.sources.file(static_cast<diag::FileId>(i)).path);
  }
  if (!state.customer_path.empty()) page.data_files.push_back(state.customer_path);
  for (const std::string& path : state.event_paths) page.data_files.push_back(path);
  for (const rt::SegmentResult& s : state.result.segments) {
    if (!s.description.empty()) page.descriptions[s.name] = s.description;
  }
  for (const SizeViolation& v : ExpectedSizes(*state.project, state.result)) {
    page.expects.push_back({v.segment, v.expected, v.low, v.high, v.passed});
  }
  for (const sema::SplitInfo& s : state.project->splits) page.splits.push_back({s.name, s.segment});
  return page;
}

int WriteReport(const std::string& out, const std::string& html) {
  if (out.empty() || out == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    std::fflush(stdout);
    return kExitOk;
  }
  Result<rt::AtomicFileWriter> writer = rt::AtomicFileWriter::Open(out);
  Status status = writer.ok() ? writer->Write(html) : writer.status();
  if (status.ok()) status = writer->Commit();
  if (!status.ok()) {
    PrintError(fmt::format("cannot write '{}': {}", out, status.message()));
    return kExitInternal;
  }
  std::fprintf(stderr, "%s %s\n", Tr("wrote the report to").c_str(), out.c_str());
  return kExitOk;
}

int Report(const ReportArgs& args) {
  RunArgs run = args.run;
  run.overlaps = true;
  run.histograms = true;
  if (!args.out.empty() && args.out != "-") {
    RunArgs check = run;
    check.out = args.out;  // compared with the inputs; written below, not by the run
    if (auto code = CheckOutputsAreNotInputs(check, CommandLineInputs(check))) return *code;
    std::filesystem::path dir = std::filesystem::path(args.out).parent_path();
    std::error_code error;
    if (!dir.empty() && !std::filesystem::is_directory(dir, error)) {
      PrintUsageError(
          fmt::format("cannot write -o '{}': '{}' is not a directory", args.out, dir.string()),
          "create the directory first, or choose another path");
      return kExitUsage;
    }
  }
  return ExecuteRun(run, [&](const RunState& state, const RunInfo& info) {
    return WriteReport(args.out, RenderReport(MakePage(state, info)));
  });
}

}  // namespace

Subcommand AddReportCommand(CLI::App& root) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* app = root.add_subcommand(
      "report", "Write a run's summary as one self-contained HTML page (no network needed)");
  app->add_option("RULES", args->run.rules, "Rule files or the directory of one project")
      ->required()
      ->type_name("");
  AddDataOptions(app, args->run);
  AddEvaluationOptions(app, args->run);
  app->add_option("-o,--out", args->out, "The HTML file to write (atomically); - or none: stdout")
      ->type_name("FILE")
      ->check(kNotEmpty);
  app->add_option("--engine", args->run.engine, "jit or interp (the reference interpreter)")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
  app->add_option("--threads", args->run.threads, "Worker threads (0: all cores)")
      ->check(CLI::Range(0, kMaxThreads))
      ->capture_default_str();
  app->footer(
      "The page holds the numbers of 'segc run --format json --overlaps --histograms', each in\n"
      "an element with data-segc=\"PATH\". Exit status as 'segc run': 0 ok, 1 rule errors (or\n"
      "sizes with --strict-sizes), 2 usage, 3 bad data, 4 internal error.");
  return {app, [args] { return Report(*args); }};
}

}  // namespace segc::cli
