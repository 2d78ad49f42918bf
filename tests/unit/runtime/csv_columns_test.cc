// ReadCsv with CsvOptions::columns (only the columns a run reads are parsed) and with
// CsvOptions::hash_file (the file's content hash computed during the parse).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "csv_test_util.h"
#include "segc/csv.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace segc::rt {
namespace {

using testing_util::ColumnText;
using testing_util::CustomersSchema;

TEST(CsvColumns, OnlyTheNamedColumnsAreParsedAndReturned) {
  // 'score' holds a bad number and 'tier' an unknown label: neither is parsed.
  const char* csv =
      "id,score,active,joined,name,tier\n"
      "1,oops,true,2026-11-01,Ann,platinum\n"
      "2,-2,no,1970-01-01,Bob,bronze\n";
  CsvOptions options;
  options.columns = {"name", "id"};
  auto t = ReadCsvBuffer(csv, CustomersSchema(), options);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->names(), (std::vector<std::string>{"id", "name"}));  // schema order
  EXPECT_EQ(ColumnText(*t, "id"), "1|2");
  EXPECT_EQ(ColumnText(*t, "name"), "Ann|Bob");
  options.columns.clear();  // every declared column: both values are errors
  CsvReport report;
  EXPECT_FALSE(ReadCsvBuffer(csv, CustomersSchema(), options, &report).ok());
  EXPECT_EQ(report.total_errors, 2);
}

TEST(CsvColumns, SkippedColumnsStillCountInTheRecordStructure) {
  CsvOptions options;
  options.columns = {"id"};
  CsvReport report;
  // A missing declared column and a short row are still errors.
  EXPECT_FALSE(ReadCsvBuffer("id,score\n1,2\n", CustomersSchema(), options, &report).ok());
  const char* ragged =
      "id,score,active,joined,name,tier\n"
      "1,2,true,2026-11-01,Ann\n";
  EXPECT_FALSE(ReadCsvBuffer(ragged, CustomersSchema(), options, &report).ok());
  EXPECT_EQ(report.errors.at(0).kind, DataErrorKind::kRaggedRow);
  options.columns = {"nope"};
  auto unknown = ReadCsvBuffer("id,score,active,joined,name,tier\n", CustomersSchema(), options);
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
}

TEST(CsvColumns, TheCheckedKeyIsParsedEvenWhenNotNamed) {
  const char* csv =
      "id,score,active,joined,name,tier\n"
      "1,1,true,2026-11-01,Ann,gold\n"
      "1,2,no,1970-01-01,Bob,bronze\n";
  CsvOptions options;
  options.columns = {"name"};
  CsvReport report;
  EXPECT_FALSE(ReadCsvBuffer(csv, CustomersSchema(), options, &report).ok());
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].kind, DataErrorKind::kDuplicateKey);
  options.check_key = false;  // an event table's key repeats: then only the named columns
  auto t = ReadCsvBuffer(csv, CustomersSchema(), options);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->names(), (std::vector<std::string>{"name"}));
  options.check_key = true;
  auto unique =
      ReadCsvBuffer("id,score,active,joined,name,tier\n1,x,true,2026-11-01,Ann,gold\n2,,,,Bob,\n",
                    CustomersSchema(), options);
  ASSERT_TRUE(unique.ok()) << unique.status().message();
  EXPECT_EQ(unique->names(), (std::vector<std::string>{"id", "name"}));
}

TEST(CsvColumns, TheDecimalCommaIsDetectedOverEveryDeclaredColumn) {
  // Only 'b' shows the decimal comma in the sampled records; 'a' shows it after them. Reading
  // only 'a' must see the file as --strict-columns does, not fail on '7,25'.
  Schema schema{"t", "id", {}};
  schema.columns.push_back({"id", ColumnType::kInt, {}, ""});
  schema.columns.push_back({"a", ColumnType::kFloat, {}, ""});
  schema.columns.push_back({"b", ColumnType::kFloat, {}, ""});
  std::string csv = "id;a;b\n";
  for (int i = 1; i <= 1000; ++i) csv += std::to_string(i) + ";12;3,5\n";
  csv += "1001;7,25;1\n";
  for (bool narrow : {false, true}) {
    CsvOptions options;
    if (narrow) options.columns = {"a"};
    CsvReport report;
    auto t = ReadCsvBuffer(csv, schema, options, &report);
    ASSERT_TRUE(t.ok()) << narrow << ": " << t.status().message();
    EXPECT_TRUE(report.decimal_comma) << narrow;
    EXPECT_EQ(t->GetColumn("a")->Float64(1000), 7.25) << narrow;
  }
}

TEST(CsvColumns, AWhitespaceSeparatedFileIsHashedAsStored) {
  // The parsers read the file rewritten as tab-separated: the hash is still of the file's bytes.
  const auto path = std::filesystem::temp_directory_path() / "segc_csv_columns_ws_hash.txt";
  std::string text = "x   y\n";
  for (int64_t i = 0; text.size() < 3500000; ++i) {
    text += std::to_string(i * 7919 % 100003) + "  " + std::to_string(i) + "\n";
  }
  std::ofstream(path, std::ios::binary) << text;
  const Schema schema{"t", "", {{"x", ColumnType::kInt, {}, ""}, {"y", ColumnType::kInt, {}, ""}}};
  for (int threads : {1, 3}) {
    CsvOptions options;
    options.threads = threads;
    options.min_chunk_bytes = 300000;
    options.hash_file = true;
    CsvReport report;
    auto t = ReadCsv(path.string(), schema, options, &report);
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(report.delimiter, kWhitespaceDelimiter);
    ASSERT_TRUE(report.file_hash.has_value());
    EXPECT_EQ(*report.file_hash, FileBytesHash(text)) << threads << " threads";
  }
  std::filesystem::remove(path);
}

TEST(FileBytesHash, FollowsItsDefinitionAndStreams) {
  // The documented definition (docs/cli.md, data_hash), computed here with xxhash directly.
  std::string text(2 * (1 << 20) + 77, 'x');
  for (size_t i = 0; i < text.size(); i += 4099) text[i] = char('a' + i % 23);
  const uint64_t blocks[3] = {XXH3_64bits(text.data(), 1 << 20),
                              XXH3_64bits(text.data() + (1 << 20), 1 << 20),
                              XXH3_64bits(text.data() + 2 * (1 << 20), 77)};
  EXPECT_EQ(FileBytesHash(text), XXH3_64bits_withSeed(blocks, sizeof blocks, text.size()));
  EXPECT_EQ(FileBytesHash(""), XXH3_64bits_withSeed(nullptr, 0, 0));
  EXPECT_NE(FileBytesHash(std::string(1 << 20, 'a')),
            FileBytesHash(std::string((1 << 20) + 1, 'a')));
  // Fed in pieces of any size, FileBytesHasher gives the same hash.
  for (size_t piece : {size_t(4096), size_t(1 << 20), size_t(1500000)}) {
    FileBytesHasher hasher;
    for (size_t at = 0; at < text.size(); at += piece)
      hasher.Update(std::string_view(text).substr(at, piece));
    EXPECT_EQ(hasher.Digest(), FileBytesHash(text)) << piece;
  }
  FileBytesHasher bytewise;
  for (char c : std::string_view(text).substr(0, 5000)) bytewise.Update(std::string_view(&c, 1));
  EXPECT_EQ(bytewise.Digest(), FileBytesHash(text.substr(0, 5000)));
}

TEST(CsvColumns, TheFileHashDoesNotDependOnThreadsOrChunks) {
  const auto path = std::filesystem::temp_directory_path() / "segc_csv_columns_hash.csv";
  std::string text = "x\n";
  for (int64_t i = 0; text.size() < 3500000; ++i) text += std::to_string(i * 7919 % 100003) + "\n";
  std::ofstream(path, std::ios::binary) << text;
  const Schema schema{"t", "", {{"x", ColumnType::kInt, {}, ""}}};  // x repeats: not a key
  for (int threads : {1, 3}) {
    CsvOptions options;
    options.threads = threads;
    options.min_chunk_bytes = 300000;  // chunks that straddle the 1 MiB hash blocks
    options.hash_file = true;
    CsvReport report;
    ASSERT_TRUE(ReadCsv(path.string(), schema, options, &report).ok());
    ASSERT_TRUE(report.file_hash.has_value());
    EXPECT_EQ(*report.file_hash, FileBytesHash(text)) << threads << " threads";
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace segc::rt
