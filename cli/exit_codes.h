// Process exit codes of segc (LANGUAGE.md §8).
#pragma once

namespace segc::cli {

/// What the process exit status means; scripts rely on these numbers.
enum ExitCode : int {
  kExitOk = 0,          ///< success (warnings allowed unless --werror)
  kExitRuleErrors = 1,  ///< errors in the rules (or warnings with --werror), failed tests
  kExitUsage = 2,       ///< bad command line: unknown option, subcommand or help topic
  kExitBadData = 3,     ///< input data does not match the schema
  kExitInternal = 4,    ///< a bug in segc
};

}  // namespace segc::cli
