// `segc run`: strings the steps together, then checks sizes, writes --out and the summary.
#include "cli/run_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/file_hash.h"
#include "cli/progress.h"
#include "cli/run_expect.h"
#include "cli/run_output.h"
#include "cli/run_paths.h"
#include "cli/run_postgres.h"
#include "cli/run_steps.h"
#include "cli/run_summary.h"
#include "cli/version.h"
#include "compiler/ir/calendar.h"

namespace segc::cli {
namespace {

/// An output whose directory does not exist or is not writable is a usage error found before
/// any work (the write itself failing later is exit 4).
std::optional<int> CheckOutputDirectory(const char* option, const std::string& path) {
  if (path.empty()) return std::nullopt;
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error) || access(dir.c_str(), W_OK) != 0) {
    PrintUsageError(fmt::format("cannot write {} '{}': '{}' is not a writable directory", option,
                                path, dir.string()),
                    "create the directory first, or choose another path");
    return kExitUsage;
  }
  return std::nullopt;
}

/// Problems with the output paths are found before any work: a wrong --out extension or a
/// missing directory.
std::optional<int> CheckOutPath(const RunArgs& args) {
  if (!args.out.empty() && !OutFormatFor(args.out)) {
    PrintUsageError(fmt::format("cannot tell the format of --out '{}'", args.out),
                    "name the file FILE.csv or FILE.jsonl");
    return kExitUsage;
  }
  if (auto code = CheckOutputDirectory("--out", args.out)) return code;
  if (auto code = CheckOutputDirectory("--rejects", args.rejects)) return code;
  return CheckOutputDirectory("--dump-ir", args.dump_ir);
}

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

std::string RulesHash(const diag::SourceManager& sources) {
  ContentHash hash;
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::string& text = sources.file(static_cast<diag::FileId>(i)).text;
    std::string length = fmt::format("{}:", text.size());  // keeps file boundaries apart
    hash.Update(length);
    hash.Update(text);
  }
  return HexDigest(hash.Digest());
}

/// Reports size violations; true when they fail the run (--strict-sizes).
bool ReportSizes(const RunArgs& args, const RunState& state) {
  std::vector<SizeViolation> violations = CheckExpectedSizes(*state.project, state.result);
  for (const SizeViolation& v : violations) {
    std::fprintf(stderr, "%s\n", FormatViolation(state.sources, v, args.strict_sizes).c_str());
  }
  return args.strict_sizes && !violations.empty();
}

std::optional<int> WriteOut(const RunArgs& args, const RunState& state) {
  if (args.out.empty()) return std::nullopt;
  Status status = WriteMembers(args.out, *OutFormatFor(args.out), state.table,
                               state.project->schema.key, state.result);
  if (status.ok()) return std::nullopt;
  std::fprintf(stderr, "segc: error: cannot write '%s': %s\n", args.out.c_str(),
               status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitBadData : kExitInternal;
}

int Finish(const RunArgs& args, const RunState& state, Progress& progress,
           const SummaryWriter& writer) {
  progress.Clear();
  bool size_failure = ReportSizes(args, state);
  if (!size_failure) {
    if (!args.out.empty()) progress.Step("writing " + args.out);
    if (auto code = WriteOut(args, state)) return *code;
    progress.Clear();
  }
  // One hash over every data file of the run, in the order they were resolved.
  uint64_t combined = 0;
  std::vector<std::string> paths = state.event_paths;
  if (!state.customer_path.empty()) paths.insert(paths.begin(), state.customer_path);
  std::vector<std::optional<uint64_t>> hashed = state.event_hashes;
  hashed.resize(state.event_paths.size());
  if (!state.customer_path.empty()) hashed.insert(hashed.begin(), state.customer_hash);
  for (size_t i = 0; i < paths.size(); ++i) {
    Result<uint64_t> file_hash = hashed[i] ? Result<uint64_t>(*hashed[i]) : HashFile(paths[i]);
    if (!file_hash.ok()) return InternalError(file_hash.status().message());
    combined = paths.size() == 1 ? *file_hash : combined * 1099511628211ull ^ *file_hash;
  }
  Result<uint64_t> data_hash = combined;
  RunInfo info{ir::FormatDate(state.as_of),
               args.engine,
               state.threads,
               std::string(ProjectVersion()),
               RulesHash(state.sources),
               HexDigest(*data_hash),
               {}};
  info.histograms = args.histograms;
  if (args.overlaps) info.overlaps = rt::ComputeOverlaps(state.result, state.threads);
  ActivationSummary activation = SummarizeActivation(*state.project, state.table, state.result);
  info.activation = &activation;
  if (writer) {
    if (int code = writer(state, info); code != kExitOk) return code;
  } else {
    std::string summary =
        args.format == "json" ? JsonSummary(state.result, info) : TextSummary(state.result, info);
    std::fputs(summary.c_str(), stdout);
    std::fflush(stdout);
  }
  if (size_failure) {
    std::fputs("run failed: segments outside their expected size (--strict-sizes)\n", stderr);
    return kExitRuleErrors;
  }
  return kExitOk;
}

}  // namespace

/// `--timings`: the wall time of each step, printed on stderr after the summary.
class StepTimes {
 public:
  /// Runs `step`, records its time under `name`, passes its result on.
  template <typename Step>
  std::optional<int> Time(const std::string& name, Step&& step) {
    auto start = std::chrono::steady_clock::now();
    std::optional<int> code = step();
    steps_.emplace_back(
        name, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count());
    return code;
  }

  void Print(const RunArgs& args, const RunState& state) const {
    std::fputs("timings (ms):\n", stderr);
    for (const auto& [name, ms] : steps_) {
      std::string note;
      if (name == "compile" && args.engine == "jit") {
        note = fmt::format("  jit -O{}, cache {}", state.jit.opt_level,
                           state.jit.stats.cache_hit ? "hit (LLVM skipped)" : "miss");
      }
      std::fprintf(stderr, "  %-12s %10.1f%s\n", name.c_str(), ms, note.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, double>> steps_;
};

/// The rule files actually read (modules included) are inputs too.
std::optional<int> CheckRuleFilesAreNotOutputs(const RunArgs& args, const RunState& state) {
  std::vector<InputFile> inputs;
  for (size_t i = 0; i < state.sources.size(); ++i) {
    inputs.push_back({"rules", state.sources.file(static_cast<diag::FileId>(i)).path});
  }
  return CheckOutputsAreNotInputs(args, inputs);
}

static int ExecuteRunSteps(const RunArgs& args, RunState& state, const SummaryWriter& writer);

int ExecuteRun(const RunArgs& args, const SummaryWriter& writer) {
  RunState state;
  try {
    return ExecuteRunSteps(args, state, writer);
  } catch (const std::bad_alloc&) {
    // Out of memory while loading or evaluating: the data is too large for the limit, not a bug
    // (the progress line was erased when its owner unwound).
    std::string what = state.table.num_rows() > 0
                           ? fmt::format("to evaluate the rules over {} rows of {}",
                                         state.table.num_rows(), DataPaths(state))
                           : fmt::format("to load {}", fmt::join(args.data, ", "));
    return MemoryError("not enough memory " + what);
  }
}

static int ExecuteRunSteps(const RunArgs& args, RunState& state, const SummaryWriter& writer) {
  if (auto code = CheckEngineOptions(args)) return *code;
  if (auto code = CheckOutputsAreNotInputs(args, CommandLineInputs(args))) return *code;
  if (auto code = CheckOutPath(args)) return *code;
  state.threads = ResolveThreads(args.threads);
  Progress progress(STDERR_FILENO);
  state.progress = &progress;
  StepTimes times;
  progress.Step("checking rules");
  if (auto code = times.Time("check rules", [&] { return LoadRules(args, state); })) return *code;
  if (auto code = CheckRuleFilesAreNotOutputs(args, state)) return *code;
  auto plan = [&] {
    auto code = ResolveInputs(args, state);
    return code ? code : BuildPlan(state);
  };
  if (auto code = times.Time("plan", plan)) return *code;
  if (args.engine == "postgres") {
    progress.Step("running the SQL at " + args.dsn);
    if (auto code = times.Time("evaluate", [&] { return ExecutePostgres(args, state); })) {
      return *code;
    }
    int code = *times.Time("output", [&] { return Finish(args, state, progress, writer); });
    if (args.timings) times.Print(args, state);
    return code;
  }
  state.allow_unknown_event_keys = args.unknown_keys == "report";
  progress.Step("loading data");
  if (auto code = times.Time("load data", [&] { return LoadData(args, state); })) return *code;
  progress.Step(args.engine == "jit" ? "compiling" : "preparing the interpreter");
  if (auto code = times.Time("compile", [&] { return BuildKernels(args, state); })) return *code;
  progress.Step(fmt::format("evaluating {} rows", state.table.num_rows()));
  if (auto code = times.Time("evaluate", [&] { return Execute(state); })) return *code;
  int code = *times.Time("output", [&] { return Finish(args, state, progress, writer); });
  if (args.timings) times.Print(args, state);
  return code;
}

}  // namespace segc::cli
