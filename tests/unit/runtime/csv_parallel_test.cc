// The CSV reader gives identical tables and errors for any thread count (1, 2, 7), including
// files with quoted newlines, doubled quotes, nulls, CRLF and bad records.
#include <gtest/gtest.h>

#include <random>

#include "csv_test_util.h"
#include "segc/csv.h"

namespace segc::rt {
namespace {

using testing_util::Cell;
using testing_util::CustomersSchema;

// A deterministic pseudo-random customers file; `bad_every` > 0 plants an error every N rows.
std::string GenerateCsv(int rows, int bad_every, uint32_t seed) {
  std::mt19937 rng(seed);
  const char* names[] = {
      "Ann", "Bob", "multi\nline", "with \"\"quotes\"\"", "comma, inside", "caf\xc3\xa9", "", "x"};
  const char* tiers[] = {"gold", "silver", "bronze", ""};
  std::string csv = "name,id,score,active,joined,tier,ignored\n";
  for (int i = 0; i < rows; ++i) {
    const char* name = names[rng() % 8];
    bool quote = std::string_view(name).find_first_of("\n\",") != std::string_view::npos;
    csv += quote ? std::string("\"") + name + "\"" : std::string(name);
    csv += "," + std::to_string(i) + ",";
    csv += (rng() % 5 == 0) ? "" : std::to_string(int(rng() % 100000) - 500) + ".25";
    csv += rng() % 2 ? ",yes," : ",0,";
    csv += (bad_every > 0 && i % bad_every == 7) ? "2026-02-30"
                                                 : "2020-01-" + std::to_string(1 + rng() % 28);
    csv += std::string(",") + tiers[rng() % 4] + ",\"ig\nnored\"";
    csv += rng() % 3 == 0 ? "\r\n" : "\n";
  }
  return csv;
}

std::string Dump(const Table& t) {
  std::string out;
  for (int c = 0; c < t.num_columns(); ++c) {
    const Column& col = t.column(c);
    out += t.name(c) + ":";
    for (int64_t i = 0; i < col.length(); ++i) {
      out += Cell(col, i) + (col.dictionary() ? "#" + std::to_string(col.Code(i)) : "") + ";";
    }
    out += "\n";
  }
  return out;
}

class CsvThreads : public testing::TestWithParam<int> {
 protected:
  CsvOptions Options() const {
    CsvOptions o;
    o.threads = GetParam();
    o.min_chunk_bytes = 64;  // many chunks even for small inputs
    return o;
  }
};

TEST_P(CsvThreads, SameTableAsSingleThreaded) {
  std::string csv = GenerateCsv(3000, 0, 42);
  CsvOptions single;
  single.threads = 1;
  auto expected = ReadCsvBuffer(csv, CustomersSchema(), single);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  auto got = ReadCsvBuffer(csv, CustomersSchema(), Options());
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->num_rows(), 3000);
  EXPECT_EQ(Dump(*got), Dump(*expected));
}

TEST_P(CsvThreads, SameErrorsAsSingleThreaded) {
  std::string csv = GenerateCsv(2000, 50, 7);
  CsvOptions single;
  single.threads = 1;
  single.max_errors = 1000;
  CsvReport expected, got;
  auto a = ReadCsvBuffer(csv, CustomersSchema(), single, &expected);
  CsvOptions options = Options();
  options.max_errors = 1000;
  auto b = ReadCsvBuffer(csv, CustomersSchema(), options, &got);
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(expected.total_errors, 40);
  EXPECT_EQ(got.total_errors, expected.total_errors);
  EXPECT_EQ(b.status().message(), a.status().message());
}

TEST_P(CsvThreads, FirstErrorsSortedByLineWithDefaultLimit) {
  std::string csv = GenerateCsv(2000, 50, 9);
  CsvReport report;
  ASSERT_FALSE(ReadCsvBuffer(csv, CustomersSchema(), Options(), &report).ok());
  ASSERT_EQ(report.errors.size(), 20u);
  for (size_t i = 1; i < report.errors.size(); ++i) {
    EXPECT_LT(report.errors[i - 1].line, report.errors[i].line);
  }
  EXPECT_EQ(report.errors[0].record, 8);
}

// Chunks that yield fewer rows than their newline bound (blank lines, skipped bad records,
// quoted newlines) leave gaps in the pre-allocated buffers that the merge must close.
TEST_P(CsvThreads, SkippedRowsAndBlankLinesSameTable) {
  std::string csv = GenerateCsv(3000, 40, 11);
  std::string spaced;
  int newlines = 0;
  for (char c : csv) {
    spaced += c;
    if (c == '\n' && ++newlines % 37 == 0) spaced += "\n";
  }
  CsvOptions single;
  single.threads = 1;
  single.skip_bad_rows = true;
  auto expected = ReadCsvBuffer(spaced, CustomersSchema(), single);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  CsvOptions options = Options();
  options.skip_bad_rows = true;
  auto got = ReadCsvBuffer(spaced, CustomersSchema(), options);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->num_rows(), 3000 - 75);
  EXPECT_EQ(Dump(*got), Dump(*expected));
}

TEST_P(CsvThreads, UnterminatedQuoteAtTheEnd) {
  std::string csv = GenerateCsv(500, 0, 3) + "\"never closed,1,2,3\n4,5,6\n";
  CsvReport report;
  auto t = ReadCsvBuffer(csv, CustomersSchema(), Options(), &report);
  ASSERT_FALSE(t.ok());
  ASSERT_EQ(report.total_errors, 1);
  EXPECT_EQ(report.errors[0].kind, DataErrorKind::kUnterminatedQuote);
  EXPECT_EQ(report.errors[0].record, 501);
}

INSTANTIATE_TEST_SUITE_P(Threads, CsvThreads, testing::Values(1, 2, 7));

}  // namespace
}  // namespace segc::rt
