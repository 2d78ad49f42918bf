// `segc export` cells and files in each dialect (cli/export_writer.h).
#include "cli/export_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace segc::cli {
namespace {

TEST(ExportCell, EachDialectWritesItsNumbersDatesAndBools) {
  rt::Column f = rt::Column::FromFloat64({12.5, 1e21, -0.25});
  rt::Column d = rt::Column::FromDate32({20758});  // 2026-11-01
  rt::Column b = rt::Column::FromBool({true, false});
  EXPECT_EQ(ExportCell(f, 0, ExportDialect::kCsv), "12.5");
  EXPECT_EQ(ExportCell(f, 0, ExportDialect::kExcelFr), "12,5");
  EXPECT_EQ(ExportCell(f, 2, ExportDialect::kExcelFr), "-0,25");
  EXPECT_EQ(ExportCell(f, 0, ExportDialect::kJsonl), "12.5");
  EXPECT_EQ(ExportCell(d, 0, ExportDialect::kCsv), "2026-11-01");
  EXPECT_EQ(ExportCell(d, 0, ExportDialect::kExcelFr), "01/11/2026");
  EXPECT_EQ(ExportCell(b, 0, ExportDialect::kExcelFr), "1");
  EXPECT_EQ(ExportCell(b, 1, ExportDialect::kCsv), "0");
  EXPECT_EQ(ExportCell(b, 0, ExportDialect::kJsonl), "true");
  EXPECT_EQ(ParseExportDialect("excel-fr"), ExportDialect::kExcelFr);
  EXPECT_EQ(ParseExportDialect("xlsx"), std::nullopt);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(WriteExport, WritesOnlyTheGivenRowsWithQuotingPerDialect) {
  std::string dir = ::testing::TempDir();
  rt::Column key = rt::Column::FromInt64({1, 2, 3});
  rt::Column name = rt::Column::FromStrings({"a;b", std::nullopt, "say \"hi\", ok"});
  std::vector<ExportColumn> columns{{"id", &key}, {"name", &name}};
  std::string path = dir + "/export_writer_test.csv";
  ASSERT_TRUE(WriteExport(path, ExportDialect::kExcelFr, columns, {0, 1}).ok());
  EXPECT_EQ(Slurp(path), "\xEF\xBB\xBFid;name\r\n1;\"a;b\"\r\n2;\r\n");
  ASSERT_TRUE(WriteExport(path, ExportDialect::kCsv, columns, {0, 2}).ok());
  EXPECT_EQ(Slurp(path), "id,name\n1,a;b\n3,\"say \"\"hi\"\", ok\"\n");
  ASSERT_TRUE(WriteExport(path, ExportDialect::kJsonl, columns, {1, 2}).ok());
  EXPECT_EQ(Slurp(path), "{\"id\":2,\"name\":null}\n{\"id\":3,\"name\":\"say \\\"hi\\\", ok\"}\n");
  std::filesystem::remove(path);
  // A directory that does not exist: an error, and no file.
  EXPECT_FALSE(WriteExport(dir + "/no/such/dir/x.csv", ExportDialect::kCsv, columns, {0}).ok());
  EXPECT_FALSE(std::filesystem::exists(dir + "/no/such/dir/x.csv"));
}

}  // namespace
}  // namespace segc::cli
