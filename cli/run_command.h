// The steps of `segc run`: rules → checked project → data → program → results → outputs.
#pragma once

#include "cli/run_args.h"

namespace segc::cli {

/// Runs `segc run` and returns the exit code (cli/exit_codes.h). Everything for the user goes
/// to stdout (the summary) or stderr (diagnostics, data errors, warnings, progress).
int ExecuteRun(const RunArgs& args);

}  // namespace segc::cli
