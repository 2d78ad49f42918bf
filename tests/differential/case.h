// One differential case derived from a seed: schema, table, program and run configuration.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segc/table.h"
#include "tests/differential/gen_rules.h"
#include "tests/differential/gen_table.h"
#include "tests/differential/run_both.h"

namespace segc::difftest {

/// Everything a seed determines.
struct Case {
  uint64_t seed = 0;
  GenSchema schema;
  std::string schema_text;
  rt::Table table;
  std::vector<rt::Table> events;  ///< the event table's rows when the schema declares one
  GenProgram program;
  RunConfig config;
};

/// The case of `seed` (deterministic). `big_tables` allows the rare 65536 ± 1 row tables.
Case MakeCase(uint64_t seed, bool big_tables = true);

/// Writes a reproducer directory `dir`/segc-diff-SEED/ (README.txt with the seed, config and
/// difference; schema.seg, rules.seg, data.csv) and returns its path, or "" on failure.
std::string WriteReproducer(const Case& c, const std::string& what, const std::string& dir);

/// A human-readable dump: seed, config, schema, rules and (for small tables) the data as CSV.
std::string Describe(const Case& c);

}  // namespace segc::difftest
