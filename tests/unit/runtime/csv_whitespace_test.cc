// Whitespace-separated text: detection, normalisation, reading and inference (CDNOW-like files).
#include "runtime/io/csv_whitespace.h"

#include <gtest/gtest.h>

#include "csv_test_util.h"
#include "segc/csv.h"
#include "segc/schema_infer.h"

namespace segc::rt {
namespace {

using testing_util::ColumnText;

// The shape of CDNOW_master.txt: leading blanks, runs of spaces, CRLF, YYYYMMDD dates.
constexpr const char* kCdnow =
    " customer_id  date number_of_cds  dollar_value\r\n"
    " 00001 19970101  1   11.77\r\n"
    " 00002 19970112  1   12.00\r\n"
    "\r\n"
    " 00003 19970102  2   20.76\r\n";

Schema CdnowSchema() {
  return Schema{"purchases",
                "customer_id",
                {{"customer_id", ColumnType::kInt, {}, ""},
                 {"date", ColumnType::kDate, {}, "%Y%m%d"},
                 {"number_of_cds", ColumnType::kInt, {}, ""},
                 {"dollar_value", ColumnType::kFloat, {}, ""}}};
}

TEST(CsvWhitespace, Detection) {
  EXPECT_TRUE(LooksWhitespaceSeparated(kCdnow));
  EXPECT_TRUE(LooksWhitespaceSeparated("a b\n1 2\n"));
  EXPECT_FALSE(LooksWhitespaceSeparated("a,b\n1,2\n"));
  EXPECT_FALSE(LooksWhitespaceSeparated("a\tb\n1 2\t3\n"));
  EXPECT_FALSE(LooksWhitespaceSeparated("customer id\n1\n2\n"));  // one column, spaced name
  EXPECT_FALSE(LooksWhitespaceSeparated("a b c\n1 2\n"));
}

TEST(CsvWhitespace, NormaliseKeepsLinesAndQuotedText) {
  EXPECT_EQ(NormalizeWhitespace("  a   b \t c  \r\n\n 1 \"x  y\"  2\n"),
            "a\tb\tc\r\n\n1\t\"x  y\"\t2\n");
  EXPECT_EQ(NormalizeWhitespace("a b\n1 2\n3 4\n", 2), "a\tb\n1\t2\n");
}

TEST(CsvWhitespace, DetectedAndRead) {
  CsvReport report;
  auto t = ReadCsvBuffer(kCdnow, CdnowSchema(), {}, &report);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(report.delimiter, kWhitespaceDelimiter);
  EXPECT_EQ(ColumnText(*t, "customer_id"), "1|2|3");
  EXPECT_EQ(ColumnText(*t, "date"), "d9862|d9873|d9863");
  EXPECT_EQ(ColumnText(*t, "dollar_value"), "11.77|12|20.760000000000002");
}

TEST(CsvWhitespace, ErrorsKeepTheFileLinesAndFields) {
  std::string csv = std::string(kCdnow) + "  00004 19970230 1 3.5\r\n";
  CsvOptions options;
  options.delimiter = kWhitespaceDelimiter;
  options.display_name = "cdnow.txt";
  auto t = ReadCsvBuffer(csv, CdnowSchema(), options);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "cdnow.txt:6:2: data error: invalid date '19970230' in column 'date', expected "
            "format '%Y%m%d' (record 4)");
}

TEST(CsvWhitespace, InferSchemaDetectsIt) {
  InferReport report;
  auto schema = InferSchemaFromBuffer(" id  name   spend\n 1  ann  1.5\n 2  \"bo b\"  2\n",
                                      {.table_name = "c"}, &report);
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  EXPECT_EQ(report.delimiter, kWhitespaceDelimiter);
  EXPECT_EQ(FormatTableDeclaration(*schema),
            "table c key id {\n  id: int\n  name: string\n  spend: float\n}\n");
}

TEST(CsvWhitespace, HeaderlessFileIsAClearError) {
  auto schema =
      InferSchemaFromBuffer(" 00004 0001 19970101  2   29.33\n 00004 0001 19970118 2 1\n");
  ASSERT_FALSE(schema.ok());
  EXPECT_EQ(schema.status().message(),
            "the first line looks like data, not a header: its 5 fields are all numbers ('00004 "
            "0001 19970101 2 29.33')\n"
            "  hint: segc needs a first line naming the columns; add one, e.g. 'column_1 "
            "column_2 column_3 column_4 column_5'");
  auto t = ReadCsvBuffer("1,2\n3,4\n", Schema{"t", "", {{"a", ColumnType::kInt, {}, ""}}});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("the first line looks like data"), std::string::npos);
}

}  // namespace
}  // namespace segc::rt
