// Printed-tree tests: every construct of the v1 syntax parses to the expected AST.
#include <gtest/gtest.h>

#include "tests/unit/syntax/parse_helpers.h"

namespace segc::syntax::testing {
namespace {

struct TreeCase {
  const char* name;
  const char* source;
  const char* expected;  // ast::Print output without the trailing newline
};

class PrintedTree : public ::testing::TestWithParam<TreeCase> {};

TEST_P(PrintedTree, Matches) {
  auto p = ParseText(GetParam().source);
  EXPECT_EQ(p->AllDiagnostics(), "");
  EXPECT_EQ(p->Printed(), std::string(GetParam().expected) + "\n");
}

const TreeCase kDeclarations[] = {
    {"Table",
     "table customers key customer_id {\n  customer_id: int\n  cltv: float,\n  ok: bool\n"
     "  country: string\n  last: date\n  birth: date(\"%d/%m/%Y\")\n"
     "  stage: enum(\"lead\", \"customer\")\n  `Total Spent`: float\n}",
     "(table customers (key customer_id) (column customer_id int) (column cltv float) (column ok "
     "bool) (column country string) (column last date) (column birth (date \"%d/%m/%Y\")) (column "
     "stage (enum \"lead\" \"customer\")) (column `Total Spent` float))"},
    {"ImportPlain", "import rfm", "(import rfm)"},
    {"ImportBindingsAlias", "import rfm(recency = last_purchase, monetary = total * 2) as r",
     "(import rfm (bind recency last_purchase) (bind monetary (* total 2)) (as r))"},
    {"Input", "input recency: date", "(input recency date)"},
    {"AsOf", "as_of 2026-11-01", "(as_of 2026-11-01)"},
    {"ParamDuration", "param vip_window = 90d", "(param vip_window 90d)"},
    {"ParamNegative", "param floor = -5", "(param floor (neg 5))"},
    {"Let", "let big = cltv > 1_000", "(let big (> cltv 1000))"},
    {"Segment", "segment VIP where cltv > p90", "(segment VIP (where (> cltv p90)))"},
    {"Measure", "measure revenue \"Revenue\" = sum(total_spent)",
     "(measure revenue (description \"Revenue\") (sum total_spent))"},
    {"MeasureWhere", "measure vip = mean(total / orders where VIP)",
     "(measure vip (mean (/ total orders) (where VIP)))"},
    {"MeasureNotACall", "measure m = total + 1", "(measure m (value (+ total 1)))"},
    {"MeasureAmongKeptWhole", "measure m = sum(x) among VIP",
     "(measure m (value (call sum x (among VIP))))"},
    {"SegmentDescriptionExpect",
     "segment VIP \"High value\"\n  where cltv > p90\n  expect size between 1% and 15%",
     "(segment VIP (description \"High value\") (where (> cltv p90)) (expect_size (percent 0.01) "
     "(percent 0.15)))"},
    {"SegmentExpectCounts", "segment A where x expect size between 10 and 2_000",
     "(segment A (where x) (expect_size 10 2000))"},
    {"ScorePoints",
     "score lead range 0..100 {\n  +10 when employees > 50\n  -10 when employees < 5\n"
     "  +min(2 * opens, 20)\n}",
     "(score lead (range 0 100) (rule + 10 (when (> employees 50))) (rule - 10 (when (< employees "
     "5))) (rule + (call min (* 2 opens) 20)))"},
    {"ScoreRulesOnOneLine", "score s { +10 when employees > 50  -10 when employees < 5 }",
     "(score s (rule + 10 (when (> employees 50))) (rule - 10 (when (< employees 5))))"},
    {"ScoreRuleWithBinaryMinus", "score s { +10 when a - 1 > b -5 when c }",
     "(score s (rule + 10 (when (> (- a 1) b))) (rule - 5 (when c)))"},
    {"ScoreRuleNegativeComparand", "score s { +10 when x > -5 }",
     "(score s (rule + 10 (when (> x (neg 5)))))"},
    {"ScoreRuleAfterIsNotNull", "score s {\n  +10 when email is not null\n  -5 when x\n}",
     "(score s (rule + 10 (when (is_not_null email))) (rule - 5 (when x)))"},
    {"ScoreRuleAfterIsNull", "score s { +10 when email is null  -5 when x }",
     "(score s (rule + 10 (when (is_null email))) (rule - 5 (when x)))"},
    {"ScoreFirstRuleSpaced", "score s { + 10 when x }", "(score s (rule + 10 (when x)))"},
    {"ScoreExpression", "score s range -1.5..2.5 = a * 2",
     "(score s (range -1.5 2.5) (= (* a 2)))"},
    {"Classify",
     "classify abc {\n  \"A\" when share <= 60%\n  \"B\" when share <= 90%\n  \"C\" otherwise\n}",
     "(classify abc (arm \"A\" (when (<= share (percent 0.6)))) (arm \"B\" (when (<= share "
     "(percent "
     "0.9)))) (arm \"C\" otherwise))"},
    {"SeveralOnOneLine", "let a = 1 let b = 2", "(let a 1)\n(let b 2)"},
};
INSTANTIATE_TEST_SUITE_P(Declarations, PrintedTree, ::testing::ValuesIn(kDeclarations),
                         [](const auto& info) { return std::string(info.param.name); });

const TreeCase kExpressions[] = {
    {"Precedence", "let x = a or b and not c == d + e * -f",
     "(let x (or a (and b (not (== c (+ d (* e (neg f))))))))"},
    {"LeftAssociative", "let x = a - b - c / d / e", "(let x (- (- a b) (/ (/ c d) e)))"},
    {"FlatAnd", "let x = a and b and c and d", "(let x (and a b c d))"},
    {"Parentheses", "let x = (a or b) and ((c))", "(let x (and (or a b) c))"},
    {"Comparisons", "let x = a != 1 or a <= 2 or a >= 3 or a < 4",
     "(let x (or (!= a 1) (<= a 2) (>= a 3) (< a 4)))"},
    {"Literals", "let x = f(42, 12.5, 30%, \"s\", 'q', true, false, 2026-02-28)",
     "(let x (call f 42 12.5 (percent 0.3) \"s\" \"q\" true false 2026-02-28))"},
    {"StringEscapes", R"(let x = "a\"b\\c\nd\te\'f")", R"((let x "a\"b\\c\nd\te'f"))"},
    {"Durations", "let x = f(90d, 2w, 6mo, 1y, 1_000d)", "(let x (call f 90d 2w 6mo 1y 1000d))"},
    {"LongDurations", "let x = f(90 days, 1 day, 2 weeks, 6 months, 1 year, 3 years)",
     "(let x (call f 90d 1d 2w 6mo 1y 3y))"},
    {"Percentiles", "let x = a > p90 and b < p99.5 and c > p50(d)",
     "(let x (and (> a p90) (< b p99.5) (> c (call p50 d))))"},
    {"InAndNotIn", "let x = c in (\"FR\", \"DE\") and c not in (1)",
     "(let x (and (in c \"FR\" \"DE\") (not_in c 1)))"},
    {"BetweenAndNotBetween", "let x = a between 1 and 5 and b not between 2 and 3",
     "(let x (and (between a 1 5) (not_between b 2 3)))"},
    {"IsNull", "let x = a is null or a is not null", "(let x (or (is_null a) (is_not_null a)))"},
    {"WithinAndAgo", "let x = d within 30d and e < 90 days ago and f > 2w ago",
     "(let x (and (within d 30d) (< e (ago 90d)) (> f (ago 2w))))"},
    {"AgoIsANameElsewhere", "let x = ago + 1", "(let x (+ ago 1))"},
    {"DaysIsANameElsewhere", "let x = days * 2", "(let x (* days 2))"},
    {"ActivationWordsAreNamesElsewhere", "let x = consent and split > audience\n  and consent",
     "(let x (and consent (> split audience) consent))"},
    {"Consent", "consent email = consent_email", "(consent email consent_email)"},
    {"Audience", "audience Winback_Email from Winback channel email",
     "(audience Winback_Email Winback (channel email))"},
    {"AudienceOfAModuleSegment", "audience At_Risk_Sms from rfm.At_Risk channel sms",
     "(audience At_Risk_Sms rfm.At_Risk (channel sms))"},
    {"Split", "split ab of Winback into A 45%, B 45%, control 10% salt \"2026-q4\"",
     "(split ab Winback (arm A 45%) (arm B 45%) (arm control 10%) (salt \"2026-q4\"))"},
    {"ActivationMidLine", "segment A where consent audience X from A channel email",
     "(segment A (where consent))\n(audience X A (channel email))"},
    {"QualifiedAndBackquoted", "let x = rfm.At_Risk and `Total Spent` > 0 and rfm.`odd name`",
     "(let x (and rfm.At_Risk (> `Total Spent` 0) rfm.`odd name`))"},
    {"CallsNested", "let x = min(max(a, b), abs(-c), coalesce())",
     "(let x (call min (call max a b) (call abs (neg c)) (call coalesce)))"},
    {"NotNot", "let x = not not a", "(let x (not (not a)))"},
    {"CommentsAndUtf8", "# héllo ✓\nlet x = \"café ✓\" # trailing", "(let x \"café ✓\")"},
    {"ByteOrderMark", "\xEF\xBB\xBFlet x = 1", "(let x 1)"},
};
INSTANTIATE_TEST_SUITE_P(Expressions, PrintedTree, ::testing::ValuesIn(kExpressions),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ParseRanges, ByteOffsetsSurviveUtf8BeforeTheToken) {
  auto p = ParseText("# é✓\nsegment A where \"é\" == x");
  ASSERT_EQ(p->file->decls.size(), 1u);
  const auto& seg = std::get<ast::SegmentDecl>(p->file->decls[0].kind);
  const auto& cmp = std::get<ast::Binary>(seg.where->kind);
  EXPECT_EQ(p->sources.Text(cmp.rhs->range), "x");
  EXPECT_EQ(p->sources.Text(cmp.lhs->range), "\"é\"");
  EXPECT_EQ(p->sources.Text(cmp.op_range), "==");
  EXPECT_EQ(p->sources.Text(seg.name.range), "A");
  EXPECT_EQ(p->sources.Text(p->file->decls[0].range), "segment A where \"é\" == x");
}

TEST(ParseRanges, LongDurationCoversNumberAndWord) {
  auto p = ParseText("let x = 90  days");
  const auto& let = std::get<ast::LetDecl>(p->file->decls.at(0).kind);
  EXPECT_EQ(p->sources.Text(let.value->range), "90  days");
}

TEST(ParseIds, EveryNodeHasAUniqueId) {
  auto p = ParseText("segment A where a and b\nsegment B where c");
  std::set<ast::NodeId> ids;
  for (const ast::Decl& d : p->file->decls) ids.insert(d.id);
  const auto& a = std::get<ast::SegmentDecl>(p->file->decls[0].kind);
  ids.insert(a.where->id);
  for (const auto& e : std::get<ast::Logical>(a.where->kind).operands) ids.insert(e->id);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(ids.count(0), 0u);
}

}  // namespace
}  // namespace segc::syntax::testing
