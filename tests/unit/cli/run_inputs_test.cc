// `segc run` flag handling: --as-of dates and --param NAME=VALUE splitting.
#include "cli/run_inputs.h"

#include <gtest/gtest.h>

namespace segc::cli {
namespace {

TEST(ParseIsoDate, AcceptsRealCalendarDays) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoDate("2026-11-01"), 20758);
  EXPECT_EQ(ParseIsoDate("2024-02-29"), 19782);
}

TEST(ParseIsoDate, RejectsImpossibleOrMisshapenDates) {
  for (const char* text : {"2026-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "01/11/2026",
                           "2026-11-01x", "", "2026-00-10", "2026-11-00"}) {
    EXPECT_FALSE(ParseIsoDate(text).has_value()) << text;
  }
}

TEST(ResolveAsOf, FlagBeatsProjectBeatsToday) {
  UsageProblem problem;
  EXPECT_EQ(ResolveAsOf("2026-11-02", 5, 7, &problem), 20759);
  EXPECT_EQ(ResolveAsOf("", 5, 7, &problem), 5);
  EXPECT_EQ(ResolveAsOf("", std::nullopt, 7, &problem), 7);
}

TEST(ResolveAsOf, BadFlagIsAUsageProblemWithTheExpectedShape) {
  UsageProblem problem;
  EXPECT_FALSE(ResolveAsOf("2026-02-30", 5, 7, &problem).has_value());
  EXPECT_EQ(problem.message, "invalid --as-of '2026-02-30'");
  EXPECT_NE(problem.hint.find("YYYY-MM-DD"), std::string::npos);
}

TEST(TodayUtc, IsAPlausibleDay) {
  EXPECT_GT(TodayUtc(), 20000);  // after 2024-10-04
  EXPECT_LT(TodayUtc(), 80000);
}

const std::vector<std::string> kKnown = {"dormant_after", "rfm.window", "vip_window"};

TEST(ParseParams, SplitsAtTheFirstEquals) {
  UsageProblem problem;
  auto params = ParseParams({"vip_window=60d", "rfm.window=a=b"}, kKnown, &problem);
  ASSERT_TRUE(params.has_value()) << problem.message;
  EXPECT_EQ(params->at("vip_window"), "60d");
  EXPECT_EQ(params->at("rfm.window"), "a=b");
}

TEST(ParseParams, UnknownNameSuggestsTheClosest) {
  UsageProblem problem;
  EXPECT_FALSE(ParseParams({"vip_windw=60d"}, kKnown, &problem).has_value());
  EXPECT_EQ(problem.message, "unknown param 'vip_windw'");
  EXPECT_EQ(problem.hint, "did you mean 'vip_window'?");
}

TEST(ParseParams, UnknownNameWithoutNeighbourListsTheParams) {
  UsageProblem problem;
  EXPECT_FALSE(ParseParams({"zzz=1"}, kKnown, &problem).has_value());
  EXPECT_EQ(problem.hint, "params: dormant_after, rfm.window, vip_window");
  EXPECT_FALSE(ParseParams({"zzz=1"}, {}, &problem).has_value());
  EXPECT_EQ(problem.hint, "the rules declare no params");
}

TEST(ParseParams, MalformedOrRepeatedFlagsAreUsageProblems) {
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"vip_window"}, {"=60d"}, {"vip_window="}, {"vip_window=1d", "vip_window=2d"}}) {
    UsageProblem problem;
    EXPECT_FALSE(ParseParams(flags, kKnown, &problem).has_value()) << flags[0];
    EXPECT_FALSE(problem.message.empty());
    EXPECT_FALSE(problem.hint.empty());
  }
}

}  // namespace
}  // namespace segc::cli
