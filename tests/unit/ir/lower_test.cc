// Lowering tests: real rule text → checked → IR, compared as printed IR.
#include "compiler/ir/lower.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "compiler/ir/printer.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

const char* const kInputs =
    "input in0 id int\n"
    "input in1 cltv float\n"
    "input in2 orders int\n"
    "input in3 last_purchase date\n"
    "input in4 country string\n"
    "input in5 stage string enum\n"
    "input in6 consent bool\n";

struct Case {
  const char* name;
  const char* rules;
  const char* stats;  ///< stat/derived lines
  const char* nodes;  ///< node and output lines
};

const Case kCases[] = {
    {"segment refs become is_true and share subexpressions",
     "segment A where orders > 3 and consent\nsegment B where orders > 3 or not A\n", "",
     "%0 = column orders : int?\n%1 = const 3 : int\n%2 = gt %0, %1 : bool?\n"
     "%3 = column consent : bool?\n%4 = and %2, %3 : bool?\n%5 = is_true %4 : bool\n"
     "%6 = not %5 : bool\n%7 = or %2, %6 : bool?\n%8 = is_true %7 : bool\n"
     "segment A = %5\nsegment B = %8\n"},
    {"within and params desugar against the as_of run input; calendar months on dates fold",
     "param w = 2w\nsegment R where last_purchase within w and last_purchase < 2026-01-31 + 1mo\n",
     "",
     "%0 = column last_purchase : date?\n%1 = const 14 : int\n%2 = run_input as_of : date\n"
     "%3 = sub %2, %1 : date?\n%4 = ge %0, %3 : bool?\n%5 = le %0, %2 : bool?\n"
     "%6 = and %4, %5 : bool?\n%7 = const 2026-01-31 : date\n%8 = const 2026-02-28 : date\n"
     "%9 = lt %0, %8 : bool?\n%10 = and %6, %9 : bool?\n%11 = is_true %10 : bool\n"
     "segment R = %11\n"},
    {"classify selects label codes; coalesce and division are float",
     "classify c { \"x\" when orders between 1 and 3\n \"y\" when cltv is null }\n"
     "score s = coalesce(cltv, orders, 0) / 2\n",
     "",
     "%0 = column orders : int?\n%1 = const 1 : int\n%2 = const 3 : int\n%3 = ge %0, %1 : bool?\n"
     "%4 = le %0, %2 : bool?\n%5 = and %3, %4 : bool?\n%6 = const #0 : label\n"
     "%7 = column cltv : float?\n%8 = is_null %7 : bool\n%9 = const #1 : label\n"
     "%10 = const null : label?\n%11 = select %5, %6, %8, %9, %10 : label?\n"
     "%12 = const 0 : int\n%13 = cast %0 : float?\n%14 = const 0 : float\n"
     "%15 = coalesce %7, %13, %14 : float\n%16 = const 2 : int\n%17 = const 2 : float\n"
     "%18 = div %15, %17 : float?\nclass c = %11 labels #0 \"x\", #1 \"y\"\nscore s = %18\n"},
    {"percentile shorthands borrow the compared column; date percentiles compare as floats",
     "segment V where cltv > p90 and last_purchase > p50\n"
     "score t = ntile(3, orders) + percent_rank(cltv)\n",
     "stat st0 = percentile(%0, 0.9) : float\nstat st1 = percentile(%3, 0.5) : float\n"
     "derived dv0 = ntile(%11, 3) : int\nderived dv1 = percent_rank(%0) : float\n",
     "%0 = column cltv : float?\n%1 = stat st0 : float?\n%2 = gt %0, %1 : bool?\n"
     "%3 = column last_purchase : date?\n%4 = stat st1 : float?\n%5 = cast %4 : date?\n"
     "%6 = cast %3 : float?\n%7 = gt %6, %4 : bool?\n%8 = and %2, %7 : bool?\n"
     "%9 = is_true %8 : bool\n%10 = const 3 : int\n%11 = column orders : int?\n"
     "%12 = derived dv0 : int?\n%13 = derived dv1 : float?\n%14 = cast %12 : float?\n"
     "%15 = add %14, %13 : float?\nsegment V = %9\nscore t = %15\n"},
    {"score rules: false or null conditions add 0, minus rules are negated constants",
     "score s { +2 when consent\n -1 when orders > 3 }\n", "",
     "%0 = const 2 : int\n%1 = const 0 : int\n%2 = column consent : bool?\n"
     "%3 = select %2, %0, %1 : int\n%4 = const 1 : int\n%5 = const -1 : int\n"
     "%6 = column orders : int?\n%7 = const 3 : int\n%8 = gt %6, %7 : bool?\n"
     "%9 = select %8, %5, %1 : int\n%10 = add %3, %9 : int?\n%11 = cast %10 : float?\n"
     "score s = %11\n"},
};

TEST(Lower, PrintsExpectedIr) {
  for (const Case& c : kCases) {
    std::string expected =
        std::string("program\nrun_input ri0 as_of date\n") + kInputs + c.stats + c.nodes;
    EXPECT_EQ(LoweredText(c.rules), expected) << c.name;
  }
}

TEST(Lower, ScoreRangeClampsInTheScoreType) {
  std::string text = LoweredText("score s range 0..10 = orders\nscore f range 0..2.5 = orders\n");
  EXPECT_NE(text.find("call clamp %0, %1, %2 : int?"), std::string::npos) << text;
  EXPECT_NE(text.find("const 2.5 : float"), std::string::npos) << text;
}

TEST(Lower, ParamOverridesReplaceDefaults) {
  const char* rules =
      "param n = 5\nparam w = 90d\nsegment S where orders > n and last_purchase < w\n";
  std::string text = LoweredText(rules, {{"n", "7"}, {"w", "1mo"}});
  EXPECT_NE(text.find("const 7 : int"), std::string::npos) << text;
  EXPECT_EQ(text.find("const 5 : int"), std::string::npos) << text;
  // as_of is a run input: `< 1mo` compares with as_of minus one calendar month.
  EXPECT_NE(text.find("const -1 : int"), std::string::npos) << text;
  EXPECT_NE(text.find("= add_months %"), std::string::npos) << text;
  EXPECT_EQ(LoweredText(rules, {{"n", "-2"}}).find("const -2 : int") == std::string::npos, false);
}

// Regression: a declaration typed before the param it uses (here reached through a forward
// reference) saw the param untyped, lost its date-vs-duration desugaring and failed to lower.
TEST(Lower, ParamDurationsDesugarWhateverTheDeclarationOrder) {
  const char* rules =
      "segment B where A and C\n"
      "let window = w\n"
      "param w = 90d\n"
      "segment A where last_purchase < w\n"
      "segment C where last_purchase >= window\n";
  auto program = LowerRules(rules);
  ASSERT_TRUE(program.ok()) << program.status().message();
  std::string text = LoweredText(rules);
  // as_of - 90d; `< 90d` is "after that date", `>= 90d` is "on or before it".
  EXPECT_NE(text.find("= const 90 : int\n"), std::string::npos) << text;
  EXPECT_NE(text.find("= sub %"), std::string::npos) << text;
  EXPECT_NE(text.find("= gt %0, %"), std::string::npos) << text;
  EXPECT_NE(text.find("= le %0, %"), std::string::npos) << text;
}

TEST(Lower, BadParamOverridesAreUsageErrors) {
  const char* rules = "param n = 5\nsegment S where orders > n\n";
  auto unknown = LowerRules(rules, {{"m", "1"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.status().message(),
            "unknown param 'm'; --param names a `param` declared in the rules");
  auto typed = LowerRules(rules, {{"n", "\"five\""}});
  ASSERT_FALSE(typed.ok());
  EXPECT_NE(typed.status().message().find("expected int"), std::string::npos)
      << typed.status().message();
  auto garbage = LowerRules(rules, {{"n", "5x"}});
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("is not a literal"), std::string::npos);
}

// language.md Decision 8: `d == 90d` is "exactly 90 days ago", `d != 90d` its negation.
TEST(Lower, DateEqualToDurationComparesWithTheDayThatOld) {
  std::string text = LoweredText(
      "segment E where last_purchase == 90d\nsegment N where 1 month != last_purchase\n");
  // The day 90 days before as_of, and the day one calendar month before it.
  EXPECT_NE(text.find("%2 = run_input as_of : date\n%3 = sub %2, %1 : date?\n%4 = eq %0, %3"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("= add_months %2, %"), std::string::npos) << text;
  EXPECT_NE(text.find("= ne %0, %"), std::string::npos) << text;
}

// language.md "Date arithmetic": `date - date` is a number of days, compared with day/week
// durations (and duration params) as day counts.
TEST(Lower, DateDifferenceComparesAsDays) {
  std::string text = LoweredText(
      "param gap = 2w\n"
      "segment L where last_purchase - 2026-01-01 > 365d\n"
      "segment W where last_purchase - 2026-01-01 between 52w and gap\n");
  EXPECT_NE(text.find("%2 = sub %0, %1 : int?\n%3 = const 365 : int\n%4 = gt %2, %3 : bool?\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("= const 364 : int\n"), std::string::npos) << text;
  EXPECT_NE(text.find("= const 14 : int\n"), std::string::npos) << text;
  // The day count of an overridden duration param; months are not a number of days.
  EXPECT_NE(LoweredText("param gap = 2w\nsegment W where last_purchase - 2026-01-01 > gap\n",
                        {{"gap", "30d"}})
                .find("= const 30 : int\n"),
            std::string::npos);
  auto months = LowerRules("param gap = 2w\nsegment W where last_purchase - 2026-01-01 > gap\n",
                           {{"gap", "1mo"}});
  ASSERT_FALSE(months.ok());
  EXPECT_EQ(months.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(months.status().message(),
            "--param gap=1mo: 'gap' is compared with a number of days (a date difference), and "
            "months and years are not a fixed number of days; give days or weeks, e.g. `180d`");
  // A duration param used as an age takes months, overridden or not.
  EXPECT_TRUE(LowerRules("param w = 2w\nsegment R where last_purchase < w\n", {{"w", "1mo"}}).ok());
}

// A let holding months is lowered only where it is used, as a duration (it used to be lowered
// eagerly as a number of days: an internal error).
TEST(Lower, CalendarLetIsADurationNotADayCount) {
  auto program = LowerRules("let w = 6mo\nsegment S where last_purchase > w\n");
  ASSERT_TRUE(program.ok()) << program.status().message();
  std::string text = LoweredText("let w = 6mo\nsegment S where last_purchase > w\n");
  EXPECT_NE(text.find("= const -6 : int\n"), std::string::npos) << text;
  EXPECT_NE(text.find("= add_months %"), std::string::npos) << text;
}

// language.md `param`, Decision 14: a param can be the pattern of `matches`; the run uses the
// --param value, validated with RE2 like a literal pattern.
TEST(Lower, MatchesPatternParamTakesTheOverride) {
  const char* rules = "param pat = \"^A\"\nsegment M where matches(country, pat)\n";
  std::string text = LoweredText(rules);
  EXPECT_NE(text.find("const \"^A\" : string"), std::string::npos) << text;
  text = LoweredText(rules, {{"pat", "\"^B\""}});
  EXPECT_NE(text.find("const \"^B\" : string"), std::string::npos) << text;
  EXPECT_EQ(text.find("^A"), std::string::npos) << text;
  auto invalid = LowerRules(rules, {{"pat", "\"(\""}});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(invalid.status().message(),
            "--param pat=\"(\": invalid regular expression \"(\" for 'matches': missing ): (");
}

// Decision 14: "A param is constant for a run even if overridden": ntile's n, percentile's
// fraction and round's digits take the --param value (they used to keep the default).
TEST(Lower, ConstantArgumentsTakeParamOverrides) {
  const char* rules =
      "param n = 2\nparam q = 50%\nparam digits = 1\n"
      "score t = ntile(n, orders)\nscore u = ntile(n + 1, cltv)\n"
      "score c = percentile(cltv, q)\nscore r = round(cltv, digits)\n";
  std::string defaults = LoweredText(rules);
  EXPECT_NE(defaults.find(", 2) : int"), std::string::npos) << defaults;
  // Needed as constants, these params are part of the code: a run may not change them.
  EXPECT_NE(defaults.find("run_input ri1 n int pinned\n"), std::string::npos) << defaults;
  EXPECT_NE(defaults.find("run_input ri2 q float pinned\n"), std::string::npos) << defaults;
  EXPECT_NE(defaults.find("percentile(%"), std::string::npos) << defaults;
  EXPECT_NE(defaults.find(", 0.5) : float"), std::string::npos) << defaults;
  std::string text = LoweredText(rules, {{"n", "4"}, {"q", "0.75"}, {"digits", "-1"}});
  EXPECT_NE(text.find(", 4) : int"), std::string::npos) << text;
  EXPECT_NE(text.find("ntile(%"), std::string::npos) << text;
  EXPECT_NE(text.find(", 5) : int"), std::string::npos) << text;  // n + 1
  EXPECT_NE(text.find(", 0.75) : float"), std::string::npos) << text;
  EXPECT_EQ(text.find(", 0.5) : float"), std::string::npos) << text;
  EXPECT_NE(text.find("call round %"), std::string::npos) << text;
  EXPECT_NE(text.find("const -1 : int"), std::string::npos) << text;
}

TEST(Lower, ConstantArgumentOverridesOutOfRangeAreUsageErrors) {
  const char* rules =
      "param n = 2\nparam q = 50%\nscore t = ntile(n, orders)\n"
      "score c = percentile(cltv, q)\n";
  struct Bad {
    const char* name;
    const char* value;
    const char* message;
  };
  const Bad kBad[] = {
      {"n", "0",
       "--param n=0: the number of tiles of 'ntile' is 0; it must be an integer in "
       "1..1000000"},
      {"n", "2000000",
       "--param n=2000000: the number of tiles of 'ntile' is 2000000; it must be "
       "an integer in 1..1000000"},
      {"q", "1.5",
       "--param q=1.5: the fraction of 'percentile' is 1.5; it must be a number in "
       "0..1 (`0.9` or `90%`)"},
      {"q", "-10%",
       "--param q=-10%: the fraction of 'percentile' is -0.1; it must be a number in "
       "0..1 (`0.9` or `90%`)"},
  };
  for (const Bad& bad : kBad) {
    auto program = LowerRules(rules, {{bad.name, bad.value}});
    ASSERT_FALSE(program.ok()) << bad.value;
    EXPECT_EQ(program.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(program.status().message(), bad.message);
  }
  auto through_let =
      LowerRules("param d = 4\nlet q = 1 / d\nscore c = percentile(cltv, q)\n", {{"d", "0"}});
  ASSERT_FALSE(through_let.ok());
  EXPECT_EQ(through_let.status().message(),
            "--param d=0: the fraction of 'percentile' is not a number; it must be a number in "
            "0..1 (`0.9` or `90%`)");
}

TEST(Lower, ModuleInstancesAreQualifiedAndBound) {
  auto program = LowerRules(
      "import rfm(recency = last_purchase, frequency = orders, monetary = cltv)\n"
      "segment W where rfm.At_Risk and consent\n");
  ASSERT_TRUE(program.ok()) << program.status().message();
  std::vector<std::string> names;
  for (const ir::Output& o : program->outputs) names.push_back(o.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "rfm.Champions"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "rfm.segment_label"), names.end());
  auto w = std::find(names.begin(), names.end(), "W");
  ASSERT_NE(w, names.end());
  EXPECT_LT(std::find(names.begin(), names.end(), "rfm.At_Risk"), w);  // dependency order
  // R, F, M are ntiles of the bound columns.
  ASSERT_EQ(program->derived.size(), 3u);
  EXPECT_EQ(program->nodes[program->derived[0].input].op, ir::Op::kColumn);
}

TEST(Lower, EqualProgramsHashEqual) {
  auto a = LowerRules("segment S where orders > 3\n");
  auto b = LowerRules("segment S where orders  >  3   # same\n");
  auto c = LowerRules("segment S where orders > 4\n");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->Hash(), b->Hash());
  EXPECT_NE(a->Hash(), c->Hash());
}

TEST(LowerDump, Print) {
  const char* env = std::getenv("SEGC_DUMP");
  if (env == nullptr) GTEST_SKIP() << "set SEGC_DUMP to rule text to print its IR";
  std::printf("%s", LoweredText(env).c_str());
}

}  // namespace
}  // namespace segc::testing
