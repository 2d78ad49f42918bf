// Every E01xx/E02xx code sema emits for a project, with its exact message and help; each case
// must produce exactly one diagnostic (only the root cause is reported).
#include <gtest/gtest.h>

#include "tests/unit/sema/sema_test_util.h"

namespace segc::sema::testing {
namespace {

struct ErrorCase {
  const char* name;
  const char* rules;
  const char* code;
  const char* message;
  const char* help;
};

class SemaError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SemaError, ReportsOnlyTheRootCause) {
  const ErrorCase& c = GetParam();
  auto checked = CheckRules(c.rules);
  ASSERT_EQ(checked->sink.diagnostics().size(), 1u) << checked->Dump();
  const diag::Diagnostic& d = checked->sink.diagnostics()[0];
  EXPECT_EQ(diag::Info(d.code).id, c.code) << checked->Dump();
  EXPECT_EQ(d.message, c.message);
  EXPECT_EQ(d.help, c.help);
}

const ErrorCase kErrorCases[] = {
    {"UnknownColumnSuggestsNearest", "segment A where cltv2 > 5", "E0101",
     "unknown column 'cltv2' in table 'customers'", "did you mean 'cltv'?"},
    {"UnknownColumnTransposition", "segment A where agr > 5", "E0101",
     "unknown column 'agr' in table 'customers'", "did you mean 'age'?"},
    {"UnquotedEnumValue", "segment A where lifecycle_stage == lead", "E0101",
     "unknown column 'lead' in table 'customers'",
     "to compare with the value \"lead\", write it as a string: \"lead\""},
    {"UnknownNameSuggestsSegment", "segment VIP where cltv > 5\nsegment A where VIPP", "E0102",
     "unknown name 'VIPP'", "did you mean 'VIP'?"},
    {"UnknownNameWithoutSuggestion", "segment A where Winback", "E0102", "unknown name 'Winback'",
     ""},
    {"UnknownFunction", "segment A where lenght(country) > 3", "E0103", "unknown function 'lenght'",
     "did you mean 'length'?"},
    {"DuplicateName", "segment A where consent_email\nsegment A where age > 3", "E0104",
     "'A' is defined twice", ""},
    {"NameShadowsColumn", "segment country where consent_email", "E0104",
     "'country' is already a column of table 'customers'", ""},
    {"ReferenceCycle", "segment A where B\nsegment B where C\nsegment C where A", "E0105",
     "reference cycle: 'A' → 'B' → 'C' → 'A'",
     "break the cycle: one of these must not refer (directly or not) to the others"},
    {"SelfReference", "let x = x + 1\nsegment A where x > 2", "E0105", "reference cycle: 'x' → 'x'",
     "break the cycle: one of these must not refer (directly or not) to the others"},
    {"UnknownEnumValue", "segment A where lifecycle_stage == \"custmer\"", "E0111",
     "\"custmer\" is not a value of enum 'lifecycle_stage'", "did you mean \"customer\"?"},
    {"UnknownEnumValueInList", "segment A where lifecycle_stage in (\"lead\", \"x\")", "E0111",
     "\"x\" is not a value of enum 'lifecycle_stage'",
     "the values are: \"lead\", \"prospect\", \"customer\", \"churned\""},
    {"UnknownClassLabel",
     "classify abc {\n \"A\" when cltv > 5\n \"B\" otherwise\n}\nsegment X where abc == \"D\"",
     "E0112", "\"D\" is not a label of classify 'abc'", "the labels are: \"A\", \"B\""},
    {"DuplicateAsOf", "as_of 2026-01-01\nas_of 2026-02-01\nsegment A where consent_email", "E0118",
     "as_of is declared more than once",
     "keep one as_of for the project; `segc run --as-of` overrides it"},
    {"InputOutsideModule", "input x: int\nsegment A where consent_email", "E0119",
     "input 'x' declared outside a library module",
     "inputs belong to modules imported with `import`; in a project use a column or a `let`"},
    {"DuplicateLabel", "classify c {\n \"A\" when age > 3\n \"A\" when age > 1\n}", "E0120",
     "label \"A\" is used twice in classify 'c'", ""},
    {"MisplacedOtherwise", "classify c {\n \"A\" otherwise\n \"B\" when age > 1\n}", "E0121",
     "'otherwise' arm 'A' is not the last arm of classify 'c'",
     "move the 'otherwise' arm to the end"},
    {"UnknownModuleAlias", "segment A where rfm.Champions", "E0102",
     "unknown module 'rfm' in 'rfm.Champions'", "import it first: `import rfm(...)`"},
    {"QuotedNumber", "segment A where age == \"42\"", "E0201",
     "cannot compare an int with a string", "remove the quotes to compare numbers: `42`"},
    {"UnquotedNumber", "segment A where country == 42", "E0201",
     "cannot compare a string with an int", "quote the number to compare strings: `\"42\"`"},
    {"QuotedDate", "segment A where last_purchase > \"2026-01-01\"", "E0201",
     "cannot compare a date with a string", "write dates without quotes: `2026-01-31`"},
    {"WithinNeedsDuration", "segment A where last_purchase within 30", "E0201",
     "'within' needs a duration on its right, but '30' is an int", "add a unit: `30d`"},
    {"AgoNeedsDuration", "segment A where last_purchase > 3 ago", "E0201",
     "'ago' needs a duration, but '3' is an int",
     "write a duration with a unit: `30d ago`, `6mo ago`"},
    {"ConditionNotBool", "segment A where age", "E0202",
     "the condition of segment 'A' is an int, not a boolean",
     "compare it with a number, e.g. `x > 0`"},
    {"AndOperandNotBool", "segment A where consent_email and country", "E0202",
     "an operand of 'and' is a string, not a boolean",
     "compare it with a string, e.g. `x == \"value\"`"},
    {"WrongArgumentCount", "segment A where abs(age, 2) > 1", "E0203",
     "'abs' takes 1 argument, but 2 were given", ""},
    {"WrongArgumentType", "segment A where days_since(age) > 3", "E0204",
     "the first argument of 'days_since' must be a date, but 'age' is an int", ""},
    {"DaysSinceTakesOnlyTheDate", "segment A where days_since(last_purchase, 2026-11-01) > 3",
     "E0203", "'days_since' takes 1 argument, but 2 were given", ""},
    {"AgeTakesOnlyTheDate", "segment A where age(last_purchase, 2026-11-01) > 3", "E0203",
     "'age' takes 1 argument, but 2 were given", ""},
    {"AgeOfNumber", "segment A where age(age) > 18", "E0204",
     "the first argument of 'age' must be a date, but 'age' is an int", ""},
    {"MonthsSinceOfString", "segment A where months_since(country) > 3", "E0204",
     "the first argument of 'months_since' must be a date, but 'country' is a string", ""},
    {"UpperOfNumber", "segment A where upper(age) == \"X\"", "E0204",
     "the first argument of 'upper' must be a string, but 'age' is an int", ""},
    {"StatisticOfConstant", "segment A where age > mean(3)", "E0204",
     "'mean' is a statistic over the table, but '3' does not depend on any column",
     "pass a column or an expression of columns, e.g. `mean(cltv)`"},
    {"InvalidRegex", "segment A where matches(email, \"(a\")", "E0204",
     "invalid regular expression \"(a\": missing ): (a",
     "write an RE2 regular expression, e.g. `^[a-z.]+@example\\.com$` (no look-around or "
     "back-references)"},
    {"LookAheadIsNotRe2", "segment A where matches(email, \"a(?=b)\")", "E0204",
     "invalid regular expression \"a(?=b)\": invalid perl operator: (?=",
     "write an RE2 regular expression, e.g. `^[a-z.]+@example\\.com$` (no look-around or "
     "back-references)"},
    {"PercentileWithoutColumn", "segment A where p90 > 3", "E0205",
     "percentile shorthand 'p90' has no column to borrow", "write the explicit form: `p90(cltv)`"},
    {"PercentileAsCondition", "segment A where p90", "E0205",
     "percentile shorthand 'p90' has no column to borrow", "write the explicit form: `p90(cltv)`"},
    {"PercentileOfString", "segment A where country > p50", "E0205",
     "percentile shorthand 'p50' has no column to borrow", "write the explicit form: `p50(cltv)`"},
    {"DurationWithNumber", "segment A where age < 90d", "E0206",
     "duration '90d' compared with 'age', which is an int",
     "durations compare with dates (`last_purchase < 90d`); to compare numbers, drop the unit"},
    {"CalendarDurationDifference", "segment A where last_purchase - first_purchase > 6mo", "E0206",
     "cannot compare 'last_purchase - first_purchase' with '6mo': months and years are not a "
     "fixed number of days",
     "compare the dates instead: `last_purchase > first_purchase + 6mo`"},
    {"CalendarParamOnTheLeftOfDifference",
     "param span = 1y\nsegment A where span <= last_purchase - first_purchase", "E0206",
     "cannot compare 'last_purchase - first_purchase' with 'span': months and years are not a "
     "fixed number of days",
     "compare the dates instead: `last_purchase >= first_purchase + span`"},
    {"CalendarDurationAgainstLetDifference",
     "let tenure = last_purchase - first_purchase\nsegment A where tenure between 30d and 6mo",
     "E0206", "cannot compare 'tenure' with '6mo': months and years are not a fixed number of days",
     "compare with days or weeks (`180d`), or compare the dates themselves"},
    {"CalendarLetAgainstDifference",
     "let window = 1 year\nsegment A where last_purchase - first_purchase < window", "E0206",
     "cannot compare 'last_purchase - first_purchase' with 'window': months and years are not a "
     "fixed number of days",
     "compare the dates instead: `last_purchase < first_purchase + window`"},
    {"DifferenceVersusNumber", "segment A where last_purchase - first_purchase > 365", "E0206",
     "duration 'last_purchase - first_purchase' compared with '365', which is an int",
     "a date difference is a duration: give the number a unit, `365d`"},
    {"WithinOnNumber", "segment A where age within 30d", "E0206",
     "'within' needs a date on its left, but 'age' is an int",
     "`d within 30d` means as_of - 30d <= d <= as_of"},
    {"StringArithmetic", "segment A where country + 1 > 2", "E0207",
     "cannot add a string and an int",
     "arithmetic works on numbers, and on dates with durations (`d - 30d`, `d1 - d2`)"},
    {"DateSum", "segment A where last_purchase + first_purchase > 2026-01-01", "E0207",
     "cannot add a date and a date",
     "arithmetic works on numbers, and on dates with durations (`d - 30d`, `d1 - d2`)"},
    {"InListMismatch", "segment A where age in (1, \"2\")", "E0208",
     "list item '\"2\"' is a string, but 'age' is an int",
     "remove the quotes to compare numbers: `2`"},
    {"ScoreNotNumeric", "score s { +country when consent_email }", "E0209",
     "the points of score 's' must be a number, but 'country' is a string",
     "score points must be numbers"},
    {"ScoreBoolPoints", "score s = consent_email", "E0209",
     "the value of score 's' must be a number, but 'consent_email' is a boolean",
     "to add points when a condition holds, write `+10 when consent_email`"},
    {"ParamNotLiteral", "param p = age\nsegment A where p > 3", "E0210",
     "the value of param 'p' must be a literal, but 'age' is not",
     "write a number, percent, string, date, duration or true/false; use `let` for expressions"},
    {"ReversedRange", "score s range 10..5 { +1 when consent_email }", "E0211",
     "score range 10..5 is empty or reversed",
     "write the lower bound first: `range LO..HI` with LO < HI"},
    {"ReversedExpectSize", "segment A where consent_email expect size between 20% and 10%", "E0212",
     "expect size bounds are reversed: the low bound is above the high bound",
     "write the smaller bound first: `between 10% and 20%`"},
    {"ExpectSizeOver100", "segment A where consent_email expect size between 10% and 150%", "E0212",
     "expected size 150% is more than 100% of the rows", "percent bounds go from 0% to 100%"},
    {"QuantileOutOfRange", "segment A where cltv > percentile(cltv, 1.5)", "E0213",
     "the quantile of 'percentile' is 1.5, outside 0..1",
     "the quantile is a fraction: 0.9 (or 90%) for the 90th percentile"},
    {"NtileZero", "segment A where ntile(0, cltv) > 1", "E0214",
     "the number of tiles of 'ntile' is 0, outside 1..1000000", "use a value in 1..1000000"},
    {"MatchesPatternNotConstant", "segment A where matches(email, country)", "E0214",
     "the pattern of 'matches' must be a string literal or a param",
     "write the regular expression in quotes: `matches(email, \"@example\\\\.com$\")`, or "
     "declare it as a `param`"},
    {"MatchesPatternNotAString", "param pat = 5\nsegment A where matches(email, pat)", "E0204",
     "the second argument of 'matches' must be a string, but 'pat' is an int", ""},
    {"InvalidRegexInParam", "param pat = \"(a\"\nsegment A where matches(email, pat)", "E0204",
     "invalid regular expression \"(a\": missing ): (a",
     "write an RE2 regular expression, e.g. `^[a-z.]+@example\\.com$` (no look-around or "
     "back-references)"},
    {"NtileNotConstant", "segment A where ntile(orders, cltv) > 1", "E0214",
     "the number of tiles of 'ntile' must be a constant integer, but 'orders' is not",
     "write a literal (or a param) in 1..1000000"},
    {"TableIsNotAValue", "segment A where customers", "E0216",
     "'customers' is the table, not a value", "refer to one of its columns"},
    {"BoolOrdering", "segment A where consent_email < true", "E0217",
     "values of type bool cannot be ordered", "booleans can only be compared with == and !="},
    {"EnumOrdering", "segment A where lifecycle_stage >= \"customer\"", "E0217",
     "values of enum 'lifecycle_stage' cannot be ordered",
     "enum values have no order; list the values you mean: `lifecycle_stage in (\"customer\", "
     "\"churned\")`"},
    {"EnumOrderingMirrored", "segment A where \"prospect\" > lifecycle_stage", "E0217",
     "values of enum 'lifecycle_stage' cannot be ordered",
     "enum values have no order; list the values you mean: `lifecycle_stage in (\"lead\")`"},
    {"EnumOrderingUnknownValueListsAll", "segment A where lifecycle_stage < \"zz\"", "E0217",
     "values of enum 'lifecycle_stage' cannot be ordered",
     "enum values have no order; list the values you mean: `lifecycle_stage in (\"lead\", "
     "\"prospect\", \"customer\", \"churned\")`"},
    {"EnumBetween", "segment A where lifecycle_stage between \"lead\" and \"customer\"", "E0217",
     "values of enum 'lifecycle_stage' cannot be ordered",
     "enum values have no order; list the values you mean: `lifecycle_stage in (\"lead\", "
     "\"prospect\", \"customer\")`"},
    {"LabelOrdering",
     "classify abc {\n \"A\" when cltv > 5\n \"B\" when cltv > 1\n \"C\" otherwise\n}\n"
     "segment X where abc <= \"B\"",
     "E0217", "labels of classify 'abc' cannot be ordered",
     "labels have no order; list the labels you mean: `abc in (\"A\", \"B\")`"},
    {"PercentileInsideArithmeticNamesOtherSide", "segment A where total_spent > 2 * p50", "E0205",
     "percentile shorthand 'p50' has no column to borrow",
     "write the explicit form: `p50(total_spent)`"},
    {"PercentileInsideArithmeticOnTheLeft", "segment A where 2 * p50 < total_spent", "E0205",
     "percentile shorthand 'p50' has no column to borrow",
     "write the explicit form: `p50(total_spent)`"},
    {"PercentileInsideBetweenBound", "segment A where age between p10 and p90 / 2", "E0205",
     "percentile shorthand 'p90' has no column to borrow", "write the explicit form: `p90(age)`"},
    {"TableQualifiedColumn", "segment A where customers.cltv > 5", "E0102",
     "column 'cltv' is written with the table name 'customers'",
     "columns are used without the table name: write 'cltv'"},
    {"TableQualifiedUnknownColumn", "segment A where customers.cltw > 5", "E0101",
     "unknown column 'cltw' in table 'customers'", "did you mean 'cltv'?"},
    {"DateVersusNumberSuggestsDuration", "segment A where last_purchase < 90", "E0201",
     "cannot compare a date with an int",
     "give the number a unit: `last_purchase < 90d` reads \"less than 90 days ago\"; or compare "
     "`days_since(last_purchase)` with numbers, or the date with a date"},
    {"NumberVersusDateSuggestsDaysSince", "segment A where 90 >= last_purchase", "E0201",
     "cannot compare an int with a date",
     "compare `days_since(last_purchase)` with numbers, or the date with a date"},
    {"QuotedDateArgument", "segment A where days_since(\"2025-09-01\") > 3", "E0204",
     "the first argument of 'days_since' must be a date, but '\"2025-09-01\"' is a string",
     "write dates without quotes: `2025-09-01`"},
    {"MinOfOneArgumentSuggestsMinOf", "segment A where cltv < 2 * min(cltv)", "E0203",
     "'min' takes at least 2 arguments, but 1 was given",
     "'min' picks the smaller of its arguments, row by row; for the smallest value over all rows "
     "write `min_of(cltv)`"},
    {"NoCascadeFromUnknownColumn", "segment A where (cltv2 + 1) * 2 > \"x\" and consent_email",
     "E0101", "unknown column 'cltv2' in table 'customers'", "did you mean 'cltv'?"},
};

INSTANTIATE_TEST_SUITE_P(Codes, SemaError, ::testing::ValuesIn(kErrorCases),
                         [](const auto& info) { return std::string(info.param.name); });

// An invalid pattern held by a param is reported once, at the param's value (where it must be
// fixed), with its first use as a secondary label.
TEST(SemaErrorLocation, InvalidParamPatternPointsAtTheParamValue) {
  auto checked = CheckRules(
      "param pat = \"(a\"\nsegment A where matches(email, pat)\n"
      "segment B where matches(country, pat)");
  ASSERT_EQ(checked->Codes(), std::vector<std::string>{"E0204"}) << checked->Dump();
  const diag::Diagnostic& d = checked->sink.diagnostics()[0];
  const auto& param = std::get<ast::ParamDecl>(checked->Decl("pat").ast->kind);
  EXPECT_EQ(d.range.begin, param.value->range.begin);
  EXPECT_EQ(d.range.end, param.value->range.end);
  ASSERT_EQ(d.secondary.size(), 1u);
  const auto& call = std::get<ast::Call>(checked->Where("A").kind);
  EXPECT_EQ(d.secondary[0].range.begin, call.args[1]->range.begin);
  EXPECT_EQ(d.secondary[0].message, "used as the pattern of 'matches' here");
}

}  // namespace
}  // namespace segc::sema::testing
