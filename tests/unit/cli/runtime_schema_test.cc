// ToRuntimeSchema: a project's `table` declaration as the CSV reader's schema.
#include "compiler/driver/runtime_schema.h"

#include <gtest/gtest.h>

#include "compiler/api/pipeline.h"

namespace segc::driver {
namespace {

rt::Schema SchemaOf(const std::string& dir) {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  std::vector<api::CheckedRules> projects =
      api::CheckPaths({std::string(SEGC_SOURCE_DIR) + "/" + dir}, {}, sources, sink);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(projects.size(), 1u);
  if (projects.size() != 1) return {};
  return ToRuntimeSchema(projects[0].project->schema);
}

TEST(ToRuntimeSchema, KeepsNamesOrderTypesAndEnumValues) {
  rt::Schema schema = SchemaOf("tests/cli/bad_csv_rules");
  EXPECT_EQ(schema.table_name, "customers");
  EXPECT_EQ(schema.key, "id");
  ASSERT_EQ(schema.columns.size(), 6u);
  const rt::ColumnType kTypes[] = {rt::ColumnType::kInt,    rt::ColumnType::kFloat,
                                   rt::ColumnType::kBool,   rt::ColumnType::kDate,
                                   rt::ColumnType::kString, rt::ColumnType::kEnum};
  const char* const kNames[] = {"id", "score", "active", "joined", "name", "tier"};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(schema.columns[i].name, kNames[i]);
    EXPECT_EQ(schema.columns[i].type, kTypes[i]) << kNames[i];
  }
  EXPECT_EQ(schema.columns[5].enum_values, (std::vector<std::string>{"gold", "silver", "bronze"}));
  EXPECT_TRUE(schema.columns[3].date_format.empty());
}

TEST(ToRuntimeSchema, KeepsDateFormatsAndOddNames) {
  rt::Schema schema = SchemaOf("examples/retail/rules");
  int birth = schema.FindColumn("birth_date");
  ASSERT_GE(birth, 0);
  EXPECT_EQ(schema.columns[birth].date_format, "%d/%m/%Y");
  EXPECT_GE(schema.FindColumn("Web Sessions 90d"), 0);
  EXPECT_EQ(schema.key, "customer_id");
}

}  // namespace
}  // namespace segc::driver
