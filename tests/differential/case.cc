// MakeCase, WriteReproducer, Describe.
#include "tests/differential/case.h"

#include <filesystem>
#include <fstream>

namespace segc::difftest {
namespace {

constexpr int32_t kAsOfDates[] = {20758, 20543, 20512,
                                  19782};  // 2026-11-01, -03-31, -02-28, 2024-02-29

int64_t TableRows(Rng& rng, RunConfig& config, bool big_tables) {
  uint64_t r = rng.Below(1000);
  if (big_tables && r < 4) {
    config.morsel_rows = 65536;
    return 65535 + int64_t(r % 3);
  }
  config.morsel_rows = rng.Chance(0.5) ? 64 : 128;
  if (r < 40) return 0;
  if (r < 80) return 1;
  int64_t m = config.morsel_rows;
  switch (rng.Below(6)) {
    case 0:
      return m - 1;
    case 1:
      return m;
    case 2:
      return m + 1;
    case 3:
      return 2 * m + 1;
    default:
      return rng.Range(2, 300);
  }
}

}  // namespace

Case MakeCase(uint64_t seed, bool big_tables) {
  Case c;
  c.seed = seed;
  Rng rng(seed);
  c.schema = RandomSchema(rng);
  c.schema_text = c.schema.Text();
  c.config.as_of = kAsOfDates[rng.Below(4)];
  c.config.threads = rng.Chance(0.3) ? 2 : 1;
  // JIT compile time dominates: 1 seed in 10 at the production level -O2, 2 at -O1, 7 at -O0
  // (see docs/testing.md for the measured rates).
  c.config.opt_level = seed % 10 == 0 ? 2 : (seed % 10 <= 2 ? 1 : 0);
  int64_t rows = TableRows(rng, c.config, big_tables);
  c.table = RandomTable(c.schema, rows, rng);
  if (c.schema.has_events()) {
    c.config.allow_unknown_event_keys = rng.Chance(0.2);
    c.events.push_back(RandomEvents(c.schema, rows, c.config.allow_unknown_event_keys, rng));
  }
  c.program = RandomProgram(c.schema, rng);
  return c;
}

std::string Describe(const Case& c) {
  std::string text =
      "seed " + std::to_string(c.seed) + " (rerun: SEGC_DIFF_SEED=" + std::to_string(c.seed) +
      ")\nconfig: as_of " + std::to_string(c.config.as_of) + " days, threads " +
      std::to_string(c.config.threads) + ", morsel " + std::to_string(c.config.morsel_rows) +
      ", opt " + std::to_string(c.config.opt_level) + ", rows " +
      std::to_string(c.table.num_rows()) +
      (c.events.empty() ? "" : ", events " + std::to_string(c.events[0].num_rows())) +
      (c.config.allow_unknown_event_keys ? " (unknown keys allowed)" : "") + "\n--- schema.seg\n" +
      c.schema_text + "--- rules.seg\n" + c.program.text;
  if (c.table.num_rows() <= 400) text += "--- data.csv\n" + TableCsv(c.table);
  for (const rt::Table& events : c.events) {
    if (events.num_rows() <= 1200)
      text += std::string("--- ") + kEventTable + ".csv\n" + TableCsv(events);
  }
  return text;
}

std::string WriteReproducer(const Case& c, const std::string& what, const std::string& dir) {
  std::filesystem::path path = std::filesystem::path(dir) / ("segc-diff-" + std::to_string(c.seed));
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return "";
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(path / name, std::ios::binary) << text;
  };
  write("README.txt", what + "\n" + Describe(c));
  write("schema.seg", c.schema_text);
  write("rules.seg", c.program.text);
  write("data.csv", TableCsv(c.table));
  for (const rt::Table& events : c.events) {
    write((std::string(kEventTable) + ".csv").c_str(), TableCsv(events));
  }
  return path.string();
}

}  // namespace segc::difftest
