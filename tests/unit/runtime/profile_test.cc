// Tests for ProfileCsvBuffer: fill rates, distinct and top values, min/max, invalid values,
// malformed records and key duplicates.
#include "segc/profile.h"

#include <gtest/gtest.h>

namespace segc::rt {
namespace {

ColumnSpec Col(std::string name, ColumnType type, std::string date_format = "") {
  ColumnSpec spec;
  spec.name = std::move(name);
  spec.type = type;
  spec.date_format = std::move(date_format);
  return spec;
}

DataProfile Profile(std::string_view csv, const Schema& schema, ProfileOptions options = {}) {
  Result<DataProfile> profile = ProfileCsvBuffer(csv, schema, options);
  EXPECT_TRUE(profile.ok()) << profile.status().message();
  return profile.ok() ? std::move(profile).value() : DataProfile{};
}

std::vector<std::pair<std::string, int64_t>> Top(const ColumnProfile& column) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const ValueCount& v : column.top) out.emplace_back(v.value, v.count);
  return out;
}

TEST(ProfileCsv, FillRateCountsEmptyFieldsAndNullTokensAsMissing) {
  Schema schema{"t",
                "",
                {Col("id", ColumnType::kInt), Col("name", ColumnType::kString),
                 Col("amount", ColumnType::kFloat)}};
  const char* csv =
      "id,name,amount\n"
      "1,Ann,1.5\n"
      "2,,NA\n"
      "3,\"NA\",  \n"  // a quoted NA is a value; blanks in a number field are empty
      "4,NA,2\n"
      ",Bob,\n";
  ProfileOptions options;
  options.csv.null_tokens = {"NA"};
  DataProfile p = Profile(csv, schema, options);
  EXPECT_EQ(p.records, 5);
  ASSERT_EQ(p.columns.size(), 3u);
  EXPECT_EQ(p.columns[0].rows, 5);
  EXPECT_EQ(p.columns[0].filled, 4);
  EXPECT_EQ(p.columns[1].filled, 3);  // Ann, "NA", Bob
  EXPECT_EQ(p.columns[1].distinct, 3);
  EXPECT_EQ(p.columns[2].filled, 2);
  EXPECT_EQ(p.columns[2].invalid, 0);
  EXPECT_EQ(p.columns[2].min, "1.5");
  EXPECT_EQ(p.columns[2].max, "2");
}

TEST(ProfileCsv, TopValuesBreakTiesByValue) {
  Schema schema{"t",
                "",
                {Col("n", ColumnType::kInt), Col("s", ColumnType::kString),
                 Col("b", ColumnType::kBool), Col("d", ColumnType::kDate)}};
  const char* csv =
      "n,s,b,d\n"
      "10,b,true,2026-01-02\n"
      "9,a,false,2026-01-01\n"
      "10,b,true,2026-01-02\n"
      "9,a,false,2026-01-01\n"
      "100,c,true,2025-12-31\n";
  ProfileOptions options;
  options.top = 2;
  DataProfile p = Profile(csv, schema, options);
  // 9 and 10 both twice: numeric order puts 9 first (as text "10" < "9").
  EXPECT_EQ(Top(p.columns[0]), (std::vector<std::pair<std::string, int64_t>>{{"9", 2}, {"10", 2}}));
  EXPECT_EQ(Top(p.columns[1]), (std::vector<std::pair<std::string, int64_t>>{{"a", 2}, {"b", 2}}));
  EXPECT_EQ(Top(p.columns[2]),
            (std::vector<std::pair<std::string, int64_t>>{{"true", 3}, {"false", 2}}));
  EXPECT_EQ(Top(p.columns[3]),
            (std::vector<std::pair<std::string, int64_t>>{{"2026-01-01", 2}, {"2026-01-02", 2}}));
  EXPECT_EQ(p.columns[0].distinct, 3);
  EXPECT_EQ(p.columns[0].min, "9");
  EXPECT_EQ(p.columns[0].max, "100");
  EXPECT_EQ(p.columns[3].min, "2025-12-31");
  EXPECT_EQ(p.columns[3].max, "2026-01-02");
  EXPECT_FALSE(p.columns[2].min.has_value());  // no min/max for bools
}

TEST(ProfileCsv, KeyDuplicatesCompareValuesAndListLines) {
  Schema schema{"t", "id", {Col("id", ColumnType::kInt), Col("x", ColumnType::kString)}};
  const char* csv =
      "id,x\n"
      "7,a\n"    // line 2
      "8,b\n"    // line 3
      "007,c\n"  // line 4: the same int as 7
      ",d\n"     // line 5: no key
      "8,e\n"    // line 6
      "7,f\n"    // line 7
      "9,g\n";
  ProfileOptions options;
  options.key = "id";
  DataProfile p = Profile(csv, schema, options);
  ASSERT_TRUE(p.key.has_value());
  const KeyProfile& k = *p.key;
  EXPECT_EQ(k.column, "id");
  EXPECT_EQ(k.distinct, 3);
  EXPECT_EQ(k.duplicate_rows, 3);   // lines 4, 6, 7
  EXPECT_EQ(k.duplicated_keys, 2);  // 7 and 8
  EXPECT_EQ(k.empty, 1);
  EXPECT_EQ(k.first_empty_line, 5);
  ASSERT_EQ(k.examples.size(), 2u);
  EXPECT_EQ(k.examples[0].value, "7");  // the first key seen again
  EXPECT_EQ(k.examples[0].count, 3);
  EXPECT_EQ(k.examples[0].lines, (std::vector<int64_t>{2, 4, 7}));
  EXPECT_EQ(k.examples[1].value, "8");
  EXPECT_EQ(k.examples[1].lines, (std::vector<int64_t>{3, 6}));
}

TEST(ProfileCsv, KeyExamplesAreCapped) {
  Schema schema{"t", "id", {Col("id", ColumnType::kString)}};
  std::string csv = "id\n";
  for (int i = 0; i < 10; ++i) csv += "k" + std::to_string(i % 4) + "\n";
  ProfileOptions options;
  options.key = "id";
  options.key_examples = 2;
  options.key_example_lines = 2;
  DataProfile p = Profile(csv, schema, options);
  EXPECT_EQ(p.key->duplicated_keys, 4);
  EXPECT_EQ(p.key->duplicate_rows, 6);
  ASSERT_EQ(p.key->examples.size(), 2u);
  EXPECT_EQ(p.key->examples[0].value, "k0");
  EXPECT_EQ(p.key->examples[0].count, 3);
  EXPECT_EQ(p.key->examples[0].lines, (std::vector<int64_t>{2, 6}));
}

TEST(ProfileCsv, InvalidValuesAreCountedWithTheFirstLine) {
  Schema schema{"t",
                "",
                {Col("n", ColumnType::kInt), Col("d", ColumnType::kDate, "%d/%m/%Y"),
                 Col("e", ColumnType::kEnum)}};
  schema.columns[2].enum_values = {"gold", "silver"};
  const char* csv =
      "n,d,e\n"
      "1,31/12/2025,gold\n"
      "x2,2025-12-31,bronze\n"
      "3,30/02/2025,silver\n"
      "4.5,01/01/2026,gold\n";
  DataProfile p = Profile(csv, schema);
  EXPECT_EQ(p.columns[0].invalid, 2);
  EXPECT_EQ(p.columns[0].first_invalid_line, 3);
  EXPECT_EQ(p.columns[0].first_invalid_value, "x2");
  EXPECT_EQ(p.columns[0].filled, 4);  // invalid values are filled
  EXPECT_EQ(p.columns[0].distinct, 2);
  EXPECT_EQ(p.columns[1].invalid, 2);  // an ISO date and a 30 February
  EXPECT_EQ(p.columns[1].min, "2025-12-31");
  EXPECT_EQ(p.columns[1].max, "2026-01-01");
  EXPECT_EQ(p.columns[2].invalid, 1);
  EXPECT_EQ(p.columns[2].first_invalid_value, "bronze");
  // A row with an invalid value still counts in the other columns.
  EXPECT_EQ(p.columns[2].distinct, 2);
}

TEST(ProfileCsv, MalformedRecordsAreLeftOutAndLinesFollowQuotedNewlines) {
  Schema schema{"t", "", {Col("id", ColumnType::kInt), Col("note", ColumnType::kString)}};
  const char* csv =
      "id,note\n"
      "1,\"two\nlines\"\n"  // lines 2-3
      "2\n"                 // line 4: one field
      "3,ok\n"
      "x,\"é\"\n";  // line 6
  DataProfile p = Profile(csv, schema);
  EXPECT_EQ(p.records, 4);
  EXPECT_EQ(p.malformed, 1);
  EXPECT_EQ(p.first_malformed_line, 4);
  EXPECT_EQ(p.first_malformed_message, "expected 2 fields, found 1");
  EXPECT_EQ(p.columns[0].rows, 3);
  EXPECT_EQ(p.columns[0].first_invalid_line, 6);
  EXPECT_EQ(p.columns[1].min_length, 1);  // "é" is one character
  EXPECT_EQ(p.columns[1].max_length, 9);
}

TEST(ProfileCsv, ReadsSemicolonFilesWithDecimalCommas) {
  Schema schema{"t", "", {Col("id", ColumnType::kInt), Col("x", ColumnType::kFloat)}};
  DataProfile p = Profile("id;x\n1;12,5\n2;-0\n3;0\n", schema);
  EXPECT_EQ(p.delimiter, ';');
  EXPECT_TRUE(p.decimal_comma);
  EXPECT_EQ(p.columns[1].max, "12.5");
  EXPECT_EQ(p.columns[1].distinct, 2);  // -0 and 0 are one value
}

TEST(ProfileCsv, HeaderProblemsAndUnknownKeysFail) {
  Schema schema{"t", "", {Col("id", ColumnType::kInt), Col("x", ColumnType::kInt)}};
  Result<DataProfile> missing = ProfileCsvBuffer("id\n1\n", schema);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("'x'"), std::string::npos);
  EXPECT_EQ(ProfileCsvBuffer("", schema).status().code(), StatusCode::kDataError);
  ProfileOptions options;
  options.key = "nope";
  EXPECT_EQ(ProfileCsvBuffer("id,x\n", schema, options).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace segc::rt
