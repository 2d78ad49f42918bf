// RoundToDigits: the one rounding rule the interpreter and the JIT share.
#include "compiler/ir/numeric.h"

#include <gtest/gtest.h>

#include <cmath>

namespace segc::ir {
namespace {

TEST(RoundToDigits, HalfAwayFromZero) {
  EXPECT_EQ(RoundToDigits(2.5, 0), 3.0);
  EXPECT_EQ(RoundToDigits(-2.5, 0), -3.0);
  EXPECT_DOUBLE_EQ(RoundToDigits(1.25, 1), 1.3);
  EXPECT_EQ(RoundToDigits(1250.0, -2), 1300.0);
}

// Differential seed 432: x * 10^digits overflowed to inf in the interpreter (null) while the JIT
// returned x; a value that large has no fractional digits, so both now return x.
TEST(RoundToDigits, HugeValueIsReturnedUnchanged) {
  EXPECT_EQ(RoundToDigits(-1e308, 1), -1e308);
  EXPECT_EQ(RoundToDigits(1e308, 5), 1e308);
  EXPECT_TRUE(std::isfinite(RoundToDigits(1.7e308, 300)));
}

TEST(RoundToDigits, ExtremeDigitsSaturate) {
  EXPECT_EQ(RoundToDigits(3.14159, 400), 3.14159);
  EXPECT_TRUE(std::signbit(RoundToDigits(-5.0, -400)));
}

}  // namespace
}  // namespace segc::ir
