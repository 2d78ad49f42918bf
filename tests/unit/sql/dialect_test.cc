// The dialects' quoting and escaping, and which RE2 patterns PostgreSQL gets (and as what).
#include "compiler/sql/dialect.h"

#include <gtest/gtest.h>

namespace segc::sql {
namespace {

TEST(Dialect, IdentifiersDoubleTheirQuotes) {
  for (const char* name : {"postgres", "duckdb"}) {
    auto d = MakeDialect(name);
    EXPECT_EQ(d->Ident("select"), "\"select\"");
    EXPECT_EQ(d->Ident("a\"b"), "\"a\"\"b\"");
    EXPECT_EQ(d->Ident("back\\slash"), "\"back\\slash\"");
  }
}

TEST(Dialect, PostgresStringsEscapeQuotesAndBackslashes) {
  auto d = MakeDialect("postgres");
  EXPECT_EQ(d->String("O'Brien"), "E'O''Brien'");
  EXPECT_EQ(d->String("C:\\temp"), "E'C:\\\\temp'");
}

TEST(Dialect, DuckDbStringsDoubleQuotes) {
  auto d = MakeDialect("duckdb");
  EXPECT_EQ(d->String("O'Brien"), "'O''Brien'");
  EXPECT_EQ(d->String("C:\\temp"), "'C:\\temp'");
}

// ClickHouse reads backslash escapes in both quoted identifiers and string literals.
TEST(Dialect, ClickHouseEscapesQuotesAndBackslashes) {
  auto d = MakeDialect("clickhouse");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Ident("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(d->Ident("back\\slash"), "\"back\\\\slash\"");
  EXPECT_EQ(d->String("O'Brien"), "'O\\'Brien'");
  EXPECT_EQ(d->String("C:\\temp"), "'C:\\\\temp'");
}

// match() is RE2 with dot_nl, and 18.16 prefilters (?i) patterns case-sensitively.
TEST(Dialect, ClickHouseRegexRewrites) {
  auto d = MakeDialect("clickhouse");
  EXPECT_EQ(*d->Matches("s", "^a.c$"), "match(s, '^a[^\\\\n]c$')");
  EXPECT_EQ(*d->Matches("s", "[.]\\."), "match(s, '[.]\\\\.')");
  EXPECT_EQ(*d->Matches("s", "(?i)^ab-"), "match(s, '^[aA][bB]-')");
  EXPECT_FALSE(d->Matches("s", "(?s)a.c").has_value());
  EXPECT_FALSE(d->Matches("s", "(?i)[a-z]").has_value());
  EXPECT_FALSE(d->Matches("s", "\\Q.\\E").has_value());
}

TEST(Dialect, SparkBackquotesAndEscapes) {
  auto d = MakeDialect("spark");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Ident("a`b"), "`a``b`");
  EXPECT_EQ(d->String("O'Brien"), "'O\\'Brien'");
  EXPECT_EQ(d->String("C:\\temp"), "'C:\\\\temp'");
  EXPECT_EQ(d->AddMonths("d", "n"), "add_months(d, n)");
  EXPECT_FALSE(d->Matches("s", "(?i)\xc3\xa9").has_value());  // Java folds ASCII only
  EXPECT_EQ(*d->Matches("s", "^a.c$"), "(s RLIKE '^a[^\\\\n]c$')");
}

TEST(Dialect, UnknownNameGivesNull) { EXPECT_EQ(MakeDialect("oracle"), nullptr); }

// first/last: the earliest (latest) row by time, then by row number (the runtime's tie rule).
TEST(Dialect, FirstByOrdersByTimeThenRow) {
  EXPECT_EQ(MakeDialect("postgres")->FirstBy("v", "t", "r", false, "g"),
            "(array_agg(v ORDER BY t, r) FILTER (WHERE g))[1]");
  EXPECT_EQ(MakeDialect("duckdb")->FirstBy("v", "t", "r", true, "g"),
            "(array_agg(v ORDER BY t DESC, r DESC) FILTER (WHERE g))[1]");
  EXPECT_EQ(MakeDialect("spark")->FirstBy("v", "t", "r", true, "g"),
            "max_by(v, struct(t, r)) FILTER (WHERE g)");
}

TEST(Dialect, ClickHouseHasNoEventAggregates) {
  EXPECT_FALSE(MakeDialect("clickhouse")->EventAggregates());
  EXPECT_TRUE(MakeDialect("postgres")->EventAggregates());
  EXPECT_TRUE(MakeDialect("spark")->EventAggregates());
}

struct RegexRow {
  const char* re2;
  const char* are;  // nullptr: refused
};

class PostgresRegex : public testing::TestWithParam<RegexRow> {};

TEST_P(PostgresRegex, TranslatesTheSubsetThatReadsTheSame) {
  auto d = MakeDialect("postgres");
  auto sql = d->Matches("s", GetParam().re2);
  if (GetParam().are == nullptr) {
    EXPECT_FALSE(sql.has_value()) << *sql;
  } else {
    ASSERT_TRUE(sql.has_value());
    EXPECT_EQ(*sql, std::string("(s ~ ") + d->String(GetParam().are) + ")");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rows, PostgresRegex,
    testing::Values(RegexRow{"^(ceo|cfo)", "^(ceo|cfo)"}, RegexRow{"a.c", "a[^\\n]c"},
                    RegexRow{"\\d{3}$", "[0-9]{3}$"}, RegexRow{"\\+33", "\\+33"},
                    RegexRow{"(?i)^ab-", "(?i)^ab-"}, RegexRow{"[]a]", "[]a]"},
                    RegexRow{"[^]a]x", "[^]a]x"}, RegexRow{"[.]", "[.]"}, RegexRow{"\\w+", nullptr},
                    RegexRow{"\\bx", nullptr}, RegexRow{"[\\d]", nullptr},
                    RegexRow{"[[:alpha:]]", nullptr}, RegexRow{"a(?:b)", nullptr},
                    RegexRow{"x(?i)y", nullptr}, RegexRow{"[abc", nullptr},
                    RegexRow{"abc\\", nullptr}));

}  // namespace
}  // namespace segc::sql
