// Warnings W0301-W0305, and clean inputs that must not warn.
#include <gtest/gtest.h>

#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

struct WarningCase {
  const char* name;
  const char* rules;
  const char* code;  // "" = no diagnostics at all
  const char* message;
};

class SemaWarning : public ::testing::TestWithParam<WarningCase> {};

TEST_P(SemaWarning, Reports) {
  const WarningCase& c = GetParam();
  auto checked = CheckRules(c.rules);
  if (std::string(c.code).empty()) {
    EXPECT_TRUE(checked->sink.diagnostics().empty()) << checked->Dump();
    return;
  }
  ASSERT_EQ(checked->sink.diagnostics().size(), 1u) << checked->Dump();
  const diag::Diagnostic& d = checked->sink.diagnostics()[0];
  EXPECT_EQ(diag::Info(d.code).id, c.code);
  EXPECT_EQ(d.severity, diag::Severity::kWarning);
  EXPECT_EQ(d.message, c.message);
}

const WarningCase kWarningCases[] = {
    {"UnusedLet", "let twice = cltv * 2\nsegment A where cltv > 3", "W0301",
     "let 'twice' is never used"},
    {"UnusedParam", "param w = 90d\nsegment A where cltv > 3", "W0305", "param 'w' is never used"},
    {"RangeUnreachable", "score s range 50..100 { +10 when age > 3\n +10 when consent_email }",
     "W0302", "score 's' can never fall inside its range 50..100: its rules give 0 to 20"},
    {"RangeUnreachableBelow", "score s range 10..100 { -10 when age > 3\n -10 when consent_email }",
     "W0302", "score 's' can never fall inside its range 10..100: its rules give -20 to 0"},
    {"RangeFarExceeded",
     "score s range 0..10 { +10 when age > 3\n +10 when consent_email\n +10 when cltv > 2 }",
     "W0303", "the rules of score 's' give 0 to 30, far outside its range 0..10"},
    {"RangeSlightlyExceededIsFine",
     "score s range 0..100 { +60 when age > 3\n +50 when consent_email\n -10 when cltv > 2 }", "",
     ""},
    // Fixed-threshold bands: no two conditions hold together, so the score is one band's
    // points (before: "give 0 to 15, far outside its range 1..5").
    {"ExclusiveBandsAreOneRule",
     "score s range 1..5 { +1 when age < 18\n +2 when age >= 18 and age < 30\n"
     " +3 when age >= 30 and age < 45\n +4 when age between 45 and 64\n +5 when age >= 65 }",
     "", ""},
    {"ExclusiveEnumBands",
     "score s range 0..3 { +1 when lifecycle_stage == \"lead\"\n"
     " +2 when lifecycle_stage == \"prospect\"\n +3 when lifecycle_stage in (\"customer\") }",
     "", ""},
    {"OverlappingBandsStillAdd",
     "score s range 1..5 { +1 when age < 18\n +2 when age >= 10 and age < 30\n"
     " +3 when age >= 30 and age < 45\n +4 when age between 45 and 64\n +5 when age >= 65 }",
     "W0303", "the rules of score 's' give 0 to 15, far outside its range 1..5"},
    {"RangeWithUnboundedRuleIsFine", "score s range 0..100 { +orders\n +10 when consent_email }",
     "", ""},
    {"RangeReachedByClampedRule", "score s range 0..20 { +min(2 * orders, 20) }", "", ""},
    {"ContradictoryBounds", "segment A where age > 5 and consent_email and age < 3", "W0304",
     "segment 'A' can never match: the conditions on 'age' cannot all hold"},
    {"EqualityOutsideBounds", "segment A where age == 3 and age >= 4", "W0304",
     "segment 'A' can never match: the conditions on 'age' cannot all hold"},
    {"OpenBoundsTouch", "segment A where age > 3 and age < 3", "W0304",
     "segment 'A' can never match: the conditions on 'age' cannot all hold"},
    {"ReversedBetween", "segment A where age between 50 and 10", "W0304",
     "segment 'A' can never match: the low bound of 'between' is above its high bound"},
    {"TwoEnumValues",
     "segment A where lifecycle_stage == \"lead\" and lifecycle_stage == \"customer\"", "W0304",
     "segment 'A' can never match: the conditions on 'lifecycle_stage' cannot all hold"},
    {"DisjointInLists", "segment A where country in (\"FR\", \"DE\") and country in (\"IT\")",
     "W0304", "segment 'A' can never match: the conditions on 'country' cannot all hold"},
    {"ClosedBoundsTouchIsFine", "segment A where age >= 3 and age <= 3", "", ""},
    {"OrIsNotAContradiction", "segment A where age > 5 or age < 3", "", ""},
    {"ParamBoundsAreNotConstant", "param lo = 10\nsegment A where age > lo and age < 5", "", ""},
    {"DatesContradict", "segment A where last_purchase > 2026-01-01 and last_purchase < 2025-01-01",
     "W0304", "segment 'A' can never match: the conditions on 'last_purchase' cannot all hold"},
};

INSTANTIATE_TEST_SUITE_P(Warnings, SemaWarning, ::testing::ValuesIn(kWarningCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Warnings, ScoreBoundsAreRecorded) {
  auto checked = CheckRules("score s range 0..100 { +60 when age > 3\n -10 when cltv > 2 }");
  EXPECT_DOUBLE_EQ(checked->Decl("s").min_points, -10);
  EXPECT_DOUBLE_EQ(checked->Decl("s").max_points, 60);
}

TEST(Warnings, ExclusiveBandsBoundTheScoreByOneBand) {
  auto checked = CheckRules(
      "score s range 0..100 { +5\n +60 when age < 30\n -10 when age >= 30 and age < 50 }");
  EXPECT_DOUBLE_EQ(checked->Decl("s").min_points, -5);
  EXPECT_DOUBLE_EQ(checked->Decl("s").max_points, 65);
}

TEST(Warnings, ModuleLetsAreNotUnused) {
  ModuleDir dir;
  dir.Add("m", "input x: int\nparam k = 2\nlet Twice = x * k\nlet Unused = x + 1\n");
  auto checked = CheckRules("import m(x = age)\nsegment A where m.Twice > 3", dir.Options());
  EXPECT_TRUE(checked->Codes().empty()) << checked->Dump();
}

}  // namespace
}  // namespace segc::sema::testing
