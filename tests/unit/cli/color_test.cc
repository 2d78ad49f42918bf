// --color and NO_COLOR.
#include "cli/color.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace segc::cli {
namespace {

TEST(Color, ParsesTheThreeModes) {
  EXPECT_EQ(ParseColorMode("auto"), ColorMode::kAuto);
  EXPECT_EQ(ParseColorMode("always"), ColorMode::kAlways);
  EXPECT_EQ(ParseColorMode("never"), ColorMode::kNever);
  EXPECT_EQ(ParseColorMode("yes"), std::nullopt);
}

TEST(Color, AlwaysWinsOverNoColorAndNeverWinsOverTerminal) {
  EXPECT_TRUE(UseColor(ColorMode::kAlways, -1, "1"));
  EXPECT_FALSE(UseColor(ColorMode::kNever, -1, nullptr));
}

TEST(Color, AutoIsOffForNonTerminalsAndWithNoColor) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  EXPECT_FALSE(UseColor(ColorMode::kAuto, fileno(file), nullptr));
  std::fclose(file);
  EXPECT_FALSE(UseColor(ColorMode::kAuto, -1, "1"));
}

}  // namespace
}  // namespace segc::cli
