// `segc run --engine postgres`: the project's SQL run through libpq on the server holding the
// data, its counts read back into the run result the summary printers take.
#pragma once

#include <optional>

#include "cli/run_args.h"
#include "cli/run_steps.h"

namespace segc::cli {

/// Checks the options of a postgres run (--dsn given; no --data, --out or --rejects): exit 2
/// on a mistake. For the other engines, checks that --data is given.
std::optional<int> CheckEngineOptions(const RunArgs& args);

/// Emits the summary and statistics queries of `state`'s plan, runs them at `args.dsn` and
/// fills `state.result` (counts, score sums in the table's scan order, statistics in the
/// engine's order). A refused construct exits 1; a connection or query error exits 3 (the
/// data's side), with the server's message.
std::optional<int> ExecutePostgres(const RunArgs& args, RunState& state);

}  // namespace segc::cli
