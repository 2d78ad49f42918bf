// Golden tests: every tests/data/bad_csv/NAME.csv is read with the customers schema (see
// csv_test_util.h) and the formatted errors must equal NAME.expected, for 1, 2 and 7 threads.
// SEGC_UPDATE_GOLDEN=1 rewrites the .expected files (review the diff).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "csv_test_util.h"
#include "segc/csv.h"

namespace segc::rt {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(SEGC_TEST_DATA_DIR) / "bad_csv";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string Outcome(const fs::path& csv, int threads) {
  CsvOptions options;
  options.display_name = csv.filename().string();
  options.threads = threads;
  options.min_chunk_bytes = 16;
  auto t = ReadCsv(csv.string(), testing_util::CustomersSchema(), options);
  if (t.ok()) return "ok: " + std::to_string(t->num_rows()) + " rows\n";
  return t.status().message() + "\n";
}

std::vector<fs::path> BadFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(BadCsv, AtLeastFifteenCases) { EXPECT_GE(BadFiles().size(), 15u); }

TEST(BadCsv, ErrorsMatchExpectedFiles) {
  const bool update = std::getenv("SEGC_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& csv : BadFiles()) {
    fs::path expected_path = fs::path(csv).replace_extension(".expected");
    std::string got = Outcome(csv, 1);
    if (update) std::ofstream(expected_path, std::ios::binary) << got;
    EXPECT_EQ(got, ReadAll(expected_path)) << csv;
    for (int threads : {2, 7}) EXPECT_EQ(Outcome(csv, threads), got) << csv << " " << threads;
  }
}

}  // namespace
}  // namespace segc::rt
