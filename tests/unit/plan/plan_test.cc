// Planner tests: dictionary lookups, statistics stages, slots and output order.
#include "compiler/plan/plan.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "compiler/api/pipeline.h"
#include "compiler/ir/printer.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

Result<plan::PhysicalPlan> Planned(const std::string& rules) {
  SEGC_TRY(ir::Program lowered, LowerRules(rules));
  return plan::Plan(lowered);
}

std::string PlannedText(const std::string& rules) {
  auto planned = Planned(rules);
  if (!planned.ok()) return "error: " + planned.status().message();
  std::string text = plan::Print(*planned);
  // Drop the input lines: every test has the same schema.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start + 1);
    if (line.rfind("input ", 0) != 0) out += line;
    start = end + 1;
  }
  return out;
}

TEST(Plan, StringPredicatesBecomeDictionaryLookups) {
  EXPECT_EQ(PlannedText("segment EU where country in (\"FR\", \"DE\") and consent\n"
                        "segment L where stage == \"lead\" and lower(country) == \"fr\"\n"),
            "program\nrun_input ri0 as_of date\n"
            "%0 = column country : string?\n"
            "%1 = const \"FR\" : string\n"
            "%2 = eq %0, %1 : bool?\n"
            "%3 = const \"DE\" : string\n"
            "%4 = eq %0, %3 : bool?\n"
            "%5 = or %2, %4 : bool?\n"
            "%6 = dict dict0 %0 : bool?\n"
            "%7 = column consent : bool?\n"
            "%8 = and %6, %7 : bool?\n"
            "%9 = is_true %8 : bool\n"
            "%10 = column stage : string?\n"
            "%11 = const \"lead\" : string\n"
            "%12 = eq %10, %11 : bool?\n"
            "%13 = dict dict1 %10 : bool?\n"
            "%14 = call lower %0 : string?\n"
            "%15 = const \"fr\" : string\n"
            "%16 = eq %14, %15 : bool?\n"
            "%17 = dict dict2 %0 : bool?\n"
            "%18 = and %13, %17 : bool?\n"
            "%19 = is_true %18 : bool\n"
            "segment EU = %9\n"
            "segment L = %19\n"
            "plan\n"
            "dict dict0 over %0 = %5 : bool\n"
            "dict dict1 over %10 = %12 : bool\n"
            "dict dict2 over %0 = %16 : bool\n"
            "slot 0 : bool\n"
            "slot 1 : bool\n"
            "stage 0 nodes %0 %6 %7 %8 %9 %10 %13 %17 %18 %19\n"
            "  store %9 -> slot 0\n"
            "  store %19 -> slot 1\n"
            "output EU slot 0\n"
            "output L slot 1\n");
}

TEST(Plan, StageNodesHoldNoStringValues) {
  auto planned = Planned(
      "segment A where starts_with(country, \"F\") and length(country) > orders\n"
      "score s = length(coalesce(country, \"none\")) + orders\n");
  ASSERT_TRUE(planned.ok()) << planned.status().message();
  for (const plan::Stage& stage : planned->stages) {
    for (ir::ValueId id : stage.nodes) {
      const ir::Node& node = planned->node(id);
      if (node.type != ir::Type::kString) continue;
      EXPECT_EQ(node.op, ir::Op::kColumn) << ir::PrintNode(planned->graph, id);
    }
  }
  // The int-valued lookup `length(country)` is a table of int64 per entry.
  bool int_dict = false;
  for (const plan::DictTable& d : planned->dicts) int_dict |= d.type == ir::Type::kInt;
  EXPECT_TRUE(int_dict);
}

TEST(Plan, StatisticsOfExpressionsAreMaterializedInAnEarlierStage) {
  EXPECT_EQ(PlannedText("score dev = abs(cltv - mean(cltv))\nsegment F where dev > mean(dev)\n"),
            "program\nrun_input ri0 as_of date\n"
            "stat st0 = mean(%0) : float\n"
            "stat st1 = mean(%3) : float\n"
            "%0 = column cltv : float?\n"
            "%1 = stat st0 : float?\n"
            "%2 = sub %0, %1 : float?\n"
            "%3 = call abs %2 : float?\n"
            "%4 = stat st1 : float?\n"
            "%5 = gt %3, %4 : bool?\n"
            "%6 = is_true %5 : bool\n"
            "score dev = %3\n"
            "segment F = %6\n"
            "plan\n"
            "schedule st0 stage 0 source -1\n"
            "schedule st1 stage 1 source 0\n"
            "slot 0 : float?\n"
            "slot 1 : float?\n"
            "slot 2 : bool\n"
            "stage 0 nodes %0 %1 %2 %3\n"
            "  store %3 -> slot 0\n"
            "stage 1 nodes %0' %1' %2' %3' %4 %5 %6\n"  // ' = overflow counted in stage 0
            "  store %3 -> slot 1\n"
            "  store %6 -> slot 2\n"
            "output dev slot 1\n"
            "output F slot 2\n");
}

TEST(Plan, DerivedColumnsOverColumnsNeedNoExtraStage) {
  auto planned = Planned("score t = ntile(4, orders)\nsegment S where cumshare(cltv) <= 50%\n");
  ASSERT_TRUE(planned.ok());
  EXPECT_EQ(planned->stages.size(), 1u);
  ASSERT_EQ(planned->graph.derived.size(), 2u);
  for (const plan::Schedule& d : planned->derived_schedule) {
    EXPECT_EQ(d.stage, 0u);
    EXPECT_EQ(d.source_slot, -1);
  }
}

TEST(Plan, UnusedNodesAndStatisticsAreDropped) {
  auto lowered = LowerRules("let unused = mean(cltv)\nsegment S where orders > 1\n");
  ASSERT_TRUE(lowered.ok());
  auto planned = plan::Plan(*lowered);
  ASSERT_TRUE(planned.ok());
  EXPECT_TRUE(planned->graph.stats.empty());
  EXPECT_EQ(planned->graph.nodes.size(), 4u);  // column, const, gt, is_true
}

// Two string columns compare through rank tables over both dictionaries (before: refused).
TEST(Plan, TwoStringColumnsCompareThroughRankTables) {
  std::string text = PlannedText("segment X where country == stage\n");
  EXPECT_NE(text.find("%4 = eq %2, %3 : bool?\n"), std::string::npos) << text;
  EXPECT_NE(text.find("dict dict0 over %0 = rank among %0 and %1 : int\n"
                      "dict dict1 over %1 = rank among %1 and %0 : int\n"),
            std::string::npos)
      << text;
}

// Other expressions over two string columns are refused: `segc check` reports them as E0233
// on the rule that reads them (plan::FindUnsupported), so they never reach the planner.
TEST(Plan, OtherExpressionsOverTwoStringColumnsAreCheckErrors) {
  api::ProjectSource source{"rules", {{"schema.seg", kEngineSchema}}, nullptr};
  source.files.push_back({"rules.seg",
                          "segment Ok where country == stage\n"
                          "segment X where lower(country) == stage\n"});
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  api::CheckedRules checked = api::Check(source, sources, sink);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const diag::Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ(d.code, diag::Code::kStringsOfTwoColumns);
  EXPECT_NE(d.message.find("column 'country'"), std::string::npos) << d.message;
  EXPECT_EQ(sources.Text(d.range), "X");
}

TEST(PlanDump, Print) {
  const char* env = std::getenv("SEGC_DUMP");
  if (env == nullptr) GTEST_SKIP() << "set SEGC_DUMP to rule text to print its planned IR";
  std::printf("%s", PlannedText(env).c_str());
}

}  // namespace
}  // namespace segc::testing
