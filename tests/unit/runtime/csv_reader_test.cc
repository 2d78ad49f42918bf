// Tests for ReadCsv / ReadCsvBuffer features: types, quoting, delimiters, BOM, CRLF, nulls,
// decimal comma, date formats, gzip, ignored and reordered columns.
#include <gtest/gtest.h>
#include <zlib.h>

#include "csv_test_util.h"
#include "segc/csv.h"

namespace segc::rt {
namespace {

using testing_util::ColumnText;
using testing_util::CustomersSchema;

Table MustRead(std::string_view csv, const Schema& schema, CsvOptions options = {},
               CsvReport* report = nullptr) {
  auto t = ReadCsvBuffer(csv, schema, options, report);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : Table();
}

// One column and no key: the values may repeat (key integrity is tested in csv_keys_test.cc).
Schema OneColumn(ColumnType type, std::string date_format = "") {
  return Schema{"t", "", {{"x", type, {}, std::move(date_format)}}};
}

TEST(CsvReader, AllTypesReorderedAndExtraColumnsIgnored) {
  const char* csv =
      "tier,extra,name,joined,active,score,id\n"
      "gold,zz,Ann,2026-11-01,true,1.5,1\n"
      "bronze,zz,Bob,1970-01-01,no,-2,2\n";
  Table t = MustRead(csv, CustomersSchema());
  EXPECT_EQ(t.num_rows(), 2);
  EXPECT_EQ(t.names(),
            (std::vector<std::string>{"id", "score", "active", "joined", "name", "tier"}));
  EXPECT_EQ(ColumnText(t, "id"), "1|2");
  EXPECT_EQ(ColumnText(t, "score"), "1.5|-2");
  EXPECT_EQ(ColumnText(t, "active"), "true|false");
  EXPECT_EQ(ColumnText(t, "joined"), "d20758|d0");
  EXPECT_EQ(ColumnText(t, "name"), "Ann|Bob");
  EXPECT_EQ(ColumnText(t, "tier"), "gold|bronze");
  EXPECT_EQ(t.GetColumn("tier")->Code(1), 2);
  EXPECT_EQ(t.GetColumn("tier")->dictionary()->size(), 3);
}

TEST(CsvReader, DelimiterDetection) {
  Schema s{"t", "a", {{"a", ColumnType::kInt, {}, ""}, {"b", ColumnType::kString, {}, ""}}};
  for (char d : {',', ';', '\t', '|'}) {
    std::string csv = std::string("a") + d + "b\n1" + d + "x,y\n";
    if (d == ',') csv = "a,b\n1,\"x,y\"\n";
    CsvReport report;
    Table t = MustRead(csv, s, {}, &report);
    EXPECT_EQ(report.delimiter, d);
    EXPECT_EQ(ColumnText(t, "b"), "x,y");
  }
  CsvOptions forced;
  forced.delimiter = ';';
  EXPECT_EQ(ColumnText(MustRead("a;b\n1;x|y\n", s, forced), "b"), "x|y");
}

TEST(CsvReader, Rfc4180QuotingWithNewlinesAndDoubledQuotes) {
  Schema s{"t", "a", {{"a", ColumnType::kInt, {}, ""}, {"b", ColumnType::kString, {}, ""}}};
  const char* csv = "\"a\",\"b\"\n1,\"multi\nline, \"\"quoted\"\"\"\n2,\"\"\"\"\n3,plain\n";
  CsvReport report;
  Table t = MustRead(csv, s, {}, &report);
  EXPECT_EQ(ColumnText(t, "b"), "multi\nline, \"quoted\"|\"|plain");
  EXPECT_EQ(report.records, 3);
}

TEST(CsvReader, BomAndCrlf) {
  Schema s{"t", "a", {{"a", ColumnType::kInt, {}, ""}, {"b", ColumnType::kString, {}, ""}}};
  Table t = MustRead(
      "\xEF\xBB\xBF"
      "a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n3,w",
      s);
  EXPECT_EQ(ColumnText(t, "a"), "1|2|3");
  EXPECT_EQ(ColumnText(t, "b"), "x|y\r\nz|w");
}

TEST(CsvReader, DecimalCommaAutoDetectedWithSemicolons) {
  Schema s{"t", "a", {{"a", ColumnType::kFloat, {}, ""}, {"b", ColumnType::kInt, {}, ""}}};
  CsvReport report;
  Table t = MustRead("a;b\n12,5;1\n-3;2\n0,25;3\n", s, {}, &report);
  EXPECT_TRUE(report.decimal_comma);
  EXPECT_EQ(ColumnText(t, "a"), "12.5|-3|0.25");
  Table dot = MustRead("a;b\n12.5;1\n", s, {}, &report);
  EXPECT_FALSE(report.decimal_comma);
  EXPECT_EQ(ColumnText(dot, "a"), "12.5");
}

TEST(CsvReader, DecimalCommaForcedWithQuotedFields) {
  Schema s = OneColumn(ColumnType::kFloat);
  CsvOptions options;
  options.decimal_comma = DecimalComma::kYes;
  EXPECT_EQ(ColumnText(MustRead("x\n\"1,5\"\n2\n", s, options), "x"), "1.5|2");
  EXPECT_FALSE(ReadCsvBuffer("x\n\"1,5\"\n", s).ok());  // ',' delimiter: no auto detection
}

TEST(CsvReader, PerColumnDateFormats) {
  Schema s{"t",
           "a",
           {{"a", ColumnType::kDate, {}, "%d/%m/%Y"}, {"b", ColumnType::kDate, {}, "%d %b %y"}}};
  Table t = MustRead("a,b\n01/11/2026,1 Nov 26\n29/02/2024,31 dec 99\n", s);
  EXPECT_EQ(ColumnText(t, "a"), "d20758|d19782");
  EXPECT_EQ(ColumnText(t, "b"), "d20758|d10956");
}

TEST(CsvReader, BadDateFormatInSchemaIsInvalidArgument) {
  auto t = ReadCsvBuffer("x\n1\n", OneColumn(ColumnType::kDate, "%Q"));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
}

TEST(CsvReader, BoolTokens) {
  Table t = MustRead("x\ntrue\nFALSE\n1\n0\nYes\nno\n\n", OneColumn(ColumnType::kBool));
  EXPECT_EQ(ColumnText(t, "x"), "true|false|true|false|true|false");
}

TEST(CsvReader, EmptyFieldsAndNullTokens) {
  Schema s{"t",
           "a",
           {{"a", ColumnType::kInt, {}, ""},
            {"b", ColumnType::kString, {}, ""},
            {"c", ColumnType::kFloat, {}, ""}}};
  CsvOptions options;
  options.null_tokens = {"NA", "NULL"};
  options.check_key = false;  // null keys are the subject of KeyIntegrity tests
  Table t =
      MustRead("a,b,c\n,,\nNA,NA,NULL\n1,\"NA\",\" \"\n\"\",\"\",2\n 7 ,x, 1.5\n", s, options);
  EXPECT_EQ(ColumnText(t, "a"), "null|null|1|null|7");
  EXPECT_EQ(ColumnText(t, "b"), "null|null|NA|null|x");   // a quoted "NA" is the text NA
  EXPECT_EQ(ColumnText(t, "c"), "null|null|null|2|1.5");  // blank numeric field is null
  EXPECT_EQ(t.GetColumn("a")->null_count(), 3);
}

TEST(CsvReader, HeaderOnlyGivesZeroRows) {
  Table t = MustRead("id,score,active,joined,name,tier\n", CustomersSchema());
  EXPECT_EQ(t.num_rows(), 0);
  EXPECT_EQ(t.num_columns(), 6);
  Table no_newline = MustRead("id,score,active,joined,name,tier", CustomersSchema());
  EXPECT_EQ(no_newline.num_rows(), 0);
}

TEST(CsvReader, BlankLinesAreSkippedAndLinesStillCounted) {
  Schema s = OneColumn(ColumnType::kInt);
  Table t = MustRead("x\n1\n\n2\r\n\r\n3", s);
  EXPECT_EQ(ColumnText(t, "x"), "1|2|3");
  CsvReport report;
  EXPECT_FALSE(ReadCsvBuffer("x\n1\n\nbad\n", s, {}, &report).ok());
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].line, 4);
  EXPECT_EQ(report.errors[0].record, 2);
}

TEST(CsvReader, TrailingDelimiterMeansEmptyLastField) {
  Schema s{"t", "a", {{"a", ColumnType::kInt, {}, ""}, {"b", ColumnType::kInt, {}, ""}}};
  EXPECT_EQ(ColumnText(MustRead("a,b\n1,\n2,", s), "b"), "null|null");
}

TEST(CsvReader, StringDictionaryInFirstSeenOrder) {
  Table t = MustRead("x\nb\na\nb\nc\na\n", OneColumn(ColumnType::kString));
  const Column* c = t.GetColumn("x");
  ASSERT_EQ(c->dictionary()->size(), 3);
  EXPECT_EQ(c->dictionary()->Get(0), "b");
  EXPECT_EQ(c->dictionary()->Get(2), "c");
  EXPECT_EQ(c->Code(4), 1);
}

TEST(CsvReader, TenMegabyteFieldWorksInStringColumn) {
  std::string big(10 << 20, 'a');
  std::string csv = "x\n\"" + big + "\"\nsmall\n";
  Table t = MustRead(csv, OneColumn(ColumnType::kString));
  ASSERT_EQ(t.num_rows(), 2);
  EXPECT_EQ(t.GetColumn("x")->String(0).size(), big.size());
}

TEST(CsvReader, TenMegabyteFieldInIntColumnIsATruncatedError) {
  std::string csv = "x\n" + std::string(10 << 20, '7') + "x\n";
  CsvReport report;
  auto t = ReadCsvBuffer(csv, OneColumn(ColumnType::kInt), {}, &report);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kDataError);
  EXPECT_EQ(t.status().message(), "<buffer>:2:1: data error: invalid int '" + std::string(40, '7') +
                                      "...' in column 'x'");
}

std::string Gzip(const std::string& data) {
  std::string out(compressBound(uLong(data.size())) + 64, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = uInt(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = uInt(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(CsvReader, GzipInputIsDetectedByMagicBytes) {
  std::string csv = "x\n";
  for (int i = 0; i < 50000; ++i) csv += std::to_string(i) + "\n";
  std::string path = testing_util::WriteTempFile("ints.csv.gz", Gzip(csv));
  auto t = ReadCsv(path, OneColumn(ColumnType::kInt));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->num_rows(), 50000);
  EXPECT_EQ(t->column(0).Int64(49999), 49999);
  std::string truncated = testing_util::WriteTempFile("cut.csv.gz", Gzip(csv).substr(0, 100));
  auto bad = ReadCsv(truncated, OneColumn(ColumnType::kInt));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kIoError);
}

TEST(CsvReader, FilesReadThroughACopyAreHashedAsStored) {
  // data_hash is of the file's bytes: compressed for gzip, before conversion for Windows-1252.
  CsvOptions options;
  options.hash_file = true;
  std::string csv = "x\n";
  for (int i = 0; i < 50000; ++i) csv += std::to_string(i) + "\n";
  const std::string gz = Gzip(csv);
  CsvReport report;
  ASSERT_TRUE(ReadCsv(testing_util::WriteTempFile("hashed.csv.gz", gz), OneColumn(ColumnType::kInt),
                      options, &report)
                  .ok());
  ASSERT_TRUE(report.file_hash.has_value());
  EXPECT_EQ(*report.file_hash, FileBytesHash(gz));
  const std::string latin = "x\ncaf\xe9\n\x80 5\n";
  options.encoding = TextEncoding::kWindows1252;
  auto t = ReadCsv(testing_util::WriteTempFile("hashed_1252.csv", latin),
                   OneColumn(ColumnType::kString), options, &report);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->column(0).String(0), "caf\u00e9");
  ASSERT_TRUE(report.file_hash.has_value());
  EXPECT_EQ(*report.file_hash, FileBytesHash(latin));
}

TEST(CsvReader, MissingFileIsIoError) {
  auto t = ReadCsv("/nonexistent/x.csv", OneColumn(ColumnType::kInt));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kIoError);
}

TEST(CsvReader, SkipBadRowsKeepsGoodRowsAndWritesRejects) {
  CsvOptions options;
  options.skip_bad_rows = true;
  options.rejects_path = ::testing::TempDir() + "rejects.csv";
  CsvReport report;
  Table t = MustRead("x\n1\nzz\n3\n\"4\"5\n", OneColumn(ColumnType::kInt), options, &report);
  EXPECT_EQ(ColumnText(t, "x"), "1|3");
  EXPECT_EQ(report.total_errors, 2);
  std::ifstream in(options.rejects_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text,
            "line,record,error,text\n"
            "3,2,bad_int,\"zz\"\n"
            "5,4,stray_quote,\"\"\"4\"\"5\"\n");
}

TEST(CsvReader, MaxErrorsKeepsTheFirstAndCountsAll) {
  std::string csv = "x\n";
  for (int i = 0; i < 30; ++i) csv += "bad\n";
  CsvOptions options;
  options.max_errors = 3;
  CsvReport report;
  auto t = ReadCsvBuffer(csv, OneColumn(ColumnType::kInt), options, &report);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.total_errors, 30);
  EXPECT_EQ(report.errors[2].line, 4);
  EXPECT_NE(t.status().message().find("<buffer>: 27 more data errors not shown"),
            std::string::npos);
}

TEST(CsvReader, RecordNumberShownWhenQuotedNewlinesShiftLines) {
  Schema s{"t", "a", {{"a", ColumnType::kString, {}, ""}, {"b", ColumnType::kInt, {}, ""}}};
  auto t = ReadCsvBuffer("a,b\n\"x\ny\",1\nz,oops\n", s);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "<buffer>:4:2: data error: invalid int 'oops' in column 'b' (record 2)");
}

}  // namespace
}  // namespace segc::rt
