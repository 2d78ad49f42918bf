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

TEST(Dialect, UnknownNameGivesNull) { EXPECT_EQ(MakeDialect("oracle"), nullptr); }

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
