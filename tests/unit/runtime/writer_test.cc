// Tests for AtomicFileWriter and the membership CSV / JSON-lines writers.
#include "segc/writer.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace segc::rt {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string FreshDir(const std::string& name) {
  // The process id keeps parallel runs (other worktrees share /tmp) apart.
  std::string dir = ::testing::TempDir() + name + "." + std::to_string(getpid());
  std::string cmd = "rm -rf '" + dir + "' && mkdir -p '" + dir + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  return dir;
}

int CountFiles(const std::string& dir) {
  int n = 0;
  DIR* d = opendir(dir.c_str());
  while (dirent* e = readdir(d)) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

TEST(AtomicFileWriter, CommitReplacesAtomically) {
  std::string dir = FreshDir("atomic1");
  std::string path = dir + "/out.txt";
  std::ofstream(path) << "old";
  auto w = AtomicFileWriter::Open(path);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->Write("new content").ok());
  EXPECT_EQ(ReadAll(path), "old");
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(ReadAll(path), "new content");
  EXPECT_EQ(CountFiles(dir), 1);
}

TEST(AtomicFileWriter, AbandonedWriterLeavesNothing) {
  std::string dir = FreshDir("atomic2");
  {
    auto w = AtomicFileWriter::Open(dir + "/out.txt");
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w->Write("partial").ok());
  }
  EXPECT_EQ(CountFiles(dir), 0);
}

// Both kinds of temp file: a new file gets 0666 less the umask, a replaced one keeps its mode,
// and only the final file is left.
TEST(AtomicFileWriter, ModesForNewAndReplacedFiles) {
  for (const char* temp : {"", "named"}) {
    setenv("SEGC_TEST_TEMP_FILE", temp, 1);
    std::string dir = FreshDir("atomic_modes");
    std::string path = dir + "/out.txt";
    mode_t old_umask = umask(027);
    {
      auto w = AtomicFileWriter::Open(path);
      ASSERT_TRUE(w.ok());
      EXPECT_EQ(w->temp_path().empty(), *temp == '\0');
      ASSERT_TRUE(w->Write("one").ok());
      ASSERT_TRUE(w->Commit().ok());
    }
    struct stat st;
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u) << temp;
    chmod(path.c_str(), 0604);
    {
      auto w = AtomicFileWriter::Open(path);
      ASSERT_TRUE(w.ok());
      ASSERT_TRUE(w->Write("two").ok());
      ASSERT_TRUE(w->Commit().ok());
    }
    umask(old_umask);
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0604u) << temp;
    EXPECT_EQ(ReadAll(path), "two");
    EXPECT_EQ(CountFiles(dir), 1);
  }
  unsetenv("SEGC_TEST_TEMP_FILE");
}

TEST(AtomicFileWriter, UnwritableDirectoryIsIoError) {
  auto w = AtomicFileWriter::Open("/nonexistent-dir/out.txt");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kIoError);
}

std::vector<OutputColumn> Outputs() {
  return {{"VIP", Column::FromBool({true, false, false})},
          {"lead_score", Column::FromFloat64({12.5, std::nullopt, 0.1})},
          {"abc", Column::FromEnum({"A", std::nullopt, "C"}, {"A", "B", "C"})},
          {"odd, name", Column::FromStrings({"x\"y", "plain", "line\nbreak"})}};
}

TEST(MembershipWriter, Csv) {
  std::string dir = FreshDir("members_csv");
  OutputColumn key{"customer_id", Column::FromInt64({101, 102, 103})};
  ASSERT_TRUE(WriteMembershipCsv(dir + "/m.csv", key, Outputs()).ok());
  EXPECT_EQ(ReadAll(dir + "/m.csv"),
            "customer_id,VIP,lead_score,abc,\"odd, name\"\n"
            "101,1,12.5,A,\"x\"\"y\"\n"
            "102,0,,,plain\n"
            "103,0,0.1,C,\"line\nbreak\"\n");
}

TEST(MembershipWriter, Jsonl) {
  std::string dir = FreshDir("members_jsonl");
  OutputColumn key{"customer_id", Column::FromStrings({"a", "b", "c"})};
  ASSERT_TRUE(WriteMembershipJsonl(dir + "/m.jsonl", key, Outputs()).ok());
  EXPECT_EQ(ReadAll(dir + "/m.jsonl"),
            "{\"customer_id\":\"a\",\"VIP\":1,\"lead_score\":12.5,\"abc\":\"A\",\"odd, "
            "name\":\"x\\\"y\"}\n"
            "{\"customer_id\":\"b\",\"VIP\":0,\"lead_score\":null,\"abc\":null,\"odd, "
            "name\":\"plain\"}\n"
            "{\"customer_id\":\"c\",\"VIP\":0,\"lead_score\":0.1,\"abc\":\"C\",\"odd, "
            "name\":\"line\\nbreak\"}\n");
}

TEST(MembershipWriter, LengthMismatchLeavesNoFile) {
  std::string dir = FreshDir("members_bad");
  OutputColumn key{"id", Column::FromInt64({1, 2})};
  Status s = WriteMembershipCsv(dir + "/m.csv", key, Outputs());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CountFiles(dir), 0);
}

}  // namespace
}  // namespace segc::rt
