// `segc sql --load FILE [--load EVENTS=FILE]`: a script that loads the project's tables into the
// database with the values segc's own CSV reader gives (declared formats, delimiter, encoding,
// decimal commas), so that the emitted query reads what the JIT reads; and the tables' names in
// the database (`--table NAME`, `--table EVENTS=NAME`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/run_steps.h"

namespace segc::cli {

/// The database names of a project's tables.
struct TableNames {
  std::string customers;            ///< the customer table
  std::vector<std::string> events;  ///< by PlannedRules::event_schemas index
};

/// Resolves --table options: "NAME" names the customer table, "EVENTS=NAME" (EVENTS an event
/// table of the project) an event table; unnamed tables keep their declared names. A usage error
/// (printed) gives nullopt.
std::optional<TableNames> ResolveTableNames(const std::vector<std::string>& specs,
                                            const RunState& state);

/// The script that creates the tables LoadData read into `state` (the customer table, built from
/// the event keys when there was no customer file, and every event table) under `names`: typed
/// columns (BIGINT, DOUBLE PRECISION, BOOLEAN, DATE, TEXT) holding the values the reader gave,
/// rows in file order. `dialect` "postgres": a psql script (COPY FROM STDIN); "duckdb": SQL
/// statements (INSERT). Only the columns the run reads are there (all declared columns after a
/// load with --strict-columns).
std::string LoadScript(const RunState& state, const TableNames& names, const std::string& dialect);

}  // namespace segc::cli
