// segc_diff_cases DIR FIRST_SEED COUNT: writes the differential cases of seeds FIRST_SEED ..
// FIRST_SEED + COUNT - 1 (without the rare 65536-row tables) as project directories
// DIR/SEED/ (schema.seg, rules.seg, data.csv, as_of: the run's date), for backends driven
// through the command line (tests/sql/postgres_random_test.sh). Cases with an event table are
// left out (the SQL backend does not translate event aggregates yet); their seeds are listed in
// DIR/skipped.txt.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compiler/ir/calendar.h"
#include "tests/differential/case.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: segc_diff_cases DIR FIRST_SEED COUNT\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  uint64_t first = std::strtoull(argv[2], nullptr, 10), count = std::strtoull(argv[3], nullptr, 10);
  std::ofstream skipped(dir / "skipped.txt");
  for (uint64_t seed = first; seed < first + count; ++seed) {
    segc::difftest::Case c = segc::difftest::MakeCase(seed, /*big_tables=*/false);
    if (!c.events.empty()) {
      skipped << seed << "\n";
      continue;
    }
    std::filesystem::path path = dir / std::to_string(seed);
    std::filesystem::create_directories(path);
    std::ofstream(path / "schema.seg", std::ios::binary) << c.schema_text;
    std::ofstream(path / "rules.seg", std::ios::binary) << c.program.text;
    std::ofstream(path / "data.csv", std::ios::binary) << segc::difftest::TableCsv(c.table);
    std::ofstream(path / "as_of") << segc::ir::FormatDate(c.config.as_of) << "\n";
  }
  return 0;
}
