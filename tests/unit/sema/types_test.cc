// Expression types: arithmetic, dates and durations, calls, scores and labels.
#include <gtest/gtest.h>

#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

struct TypeCase {
  const char* name;
  const char* expr;  // the value of `let v = ...`
  TypeKind kind;
};

class LetType : public ::testing::TestWithParam<TypeCase> {};

TEST_P(LetType, HasExpectedType) {
  const TypeCase& c = GetParam();
  auto checked = CheckRules(std::string("let v = ") + c.expr + "\nsegment Use where v is not null");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  EXPECT_EQ(checked->Decl("v").type.kind(), c.kind) << checked->Decl("v").type.ToString();
}

const TypeCase kTypeCases[] = {
    {"IntPlusInt", "age + orders", TypeKind::kInt},
    {"IntPlusFloat", "age + cltv", TypeKind::kFloat},
    {"DivisionIsFloat", "orders / 2", TypeKind::kFloat},
    {"PercentIsFloat", "30%", TypeKind::kFloat},
    {"DateMinusDate", "last_purchase - first_purchase", TypeKind::kDuration},
    {"DatePlusDuration", "last_purchase + 1mo", TypeKind::kDate},
    {"DurationPlusDate", "2w + last_purchase", TypeKind::kDate},
    {"Ago", "90d ago", TypeKind::kDate},
    {"NegatedDuration", "-(30d)", TypeKind::kDuration},
    {"DaysSince", "days_since(last_purchase)", TypeKind::kInt},
    {"Age", "age(last_purchase)", TypeKind::kInt},
    {"YearsSince", "years_since(first_purchase)", TypeKind::kInt},
    {"MonthsSince", "months_since(90d ago)", TypeKind::kInt},
    {"MinMixesNumbers", "min(2 * orders, 20.5)", TypeKind::kFloat},
    {"MaxOfDates", "max(last_purchase, first_purchase)", TypeKind::kDate},
    {"RoundKeepsInt", "round(age)", TypeKind::kInt},
    {"RoundDigits", "round(cltv, 2)", TypeKind::kFloat},
    {"Lower", "lower(country)", TypeKind::kString},
    {"UpperOfEnum", "upper(lifecycle_stage)", TypeKind::kString},
    {"LengthOfEnum", "length(lifecycle_stage)", TypeKind::kInt},
    {"StartsWith", "starts_with(email, \"a\")", TypeKind::kBool},
    {"Matches", "matches(email, \"@example\\\\.com$\")", TypeKind::kBool},
    {"MatchesRe2CaseInsensitiveFlag", "matches(email, \"(?i)@EXAMPLE\\\\.com$\")", TypeKind::kBool},
    {"CoalesceNumbers", "coalesce(age, 0)", TypeKind::kInt},
    {"Median", "median(cltv)", TypeKind::kFloat},
    {"MedianOfDates", "median(last_purchase)", TypeKind::kDate},
    {"MinOfInt", "min_of(orders)", TypeKind::kInt},
    {"Zscore", "zscore(cltv)", TypeKind::kFloat},
    {"Ntile", "ntile(5, total_spent)", TypeKind::kInt},
    {"Cumshare", "cumshare(total_spent)", TypeKind::kFloat},
    {"PercentRank", "percent_rank(last_purchase)", TypeKind::kFloat},
    {"PercentileOfDerived", "percentile(cltv * 2, 0.5)", TypeKind::kFloat},
    {"EnumColumn", "lifecycle_stage", TypeKind::kEnum},
    {"IsNull", "age is null", TypeKind::kBool},
    {"InList", "country in (\"FR\", \"DE\")", TypeKind::kBool},
};

INSTANTIATE_TEST_SUITE_P(Types, LetType, ::testing::ValuesIn(kTypeCases),
                         [](const auto& info) { return std::string(info.param.name); });

// A call is never null when its row's null policy says so from its arguments: kNullIfAnyNull
// over never-null arguments; abs and round may still overflow, coalesce decides for itself.
TEST(CallNulls, FollowTheRowsNullPolicy) {
  auto checked = CheckRules(
      "segment A where year(2026-01-01) > 0\nsegment B where year(last_purchase) > 0\n"
      "segment C where abs(3) > 0\nsegment D where age(2000-01-01) > 0\n"
      "segment E where coalesce(age, 3) > 0");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  auto call = [&](const char* segment) -> const ExprInfo& {
    return checked->Info(*std::get<ast::Binary>(checked->Where(segment).kind).lhs);
  };
  EXPECT_TRUE(call("A").never_null);
  EXPECT_FALSE(call("B").never_null);
  EXPECT_FALSE(call("C").never_null);  // kNullIfAnyNullOrOverflow
  EXPECT_TRUE(call("D").never_null);   // the implicit as_of is never null
  EXPECT_FALSE(call("E").never_null);  // kInternal
}

TEST(ScoreType, IntPointsGiveIntFloatPointsGiveFloat) {
  auto checked = CheckRules(
      "score a { +10 when age > 3  -5 when consent_email }\n"
      "score b { +1.5 when age > 3 }\nscore c = cltv * 2\n"
      "score d { +min(2 * orders, 20) }");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  EXPECT_EQ(checked->Decl("a").type, Type::Int());
  EXPECT_EQ(checked->Decl("b").type, Type::Float());
  EXPECT_EQ(checked->Decl("c").type, Type::Float());
  EXPECT_EQ(checked->Decl("d").type, Type::Int());
}

TEST(LabelType, ClassifyHasItsLabels) {
  auto checked = CheckRules(
      "classify abc {\n \"A\" when cumshare(total_spent) <= 60%\n"
      " \"B\" when cumshare(total_spent) <= 90%\n \"C\" otherwise\n}\n"
      "segment Top where abc == \"A\" or abc in (\"B\")");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const Type& type = checked->Decl("abc").type;
  EXPECT_EQ(type.kind(), TypeKind::kLabel);
  EXPECT_EQ(type.values(), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(type.ToString(), "label of 'abc'");
}

TEST(TypeValue, EqualityAndPrinting) {
  Type stage = Type::Enum("stage", {"lead", "customer"});
  EXPECT_EQ(stage.ToString(), "enum(\"lead\", \"customer\")");
  EXPECT_EQ(stage, Type::Enum("other", {"lead", "customer"}));
  EXPECT_FALSE(stage == Type::Enum("stage", {"lead"}));
  EXPECT_TRUE(stage.ComparableWith(Type::String()));
  EXPECT_TRUE(Type::Int().ComparableWith(Type::Float()));
  EXPECT_FALSE(Type::Int().ComparableWith(Type::String()));
  EXPECT_TRUE(Type::Error().ComparableWith(Type::Date()));
  EXPECT_TRUE(Type::Date().ComparableWith(Type::Error()));
  EXPECT_EQ(CommonNumeric(Type::Int(), Type::Float()), Type::Float());
}

}  // namespace
}  // namespace segc::sema::testing
