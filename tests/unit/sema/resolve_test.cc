// Name resolution, desugaring decisions and dependency order recorded in the side tables.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

const ast::Binary& AsBinary(const ast::Expr& expr) { return std::get<ast::Binary>(expr.kind); }

TEST(Resolve, BareNamesResolveToColumnsAndDeclarations) {
  auto checked = CheckRules(
      "param min_age = 18\nlet adult = age >= min_age\n"
      "segment VIP where adult and cltv > 5\nsegment B where VIP");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const auto& vip = std::get<ast::Logical>(checked->Where("VIP").kind);
  const ExprInfo& adult = checked->Info(*vip.operands[0]);
  EXPECT_EQ(adult.symbol.kind, Symbol::Kind::kDecl);
  EXPECT_EQ(adult.symbol.index, checked->project->project().Find("adult"));
  const ExprInfo& cltv = checked->Info(*AsBinary(*vip.operands[1]).lhs);
  EXPECT_EQ(cltv.symbol.kind, Symbol::Kind::kColumn);
  EXPECT_EQ(checked->project->schema.columns[cltv.symbol.index].name, "cltv");
  EXPECT_TRUE(checked->Decl("adult").used);
  EXPECT_TRUE(checked->Decl("min_age").used);
}

TEST(Resolve, SegmentReferenceIsNonNullBool) {
  auto checked = CheckRules("segment A where cltv > 5\nsegment B where A");
  const ExprInfo& ref = checked->Info(checked->Where("B"));
  EXPECT_EQ(ref.type, Type::Bool());
  EXPECT_TRUE(ref.never_null);
  const ExprInfo& cmp = checked->Info(checked->Where("A"));
  EXPECT_FALSE(cmp.never_null);
}

TEST(Desugar, PercentileBorrowsTheOtherSide) {
  auto checked = CheckRules("segment A where cltv > p90\nsegment B where p25 >= orders");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const ast::Binary& a = AsBinary(checked->Where("A"));
  const ExprInfo& p90 = checked->Info(*a.rhs);
  EXPECT_EQ(p90.desugar, Desugar::kPercentileOf);
  EXPECT_EQ(p90.borrowed, a.lhs->id);
  EXPECT_DOUBLE_EQ(p90.quantile, 0.9);
  EXPECT_EQ(p90.type, Type::Float());
  const ast::Binary& b = AsBinary(checked->Where("B"));
  EXPECT_EQ(checked->Info(*b.lhs).borrowed, b.rhs->id);
  EXPECT_DOUBLE_EQ(checked->Info(*b.lhs).quantile, 0.25);
}

TEST(Desugar, PercentileOfDateIsADate) {
  auto checked = CheckRules("segment A where last_purchase between p10 and p90");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const auto& between = std::get<ast::Between>(checked->Where("A").kind);
  EXPECT_EQ(checked->Info(*between.low).type, Type::Date());
  EXPECT_EQ(checked->Info(*between.high).borrowed, between.value->id);
}

TEST(Desugar, ExplicitPercentileCall) {
  auto checked = CheckRules("segment A where cltv > p99.5(total_spent)");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const ExprInfo& call = checked->Info(*AsBinary(checked->Where("A")).rhs);
  EXPECT_EQ(call.desugar, Desugar::kPercentileCall);
  EXPECT_DOUBLE_EQ(call.quantile, 0.995);
  EXPECT_EQ(call.symbol.index, static_cast<uint32_t>(stdlib::BuiltinId::kPercentile));
}

TEST(Desugar, DateLessThanDurationMeansMoreRecent) {
  auto checked =
      CheckRules("segment A where last_purchase < 90d\nsegment B where 6mo <= last_purchase");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const ExprInfo& a = checked->Info(checked->Where("A"));
  EXPECT_EQ(a.desugar, Desugar::kRecency);
  EXPECT_EQ(a.recency_op, ast::BinaryOp::kGt);  // last_purchase > as_of - 90d
  EXPECT_EQ(a.date_side, AsBinary(checked->Where("A")).lhs->id);
  const ExprInfo& b = checked->Info(checked->Where("B"));
  EXPECT_EQ(b.recency_op, ast::BinaryOp::kLe);  // 6mo <= d ≡ d >= 6mo ≡ d <= as_of - 6mo
  EXPECT_EQ(b.date_side, AsBinary(checked->Where("B")).rhs->id);
}

// language.md Decision 8: all six comparisons of a date with a duration compare its age;
// `d == 30d` is "exactly 30 days ago" (it was E0206 "a date cannot be equal to a duration").
TEST(Desugar, DateEqualToDurationIsExactAge) {
  auto checked =
      CheckRules("segment A where last_purchase == 90d\nsegment B where 1 month != first_purchase");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const ExprInfo& a = checked->Info(checked->Where("A"));
  EXPECT_EQ(a.type, Type::Bool());
  EXPECT_EQ(a.desugar, Desugar::kRecency);
  EXPECT_EQ(a.recency_op, ast::BinaryOp::kEq);  // last_purchase == as_of - 90d
  EXPECT_EQ(a.date_side, AsBinary(checked->Where("A")).lhs->id);
  const ExprInfo& b = checked->Info(checked->Where("B"));
  EXPECT_EQ(b.desugar, Desugar::kRecency);
  EXPECT_EQ(b.recency_op, ast::BinaryOp::kNe);
  EXPECT_EQ(b.date_side, AsBinary(checked->Where("B")).rhs->id);
}

// language.md "Date arithmetic": `date - date` is a duration in days, comparable with a
// day/week duration (it was E0217 "values of type duration cannot be ordered").
TEST(Desugar, DateDifferenceComparesWithDayDurations) {
  auto checked = CheckRules(
      "param gap = 52w\nlet tenure = last_purchase - first_purchase\n"
      "segment A where last_purchase - first_purchase > 365d\n"
      "segment B where gap <= tenure\n"
      "segment C where tenure between 30d and 2 weeks\n"
      "segment D where tenure == 0d");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  for (const char* name : {"A", "B", "C", "D"}) {
    const ExprInfo& info = checked->Info(checked->Where(name));
    EXPECT_EQ(info.type, Type::Bool()) << name;
    EXPECT_EQ(info.desugar, Desugar::kNone) << name;  // a comparison of day counts
  }
}

// language.md `param` and Decision 14: a param is a constant, so it can be the pattern of
// `matches` (it was E0214 "the pattern of 'matches' must be a string literal").
TEST(Constants, ParamAsMatchesPattern) {
  auto checked = CheckRules(
      "param pat = \"^AB\"\nlet same = pat\n"
      "segment A where matches(country, pat)\nsegment B where matches(email, same)");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  EXPECT_EQ(checked->Info(checked->Where("A")).type, Type::Bool());
  EXPECT_TRUE(checked->Decl("pat").used);
}

TEST(Desugar, WithinAgoAndRecencyBetween) {
  auto checked = CheckRules(
      "segment A where last_purchase within 30d\n"
      "segment B where first_purchase < 2w ago\n"
      "segment C where last_purchase between 30d and 90d");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  EXPECT_EQ(checked->Info(checked->Where("A")).desugar, Desugar::kWithin);
  const ExprInfo& ago = checked->Info(*AsBinary(checked->Where("B")).rhs);
  EXPECT_EQ(ago.desugar, Desugar::kAgo);
  EXPECT_EQ(ago.type, Type::Date());
  EXPECT_EQ(checked->Info(checked->Where("B")).desugar, Desugar::kNone);
  EXPECT_EQ(checked->Info(checked->Where("C")).desugar, Desugar::kRecencyBetween);
}

TEST(Order, DependenciesComeFirst) {
  auto checked = CheckRules(
      "segment C where B and A\nsegment B where A\nlet l = cltv * 2\n"
      "segment A where l > 5");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  std::vector<std::string> order;
  for (const DeclRef& ref : checked->project->order)
    order.push_back(checked->project->QualifiedName(ref));
  EXPECT_EQ(order, (std::vector<std::string>{"l", "A", "B", "C"}));
}

TEST(Order, ModuleMembersComeBeforeTheirUsers) {
  ModuleDir dir;
  dir.Add("m", "input x: int\nparam limit = 10\nsegment Big where x > limit\n");
  auto checked =
      CheckRules("segment A where m.Big\nimport m(x = orders, limit = 3) as big", dir.Options());
  // The alias is `big`, so `m.Big` is unknown; with the alias it resolves.
  EXPECT_EQ(checked->Codes(), std::vector<std::string>{"E0102"}) << checked->Dump();
  checked =
      CheckRules("segment A where big.Big\nimport m(x = orders, limit = 3) as big", dir.Options());
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const CheckedProject& p = *checked->project;
  std::vector<std::string> order;
  for (const DeclRef& ref : p.order) order.push_back(p.QualifiedName(ref));
  EXPECT_EQ(order, (std::vector<std::string>{"big.Big", "A"}));
  const ExprInfo& ref = checked->Info(checked->Where("A"));
  EXPECT_EQ(ref.symbol.kind, Symbol::Kind::kMember);
  EXPECT_EQ(p.instances[1].path, "big");
  // The param is bound by the import, the input to the importer's column.
  const Unit& module = *p.units[p.instances[1].unit];
  const ast::Expr* limit = p.ValueOf(1, module.Find("limit"));
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(std::get<ast::IntLit>(limit->kind).value, 3);
  const ast::Expr* x = p.ValueOf(1, module.Find("x"));
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(p.info(x->id).symbol.kind, Symbol::Kind::kColumn);
  EXPECT_EQ(p.summary.segments, 2u);
  EXPECT_EQ(p.summary.modules, 1u);
}

TEST(Order, SummaryCounts) {
  auto checked = CheckRules(
      "as_of 2026-11-01\nparam w = 90d\nlet l = cltv * 2\n"
      "segment A where l > 5 and last_purchase < w\n"
      "score s { +1 when A }\nclassify c { \"x\" when A \"y\" otherwise }");
  ASSERT_TRUE(checked->Codes().empty()) << checked->Dump();
  const Summary& s = checked->project->summary;
  EXPECT_EQ(s.files, 2u);
  EXPECT_EQ(s.segments, 1u);
  EXPECT_EQ(s.scores, 1u);
  EXPECT_EQ(s.classifications, 1u);
  EXPECT_EQ(s.lets, 1u);
  EXPECT_EQ(s.params, 1u);
  ASSERT_TRUE(checked->project->as_of.has_value());
  EXPECT_EQ(*checked->project->as_of, 20758);  // 2026-11-01
}

}  // namespace
}  // namespace segc::sema::testing
