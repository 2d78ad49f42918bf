// The segc command line: builds the CLI11 app, parses, dispatches, and maps failures to exit codes.
#pragma once

namespace segc::cli {

/// Runs segc with the process arguments and returns the exit code (cli/exit_codes.h).
int Main(int argc, char** argv);

}  // namespace segc::cli
