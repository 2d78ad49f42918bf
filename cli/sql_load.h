// `segc sql --load CSV`: a psql (or DuckDB) script that loads a CSV file into the rules' table with
// the types and date formats of its declaration, so that the emitted query can run on it.
#pragma once

#include <optional>
#include <string>

#include "segc/schema.h"

namespace segc::cli {

/// The script that creates `table` from the CSV file `path` (comma-separated, with a header
/// naming the columns), reading empty and blank fields as null; the rows keep the file's order.
/// `dialect` "postgres": a psql script (\copy); "duckdb": SQL statements (read_csv). nullopt,
/// with a message in `error`, when the file cannot be read or a date format has no equivalent.
std::optional<std::string> LoadScript(const rt::Schema& schema, const std::string& table,
                                      const std::string& path, const std::string& dialect,
                                      std::string& error);

}  // namespace segc::cli
