// MD5 against RFC 1321's test suite (appendix A.5) and padding boundaries, the split bucket
// against values computed by another MD5 (Python's hashlib), and arm sizes over 1M keys within
// the binomial spread.
#include "compiler/ir/split_hash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace segc::ir {
namespace {

TEST(Md5, Rfc1321TestSuite) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Md5Hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(Md5Hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(Md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "d174ab98d277d9f5a5611c2c9f419d9f");
  EXPECT_EQ(Md5Hex("1234567890123456789012345678901234567890123456789012345678901234567890123456"
                   "7890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

// 55 bytes fit the length in the last block, 56 and 63 need a second one, 64 is a full block.
TEST(Md5, PaddingBoundaries) {
  EXPECT_EQ(Md5Hex(std::string(55, 'a')), "ef1772b6dff9a122358552954ad0df65");
  EXPECT_EQ(Md5Hex(std::string(56, 'a')), "3b0c8ac703f828b04c6c197006d17218");
  EXPECT_EQ(Md5Hex(std::string(63, 'a')), "b06521f39153d618550606be297466d5");
  EXPECT_EQ(Md5Hex(std::string(64, 'a')), "014842d480b571495a4a0363793f7367");
  EXPECT_EQ(Md5Hex(std::string(1000, 'a')), "cabe45dcc9ae5b66ba86600cca6b8ba8");
}

TEST(SplitBucket, MatchesTheDocumentedFormula) {
  // md5("2026-q4:1") = 4339e71b...: 0x4339e71b = 1127868187, mod 10000 = 8187.
  EXPECT_EQ(SplitBucket("2026-q4", "1"), 8187u);
  EXPECT_EQ(SplitBucket("2026-q4", SplitKeyText(-7)), 907u);
  EXPECT_EQ(SplitBucket("", "Zo\xC3\xA9"), 45u);
  EXPECT_EQ(SplitBucket("\xC3\xA9t\xC3\xA9", "C-001"), 5872u);
  EXPECT_EQ(SplitKeyText(0), "0");
  EXPECT_EQ(SplitKeyText(-9223372036854775807 - 1), "-9223372036854775808");
}

TEST(SplitBucket, SaltsPackAndUnpack) {
  for (std::string salt : {std::string(), std::string("2026-q4"), std::string("exactly8"),
                           std::string("\xC3\xA9t\xC3\xA9 \0x", 8), std::string(100, 'z')}) {
    std::vector<int64_t> words = PackSalt(salt);
    EXPECT_EQ(UnpackSalt(words.data(), words.size()), salt);
  }
}

// Arms take consecutive bucket ranges by basis points; over 1M keys each arm's size is
// binomial(n, p): within 4 standard deviations of n p (a 1 in 15,000 chance per arm of a false
// failure for a fair hash, and the keys are fixed, so the test is deterministic).
void ExpectBinomialArms(bool string_keys) {
  const int64_t n = 1000000;
  const int bps[] = {4500, 4500, 1000};
  int64_t counts[3] = {0, 0, 0};
  for (int64_t key = 1; key <= n; ++key) {
    std::string text = string_keys ? "C-" + std::to_string(key) : SplitKeyText(key);
    uint32_t bucket = SplitBucket("2026-q4", text);
    ASSERT_LT(bucket, kSplitBuckets);
    int arm = bucket < 4500 ? 0 : bucket < 9000 ? 1 : 2;
    ++counts[arm];
  }
  for (int i = 0; i < 3; ++i) {
    double p = bps[i] / 10000.0;
    double sd = std::sqrt(double(n) * p * (1 - p));
    EXPECT_LE(std::fabs(double(counts[i]) - double(n) * p), 4 * sd)
        << "arm " << i << ": " << counts[i] << " of " << n;
  }
}

TEST(SplitBucket, ArmSizesOfAMillionIntKeysAreBinomial) { ExpectBinomialArms(false); }
TEST(SplitBucket, ArmSizesOfAMillionStringKeysAreBinomial) { ExpectBinomialArms(true); }

}  // namespace
}  // namespace segc::ir
