// The data and evaluation options `segc run` shares with `segc export` (defined in run.cc).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/run_args.h"

namespace segc::cli {

/// A path option needs a path: refuses the empty text.
extern const CLI::Validator kNotEmpty;
/// --data, --unknown-keys, --delimiter, --encoding, --decimal-comma, --null, --max-errors,
/// --rejects.
void AddDataOptions(CLI::App* app, RunArgs& args);
/// --as-of, --param, --lib, --strict-sizes, --strict-columns.
void AddEvaluationOptions(CLI::App* app, RunArgs& args);

}  // namespace segc::cli
