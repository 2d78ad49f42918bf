// Rule test files (cli/test_file.h): each expectation form, fixtures, and mistakes with places.
#include "cli/test_file.h"

#include <gtest/gtest.h>

namespace segc::cli {
namespace {

TestFile Parse(const std::string& text) {
  std::vector<TestFileError> errors;
  std::optional<TestFile> file = ParseTestFile("p/tests/a.segtest", text, errors);
  for (const TestFileError& e : errors) ADD_FAILURE() << FormatTestFileError("a", e);
  return file.value_or(TestFile{});
}

std::vector<TestFileError> Errors(const std::string& text) {
  std::vector<TestFileError> errors;
  EXPECT_FALSE(ParseTestFile("a.segtest", text, errors).has_value());
  return errors;
}

TEST(TestFile, RulesDefaultToTheSiblingRulesDirectory) {
  EXPECT_EQ(Parse("test \"t\"\n  expect sizes\n").rules, "p/rules");
  EXPECT_EQ(Parse("rules ../other\ntest \"t\"\n  expect sizes\n").rules, "p/other");
}

TEST(TestFile, ReadsEveryExpectationForm) {
  TestFile f = Parse(
      "test \"t\"\n"
      "  expect 10 in VIP\n"
      "  expect \"a b\" not in VIP   # comment\n"
      "  expect L1 in rfm.Champions\n"
      "  expect VIP == {1, 2}\n"
      "  expect VIP == {}\n"
      "  expect count VIP between 1% and 15%\n"
      "  expect count tier[\"gold\"] >= 3\n"
      "  expect score[L1] == 66.5\n"
      "  expect tier[7] == \"gold\"\n"
      "  expect tier[7] is not null\n"
      "  expect sizes\n");
  const std::vector<Expectation>& e = f.tests.at(0).expects;
  ASSERT_EQ(e.size(), 11u);
  EXPECT_EQ(e[0].kind, ExpectKind::kMember);
  EXPECT_EQ(e[0].key, "10");
  EXPECT_EQ(e[1].kind, ExpectKind::kNotMember);
  EXPECT_EQ(e[1].key, "a b");
  EXPECT_EQ(e[2].name, "rfm.Champions");
  EXPECT_EQ(e[3].keys, (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(e[4].keys.empty());
  EXPECT_EQ(e[5].compare.op, "between");
  EXPECT_DOUBLE_EQ(e[5].compare.high, 0.15);
  EXPECT_TRUE(e[5].compare.high_percent);
  EXPECT_EQ(e[6].label, "gold");
  EXPECT_EQ(e[6].compare.op, ">=");
  EXPECT_EQ(e[7].kind, ExpectKind::kValue);
  EXPECT_DOUBLE_EQ(e[7].compare.low, 66.5);
  EXPECT_EQ(e[8].compare.label, "gold");
  EXPECT_EQ(e[9].compare.op, "is_not_null");
  EXPECT_EQ(e[10].kind, ExpectKind::kSizes);
  EXPECT_EQ(e[1].text, "\"a b\" not in VIP");
  EXPECT_EQ(e[1].at.line, 3);
  EXPECT_EQ(e[1].at.column, 10);
}

TEST(TestFile, FixtureRowsKeepTheirPlaces) {
  TestFile f = Parse(
      "fixture\n"
      "  id  x\n"
      "\n"
      "    1   2\n"
      "fixture events from \"e.csv\"\n"
      "test \"t\"\n"
      "  param w = 5d\n"
      "  sample from \"../data/all.csv\"\n"
      "  expect sizes\n");
  ASSERT_EQ(f.fixtures.size(), 2u);
  EXPECT_EQ(f.fixtures[0].lines, (std::vector<std::string>{"id  x", "1   2"}));
  EXPECT_EQ(f.fixtures[0].starts[1].line, 4);
  EXPECT_EQ(f.fixtures[0].starts[1].column, 5);
  EXPECT_EQ(f.fixtures[1].table, "events");
  EXPECT_EQ(f.fixtures[1].path, "p/tests/e.csv");
  const TestCase& t = f.tests.at(0);
  EXPECT_EQ(t.params.at(0), (std::pair<std::string, std::string>{"w", "5d"}));
  EXPECT_TRUE(t.fixtures.at(0).sample);
  EXPECT_EQ(t.fixtures.at(0).path, "p/data/all.csv");
}

TEST(TestFile, MistakesAreReportedInLineOrderWithTheirColumn) {
  std::vector<TestFileError> errors = Errors(
      "test \"t\"\n"
      "  expect count VIP = 3\n"
      "bogus\n");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at.line, 2);
  EXPECT_EQ(errors[0].at.column, 20);
  EXPECT_EQ(errors[1].at.line, 3);
  EXPECT_NE(errors[1].message.find("unknown statement 'bogus'"), std::string::npos);
}

TEST(TestFile, AFileWithoutTestsOrATestWithoutExpectationsIsAnError) {
  EXPECT_EQ(Errors("as_of 2026-11-01\n").at(0).message, "the file has no tests");
  EXPECT_NE(Errors("test \"t\"\n  as_of 2026-11-01\n").at(0).message.find("expects nothing"),
            std::string::npos);
  EXPECT_EQ(Errors("test \"t\"\n  expect 1 in \"VIP\n").at(0).message, "unterminated string");
}

}  // namespace
}  // namespace segc::cli
