// Tests for InferSchema and FormatTableDeclaration.
#include "segc/schema_infer.h"

#include <gtest/gtest.h>

#include "csv_test_util.h"

namespace segc::rt {
namespace {

TEST(InferSchema, TypesFromSample) {
  const char* csv =
      "customer_id,cltv,consent,last_purchase,birth_date,country,stage,flag,notes,empty\n"
      "1,10.5,yes,2026-01-02,01/02/1990,FR,lead,0,hello,\n"
      "2,3,no,2026-01-03,28/02/1985,DE,customer,1,world,\n"
      "3,7.25,true,2025-12-31,15/07/2001,FR,lead,1,again,\n"
      "4,1,FALSE,2025-11-30,31/12/1999,IT,lead,0,more text,\n";
  auto schema = InferSchemaFromBuffer(csv, {.table_name = "customers"});
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  EXPECT_EQ(FormatTableDeclaration(*schema),
            "table customers key customer_id {\n"
            "  customer_id: int\n"
            "  cltv: float\n"
            "  consent: bool\n"
            "  last_purchase: date\n"
            "  birth_date: date(\"%d/%m/%Y\")\n"
            "  country: string\n"  // 3 distinct in 4 rows: not repeated enough
            "  stage: enum(\"customer\", \"lead\")\n"
            "  flag: int\n"
            "  notes: string\n"
            "  empty: string\n"
            "}\n");
}

TEST(InferSchema, DecimalCommaWithSemicolonsAndKeyFallback) {
  auto schema = InferSchemaFromBuffer("name;amount\nA;12,5\nB;3\n");
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->key, "name");
  EXPECT_EQ(schema->columns[1].type, ColumnType::kFloat);
}

TEST(InferSchema, KeyIsNeverARepeatingColumn) {
  InferReport report;
  auto schema =
      InferSchemaFromBuffer("customer_id,order_id,name\n1,10,a\n2,11,b\n\n001,12,c\n", {}, &report);
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->key, "order_id");  // customer_id repeats: 001 is 1
  EXPECT_EQ(report.not_unique[0], "'001' repeats (lines 2 and 5)");
  EXPECT_EQ(report.not_unique[1], "");
  EXPECT_EQ(report.not_unique[2], "");
}

TEST(InferSchema, KeyFallsBackToAUniqueIntOrStringColumn) {
  auto schema = InferSchemaFromBuffer("day,amount,code\n2026-01-01,1,x\n2026-01-02,1,y\n");
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->key, "code");  // a unique date is not a key; amount repeats
}

TEST(InferSchema, NoKeyWhenEveryColumnRepeatsOrIsEmpty) {
  InferReport report;
  auto schema = InferSchemaFromBuffer("customer_id,amount,note\n4,1,\n5,2,x\n4,1,y\n", {}, &report);
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->key, "");
  EXPECT_EQ(report.key_problem, "'customer_id' is not unique: '4' repeats (lines 2 and 4)");
  EXPECT_EQ(report.not_unique[1], "'1' repeats (lines 2 and 4)");
  EXPECT_EQ(report.not_unique[2], "empty on line 2");
}

TEST(InferSchema, InferredSchemaReadsTheFile) {
  std::string csv = "id,score,day\n1,2.5,2026-01-01\n2,,2026-01-02\n";
  std::string path = testing_util::WriteTempFile("scores.csv", csv);
  auto schema = InferSchema(path);
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->table_name, "scores");
  auto table = ReadCsv(path, *schema);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->num_rows(), 2);
}

TEST(FormatTableDeclaration, BackquotesOddNamesAndKeywords) {
  Schema s{"my table", "key", {}};
  s.columns.push_back({"key", ColumnType::kInt, {}, ""});
  s.columns.push_back({"Total Spent", ColumnType::kFloat, {}, ""});
  s.columns.push_back({"2nd", ColumnType::kString, {}, ""});
  s.columns.push_back({"size", ColumnType::kEnum, {"S \"small\"", "L"}, ""});
  s.columns.push_back({"ok_name", ColumnType::kDate, {}, "%Y-%m-%d"});
  EXPECT_EQ(FormatTableDeclaration(s),
            "table `my table` key `key` {\n"
            "  `key`: int\n"
            "  `Total Spent`: float\n"
            "  `2nd`: string\n"
            "  `size`: enum(\"S \\\"small\\\"\", \"L\")\n"
            "  ok_name: date\n"
            "}\n");
  EXPECT_TRUE(IsPlainIdentifier("_x1"));
  EXPECT_FALSE(IsPlainIdentifier("as_of"));
}

}  // namespace
}  // namespace segc::rt
