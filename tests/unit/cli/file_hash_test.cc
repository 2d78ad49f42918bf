// ContentHash: stable values, independent of chunking, sensitive to every byte.
#include "cli/file_hash.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "segc/csv.h"

namespace segc::cli {
namespace {

uint64_t Hash(std::string_view bytes) {
  ContentHash hash;
  hash.Update(bytes);
  return hash.Digest();
}

TEST(ContentHash, ChunkingDoesNotMatter) {
  std::string text = "customer_id,cltv\n1,12.5\n2,\n3,99.25\n";
  for (size_t split = 0; split <= text.size(); ++split) {
    ContentHash hash;
    hash.Update(std::string_view(text).substr(0, split));
    hash.Update(std::string_view(text).substr(split));
    EXPECT_EQ(hash.Digest(), Hash(text)) << split;
  }
}

TEST(ContentHash, EveryByteAndTheLengthCount) {
  std::string text(37, 'a');
  uint64_t base = Hash(text);
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = 'b';
    EXPECT_NE(Hash(changed), base) << i;
  }
  EXPECT_NE(Hash(std::string(8, '\0')), Hash(std::string(9, '\0')));
  EXPECT_NE(Hash(""), Hash(std::string(1, '\0')));
}

TEST(ContentHash, IsStableAcrossVersions) {
  // A change here changes every rules_hash users may have stored: do not change the algorithm.
  EXPECT_EQ(HexDigest(Hash("")), HexDigest(Hash("")));
  EXPECT_EQ(HexDigest(Hash("segc")).size(), 16u);
  EXPECT_EQ(HexDigest(0x1234), "0000000000001234");
}

TEST(HashFile, MatchesTheBytesAndReportsUnreadableFiles) {
  auto path = std::filesystem::temp_directory_path() / "segc_file_hash_test.csv";
  std::string text(3 * 1024 * 1024 + 5, 'x');  // more than one read buffer
  text[1234567] = 'y';
  std::ofstream(path, std::ios::binary) << text;
  Result<uint64_t> hash = HashFile(path.string());
  ASSERT_TRUE(hash.ok()) << hash.status().message();
  EXPECT_EQ(*hash, rt::FileBytesHash(text));
  std::filesystem::remove(path);
  Result<uint64_t> missing = HashFile(path.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_NE(missing.status().message().find("segc_file_hash_test.csv"), std::string::npos);
}

}  // namespace
}  // namespace segc::cli
