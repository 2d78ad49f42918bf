// The steps of `segc run`: rules → checked project → data → program → results → outputs.
#pragma once

#include <functional>

#include "cli/run_args.h"
#include "cli/run_steps.h"
#include "cli/run_summary.h"

namespace segc::cli {

/// Runs `segc run` and returns the exit code (cli/exit_codes.h). Everything for the user goes
/// to stdout (the summary) or stderr (diagnostics, data errors, warnings, progress).
///
/// `writer`, when given, replaces the summary on stdout (`segc report` writes its HTML there
/// from the same RunInfo and JsonSummary); it returns an exit code, kExitOk to go on. Size
/// checks and --strict-sizes behave as for `segc run`.
using SummaryWriter = std::function<int(const RunState& state, const RunInfo& info)>;
int ExecuteRun(const RunArgs& args, const SummaryWriter& writer = nullptr);

}  // namespace segc::cli
