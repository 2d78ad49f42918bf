// `segc sql --load CSV`: a psql script that loads a CSV file into the rules' table with the
// types and date formats of its declaration, so that the emitted query can run on it.
#pragma once

#include <optional>
#include <string>

#include "segc/schema.h"

namespace segc::cli {

/// The psql script that creates `table` from the CSV file `path` (comma-separated, with a
/// header naming the columns), reading empty and blank fields as null; the rows keep the file's
/// order. nullopt, with a message in `error`, when the file cannot be read or a date format has
/// no PostgreSQL equivalent.
std::optional<std::string> PsqlLoadScript(const rt::Schema& schema, const std::string& table,
                                          const std::string& path, std::string& error);

}  // namespace segc::cli
