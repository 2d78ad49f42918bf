// Emitting a planned project's SQL for the CLI (`segc sql`, `segc run --engine postgres`).
#pragma once

#include <optional>
#include <string>

#include "cli/run_steps.h"
#include "cli/sql_load.h"
#include "compiler/sql/emit.h"

namespace segc::cli {

/// The queries of `state`'s planned project for `dialect` against the tables `names`, with its
/// as_of and params written in. A refused construct is printed as "PATH:LINE:COL: error: ..." on
/// stderr and gives nullopt.
std::optional<sql::Queries> EmitQueries(const RunState& state, const std::string& dialect,
                                        const TableNames& names);

}  // namespace segc::cli
