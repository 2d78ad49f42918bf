// Error tests: lexical and syntax errors give one precise, readable diagnostic each.
#include <gtest/gtest.h>

#include "tests/unit/syntax/parse_helpers.h"

namespace segc::syntax::testing {
namespace {

struct ErrorCase {
  const char* name;
  const char* source;
  const char* expected;  // "CODE line:col message", one line per diagnostic
  const char* help;      // help of the first diagnostic ("" = not checked)
};

class SyntaxError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SyntaxError, ReportsExpectedDiagnostic) {
  auto p = ParseText(GetParam().source);
  EXPECT_EQ(p->AllDiagnostics(), std::string(GetParam().expected) + "\n");
  if (GetParam().help[0] != '\0' && !p->sink.diagnostics().empty()) {
    EXPECT_EQ(p->sink.diagnostics()[0].help, GetParam().help);
  }
}

const ErrorCase kLexical[] = {
    {"UnexpectedChar", "let x = a ; let y = b", "E0001 1:11 unexpected character ';'",
     "segc needs no ';': start the next declaration on a new line"},
    {"DoubleAmpersandIsOneError", "segment A where x > 0 && y", "E0001 1:23 unexpected '&&'",
     "write 'and' instead of '&&'"},
    {"CurlyQuotes", "let x = \u201Chi\u201D",
     "E0001 1:9 unexpected character '\u201C'\nE0001 1:12 unexpected character '\u201D'",
     "use straight quotes (\" or ') instead of curly quotes"},
    {"NonAsciiName", "let caf\u00E9 = 1", "E0001 1:8 unexpected character '\u00E9'", ""},
    {"UnterminatedString", "segment A where c == \"FR\nsegment B where x",
     "E0002 1:22 unterminated string", "close it with \" on the same line"},
    {"InvalidEscape", "let x = \"a\\qb\"", "E0003 1:11 unknown escape '\\q' in a string", ""},
    {"RegexEscapeSuggestsDoubleBackslash", "let x = matches(phone, \"^\\+33\")",
     "E0003 1:26 unknown escape '\\+' in a string",
     "to keep the backslash (e.g. in a regular expression) write '\\\\+'; the escapes are \\\\ "
     "\\\" \\' \\n \\t"},
    {"MisplacedUnderscore", "let x = 1__000",
     "E0004 1:9 invalid number '1__000': '_' must stand "
     "between two digits",
     "group digits like this: 1_000_000"},
    {"IntTooLarge", "let x = 99999999999999999999",
     "E0004 1:9 number '99999999999999999999' is too large; the largest is 9223372036854775807",
     ""},
    {"ImpossibleDate", "as_of 2026-02-30",
     "E0005 1:7 invalid date '2026-02-30': February 2026 has 28 days", ""},
    {"NoSuchMonth", "as_of 2026-13-01", "E0005 1:7 invalid date '2026-13-01': there is no month 13",
     ""},
    {"ShortDate", "as_of 2026-1-5", "E0005 1:7 invalid date '2026-1-5'", ""},
    {"LeapDayIsFine", "as_of 2024-02-29\nlet x = 6m", "E0006 2:9 unknown duration unit in '6m'",
     "write '6mo' for months; minutes do not exist in segc"},
    {"Hours", "let x = 5h", "E0006 1:9 unknown duration unit in '5h'",
     "the smallest unit is a day: write days as 'd', e.g. 1d"},
    {"GluedLongUnit", "let x = 90days", "E0006 1:9 unknown duration unit in '90days'",
     "write '90d' or '90 days'"},
    {"UnterminatedBackquote", "let x = `Total Spent", "E0009 1:9 unterminated backquoted name",
     "close it with ` on the same line"},
    {"PercentileAbove100", "let x = a > p150", "E0015 1:13 percentile 'p150' is above 100", ""},
};
INSTANTIATE_TEST_SUITE_P(Lexical, SyntaxError, ::testing::ValuesIn(kLexical),
                         [](const auto& info) { return std::string(info.param.name); });

const ErrorCase kSyntax[] = {
    {"ExpressionAfterAnd", "segment A where x > 5 and",
     "E0010 1:23 expected an expression after 'and'", ""},
    {"ConditionAfterWhere", "segment A where\nsegment B where y",
     "E0010 1:11 expected a condition after 'where'", ""},
    {"MissingWhere", "segment A x > 5",
     "E0011 1:11 expected 'where' after the segment name, found 'x'",
     "a segment reads: segment NAME [\"description\"] where CONDITION"},
    {"MissingWhereAfterDescription", "segment A \"d\" x",
     "E0011 1:15 expected 'where' after the segment description, found 'x'", ""},
    {"UnclosedParen", "segment A where (x > 5 and y\nsegment B where y", "E0010 1:17 unclosed '('",
     "add ')' to close it"},
    {"UnclosedBrace", "score s {\n  +10 when x\nsegment B where y", "E0010 1:9 unclosed '{'", ""},
    {"ArgumentList", "let x = f(a b)", "E0010 1:13 expected ',' or ')' after 'a', found 'b'", ""},
    {"AssignInsteadOfEquals", "segment A where x = 5",
     "E0010 1:19 expected '==' to compare values, found '='", ""},
    {"NullLiteral", "segment A where x == null", "E0010 1:22 there is no 'null' value in segc", ""},
    {"MissingType", "table t key id {\n  a: \n}",
     "E0010 3:1 expected a column type such as int, float, bool, string, date or enum(...), found "
     "'}'",
     ""},
    {"MissingArmKeyword", "classify c { \"A\" wen x }",
     "E0010 1:18 expected 'when' or 'otherwise' after '\"A\"', found 'wen'", ""},
    {"UnquotedClassifyLabel", "classify c {\n  A when x\n  \"B\" otherwise\n}",
     "E0010 2:3 expected an arm such as '\"A\" when CONDITION' or '}', found 'A'",
     "labels are strings: write \"A\""},
    {"SpacedRuleSign", "score s { +10 when x\n + 5 when y }",
     "E0010 2:6 expected a rule such as '+10 when CONDITION' or '}', found 'when'",
     "write the sign directly before the points, without a space: '+10' or '-5'"},
    {"MisspelledDeclaration", "segmnt A where x", "E0010 1:1 unknown declaration 'segmnt'",
     "did you mean 'segment'?"},
    {"MissingOperator", "segment A where a b", "E0010 1:19 unexpected 'b' after 'a'", ""},
    {"MissingName", "segment where x", "E0010 1:9 expected a name after 'segment', found 'where'",
     ""},
    {"NonAssociativeComparison", "let x = a < b < c", "E0010 1:15 unexpected '<' after 'b'",
     "comparisons cannot be chained: join them with 'and' (`2 <= orders and orders < 5`) or "
     "write `orders between 2 and 4`"},
    {"SqlNotEqual", "segment A where country <> \"FR\"",
     "E0010 1:26 expected an expression after '<', found '>'", "write '!=' for 'not equal'"},
    {"KeywordAsSegmentName", "segment in where x",
     "E0016 1:9 'in' is a keyword and cannot be used as a name", "write it in backquotes: `in`"},
    {"KeywordAsColumnReference", "segment A where score > 5",
     "E0016 1:17 'score' is a keyword and cannot be used as a name",
     "write it in backquotes: `score`"},
    {"KeywordAsColumnName", "table t key id {\n  size: int\n}",
     "E0016 2:3 'size' is a keyword and cannot be used as a name",
     "write it in backquotes: `size`"},
    {"UnknownTypeSuggests", "table t key id { a: strng }", "E0017 1:21 unknown column type 'strng'",
     "did you mean 'string'?"},
    {"UnknownTypeListsTypes", "input a: money", "E0017 1:10 unknown column type 'money'",
     "column types are int, float, bool, string, date and enum(...)"},
    {"UnknownTypeAlias", "input a: boolean", "E0017 1:10 unknown column type 'boolean'",
     "did you mean 'bool'?"},
    {"FormatOnNonDate", "input a: int(\"x\")", "E0017 1:10 type 'int' takes no format", ""},
    {"UpperCaseAnd", "segment A where x > 5 AND y < 3", "E0010 1:23 unexpected 'AND' after '5'",
     "keywords are lower-case: write 'and'"},
    {"UpperCaseOr", "segment A where x > 5 OR y < 3", "E0010 1:23 unexpected 'OR' after '5'",
     "keywords are lower-case: write 'or'"},
    {"CapitalisedWhere", "segment A Where x > 5",
     "E0011 1:11 expected 'where' after the segment name, found 'Where'",
     "keywords are lower-case: write 'where'"},
    {"CapitalisedSegment", "Segment A where x > 5", "E0010 1:1 unknown declaration 'Segment'",
     "keywords are lower-case: write 'segment'"},
    {"NameWithSpaces", "segment Big Spenders where total_spent > 1000",
     "E0011 1:13 expected 'where' after the segment name, found 'Spenders'",
     "names cannot contain spaces: write 'Big_Spenders' (or backquotes: `Big Spenders`)"},
    {"NameWithManySpaces", "score very hot lead {\n  +1 when x\n}",
     "E0010 1:12 expected '{' or '=' after 'very', found 'hot'",
     "names cannot contain spaces: write 'very_hot_lead' (or backquotes: `very hot lead`)"},
    {"EmptyBackquotes", "let x = ``", "E0010 1:9 a backquoted name cannot be empty", ""},
};
INSTANTIATE_TEST_SUITE_P(Syntax, SyntaxError, ::testing::ValuesIn(kSyntax),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SyntaxRecovery, OneErrorPerDeclarationAndOthersStillParse) {
  auto p = ParseText(
      "segment A where x > and y > and z >\n"
      "segment B where ok\n"
      "segment C x\n"
      "let d = 1\n");
  EXPECT_EQ(p->AllDiagnostics(),
            "E0010 1:21 expected an expression after '>', found 'and'\n"
            "E0011 3:11 expected 'where' after the segment name, found 'x'\n");
  EXPECT_EQ(p->Printed(), "(segment B (where ok))\n(let d 1)\n");
}

TEST(SyntaxRecovery, KeywordColumnInsideTableDoesNotSplitTheTable) {
  auto p = ParseText("table t key id {\n  id: int\n  score: int\n}\nsegment A where ok\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1u);
  EXPECT_EQ(p->Printed(), "(segment A (where ok))\n");
}

TEST(SyntaxRecovery, LexicalErrorDropsOnlyItsDeclaration) {
  auto p = ParseText("let a = 1 ;\nlet b = 2\n");
  EXPECT_EQ(p->AllDiagnostics(), "E0001 1:11 unexpected character ';'\n");
  EXPECT_EQ(p->Printed(), "(let b 2)\n");
}

TEST(SyntaxErrors, NoAntlrTokenSetWalls) {
  const char* sources[] = {"let = 5",   "segment",    "score s range 1 { }",
                           "import (",  "table t {",  "classify c { when }",
                           "let x = (", "param p = ", "as_of x"};
  for (const char* source : sources) {
    auto p = ParseText(source);
    ASSERT_FALSE(p->sink.diagnostics().empty()) << source;
    for (const diag::Diagnostic& d : p->sink.diagnostics()) {
      EXPECT_EQ(d.message.find("expecting"), std::string::npos) << d.message;
      EXPECT_EQ(d.message.find("<EOF>"), std::string::npos) << d.message;
      EXPECT_EQ(d.message.find("viable"), std::string::npos) << d.message;
      EXPECT_EQ(d.message.find("mismatched"), std::string::npos) << d.message;
      EXPECT_EQ(d.message.find("extraneous"), std::string::npos) << d.message;
    }
  }
}

}  // namespace
}  // namespace segc::syntax::testing
