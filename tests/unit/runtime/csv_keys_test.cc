// Key integrity in ReadCsv: duplicate and empty keys are data errors at the lines of both rows.
#include <gtest/gtest.h>

#include "csv_test_util.h"
#include "segc/csv.h"

namespace segc::rt {
namespace {

Schema Keyed(ColumnType key_type) {
  return Schema{"customers", "cid", {{"cid", key_type, {}, ""}, {"v", ColumnType::kInt, {}, ""}}};
}

std::string ReadErrors(std::string_view csv, const Schema& schema, CsvOptions options = {}) {
  options.display_name = "c.csv";
  options.min_chunk_bytes = 8;  // many chunks: lines must not depend on the split
  std::string first;
  for (int threads : {1, 3}) {
    options.threads = threads;
    auto t = ReadCsvBuffer(csv, schema, options);
    std::string got = t.ok() ? "ok " + std::to_string(t->num_rows()) : t.status().message();
    if (threads == 1) first = got;
    EXPECT_EQ(got, first) << threads << " threads";
  }
  return first;
}

TEST(CsvKeys, DuplicateIntKeyNamesBothLines) {
  EXPECT_EQ(ReadErrors("v,cid\n1,10\n2,11\n3,10\n", Keyed(ColumnType::kInt)),
            "c.csv:4:2: data error: duplicate key '10' in column 'cid' on lines 2 and 4");
}

TEST(CsvKeys, DuplicateStringKey) {
  EXPECT_EQ(ReadErrors("cid,v\nA-1,1\nB-2,2\n\n\"A-1\",3\n", Keyed(ColumnType::kString)),
            "c.csv:5:1: data error: duplicate key 'A-1' in column 'cid' on lines 2 and 5 "
            "(record 3)");
}

TEST(CsvKeys, EmptyKey) {
  EXPECT_EQ(ReadErrors("cid,v\n1,1\n\"\",2\n", Keyed(ColumnType::kInt)),
            "c.csv:3:1: data error: empty key in column 'cid' (every row needs one)");
}

TEST(CsvKeys, SkippedBadRowsDoNotShiftTheLines) {
  CsvOptions options;
  options.skip_bad_rows = true;
  EXPECT_EQ(ReadErrors("cid,v\n1,x\n2,2\n3,y\n2,4\n", Keyed(ColumnType::kInt), options),
            "c.csv:2:2: data error: invalid int 'x' in column 'v'\n"
            "c.csv:4:2: data error: invalid int 'y' in column 'v'\n"
            "c.csv:5:1: data error: duplicate key '2' in column 'cid' on lines 3 and 5");
}

TEST(CsvKeys, ManyRepeatsAreCountedBeyondMaxErrors) {
  std::string csv = "cid,v\n";
  for (int i = 0; i < 30; ++i) csv += "5," + std::to_string(i) + "\n";
  CsvOptions options;
  options.max_errors = 2;
  EXPECT_EQ(ReadErrors(csv, Keyed(ColumnType::kInt), options),
            "c.csv:3:1: data error: duplicate key '5' in column 'cid' on lines 2 and 3\n"
            "c.csv:4:1: data error: duplicate key '5' in column 'cid' on lines 2 and 4\n"
            "c.csv: 27 more data errors not shown");
}

TEST(CsvKeys, CheckCanBeTurnedOffForEventTables) {
  CsvOptions options;
  options.check_key = false;
  EXPECT_EQ(ReadErrors("cid,v\n1,1\n1,2\n,3\n", Keyed(ColumnType::kInt), options), "ok 3");
}

TEST(CsvKeys, KeysOfOtherTypesAreNotChecked) {
  EXPECT_EQ(ReadErrors("cid,v\n1.5,1\n1.5,2\n", Keyed(ColumnType::kFloat)), "ok 2");
}

TEST(CsvKeys, ReportNamesTheKind) {
  CsvReport report;
  auto t = ReadCsvBuffer("cid,v\n1,1\n1,2\n", Keyed(ColumnType::kInt), {}, &report);
  ASSERT_FALSE(t.ok());
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].kind, DataErrorKind::kDuplicateKey);
  EXPECT_EQ(report.errors[0].value, "1");
  EXPECT_EQ(report.total_errors, 1);
}

}  // namespace
}  // namespace segc::rt
