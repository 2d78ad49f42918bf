// Project discovery: files with their schema, recursive directories, de-duplication, errors.
#include "compiler/driver/discover.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace segc::driver {
namespace {

namespace fs = std::filesystem;

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("segc_discover_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Touch(const std::string& rel) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << "# x\n";
  }
  std::string P(const std::string& rel) const { return (root_ / rel).generic_string(); }

  std::vector<ProjectSpec> Discover(std::vector<std::string> paths) {
    return DiscoverProjects(paths, sink_);
  }
  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const auto& d : sink_.diagnostics()) codes.emplace_back(diag::Info(d.code).id);
    return codes;
  }

  fs::path root_;
  diag::DiagnosticSink sink_;
};

TEST_F(DiscoverTest, FileComesWithTheSchemaBesideIt) {
  Touch("r/a.seg");
  Touch("r/b.seg");
  Touch("r/schema.seg");
  auto specs = Discover({P("r/b.seg")});
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].dir, P("r"));
  EXPECT_EQ(specs[0].files, (std::vector<std::string>{P("r/b.seg"), P("r/schema.seg")}));
  EXPECT_TRUE(Codes().empty());
}

TEST_F(DiscoverTest, SchemaAloneAndFilesOfOneDirectoryShareAProject) {
  Touch("r/a.seg");
  Touch("r/schema.seg");
  auto specs = Discover({P("r/schema.seg"), P("r/a.seg"), P("r/./a.seg")});
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].files, (std::vector<std::string>{P("r/a.seg"), P("r/schema.seg")}));
}

TEST_F(DiscoverTest, DirectoryIsSearchedRecursivelyOneProjectPerFolder) {
  Touch("all/b/rules.seg");
  Touch("all/a/x/deep.seg");
  Touch("all/a/top.seg");
  Touch("all/a/notes.txt");
  Touch("all/.hidden/skip.seg");
  Touch("all/a/.swap.seg");
  auto specs = Discover({P("all") + "/"});
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].dir, P("all/a"));
  EXPECT_EQ(specs[0].files, (std::vector<std::string>{P("all/a/top.seg")}));
  EXPECT_EQ(specs[1].dir, P("all/a/x"));
  EXPECT_EQ(specs[2].files, (std::vector<std::string>{P("all/b/rules.seg")}));
  EXPECT_TRUE(Codes().empty());
}

TEST_F(DiscoverTest, DirectoryAndAFileInsideItAreReadOnce) {
  Touch("r/a.seg");
  Touch("r/schema.seg");
  auto specs = Discover({P("r/a.seg"), P("r")});
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].files.size(), 2u);
}

TEST_F(DiscoverTest, ErrorsForMissingEmptyAndNonRulePaths) {
  Touch("empty/readme.txt");
  Touch("data.csv");
  auto specs = Discover({P("missing.seg"), P("empty"), P("data.csv")});
  EXPECT_TRUE(specs.empty());
  EXPECT_EQ(Codes(), (std::vector<std::string>{"E0901", "E0902", "E0903"}));
  EXPECT_EQ(sink_.diagnostics()[0].message,
            "cannot read '" + P("missing.seg") + "': no such file or directory");
}

TEST_F(DiscoverTest, DanglingSymlinkIsReported) {
  fs::create_directories(root_ / "l");
  fs::create_symlink("nowhere.seg", root_ / "l/rules.seg");
  auto specs = Discover({P("l")});
  EXPECT_TRUE(specs.empty());
  EXPECT_EQ(Codes(), (std::vector<std::string>{"E0901"}));
}

TEST_F(DiscoverTest, RelativePathsStayRelative) {
  fs::path old = fs::current_path();
  fs::current_path(root_);
  Touch("rel/a.seg");
  auto specs = Discover({"rel/a.seg", "rel"});
  fs::current_path(old);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].dir, "rel");
  EXPECT_EQ(specs[0].files, (std::vector<std::string>{"rel/a.seg"}));
}

}  // namespace
}  // namespace segc::driver
