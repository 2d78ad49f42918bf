// segc_diff_cases DIR FIRST_SEED COUNT: writes the differential cases of seeds FIRST_SEED ..
// FIRST_SEED + COUNT - 1 (without the rare 65536-row tables) as project directories
// DIR/SEED/ (schema.seg, rules.seg, data.csv, as_of: the run's date, and ev.csv: the event
// table's rows when the schema declares one), for backends driven through the command line
// (tests/sql/postgres_random_test.sh).
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
  for (uint64_t seed = first; seed < first + count; ++seed) {
    segc::difftest::Case c = segc::difftest::MakeCase(seed, /*big_tables=*/false);
    std::filesystem::path path = dir / std::to_string(seed);
    std::filesystem::create_directories(path);
    std::ofstream(path / "schema.seg", std::ios::binary) << c.schema_text;
    std::ofstream(path / "rules.seg", std::ios::binary) << c.program.text;
    std::ofstream(path / "data.csv", std::ios::binary) << segc::difftest::TableCsv(c.table);
    for (const segc::rt::Table& events : c.events) {
      std::ofstream(path / (std::string(segc::difftest::kEventTable) + ".csv"), std::ios::binary)
          << segc::difftest::TableCsv(events);
    }
    std::ofstream(path / "as_of") << segc::ir::FormatDate(c.config.as_of) << "\n";
  }
  return 0;
}
