// Tests for the text parsers: ints, floats, bools, date formats, UTF-8, escaping.
#include "runtime/io/value_parse.h"

#include <gtest/gtest.h>

#include "segc/schema.h"

namespace segc::rt {
namespace {

TEST(ParseInt64, AcceptsSignsAndLimits) {
  int64_t x;
  EXPECT_TRUE(ParseInt64("42", &x) && x == 42);
  EXPECT_TRUE(ParseInt64("-7", &x) && x == -7);
  EXPECT_TRUE(ParseInt64("+7", &x) && x == 7);
  EXPECT_TRUE(ParseInt64("9223372036854775807", &x) && x == INT64_MAX);
  EXPECT_TRUE(ParseInt64("-9223372036854775808", &x) && x == INT64_MIN);
  for (const char* bad : {"", "-", "1.0", "12a", "9223372036854775808", "1 2", "0x10", "1e3"}) {
    EXPECT_FALSE(ParseInt64(bad, &x)) << bad;
  }
}

TEST(ParseFloat64, DecimalPointCommaAndNonFinite) {
  double x;
  EXPECT_EQ(ParseFloat64("12.5", false, &x), FloatParse::kOk);
  EXPECT_EQ(x, 12.5);
  EXPECT_EQ(ParseFloat64("+1e3", false, &x), FloatParse::kOk);
  EXPECT_EQ(x, 1000);
  EXPECT_EQ(ParseFloat64("-.5", false, &x), FloatParse::kOk);
  EXPECT_EQ(x, -0.5);
  EXPECT_EQ(ParseFloat64("12,5", true, &x), FloatParse::kOk);
  EXPECT_EQ(x, 12.5);
  EXPECT_EQ(ParseFloat64("12,5", false, &x), FloatParse::kBad);
  EXPECT_EQ(ParseFloat64("1e-400", false, &x), FloatParse::kOk);
  EXPECT_EQ(x, 0.0);
  for (const char* s : {"NaN", "nan", "inf", "-Infinity", "1e400"}) {
    EXPECT_EQ(ParseFloat64(s, false, &x), FloatParse::kNonFinite) << s;
  }
  for (const char* s : {"", "abc", "1.2.3", "++1", "1,2", "0x1p3", "1e"}) {
    EXPECT_EQ(ParseFloat64(s, false, &x), FloatParse::kBad) << s;
  }
}

TEST(ParseBool, TokensCaseInsensitive) {
  bool b;
  for (const char* t : {"true", "TRUE", "1", "yes", "Yes"}) EXPECT_TRUE(ParseBool(t, &b) && b) << t;
  for (const char* f : {"false", "False", "0", "no", "NO"})
    EXPECT_TRUE(ParseBool(f, &b) && !b) << f;
  for (const char* bad : {"", "t", "y", "2", "maybe"}) EXPECT_FALSE(ParseBool(bad, &b)) << bad;
}

// A column's own texts, bool("O/N"): any letter case, besides the usual ones.
TEST(ParseBool, DeclaredTokens) {
  bool b = false;
  const std::pair<std::string, std::string> tokens{"O", "N"};
  EXPECT_TRUE(ParseDeclaredBool("o", tokens, &b) && b);
  EXPECT_TRUE(ParseDeclaredBool("N", tokens, &b) && !b);
  EXPECT_FALSE(ParseDeclaredBool("Oui", tokens, &b));
  EXPECT_FALSE(ParseDeclaredBool("O", {}, &b));
  EXPECT_TRUE(ValidateBoolTokens("X/-").ok());
  for (const char* bad : {"O", "O/N/P", "/N", "O/", " O/N", "o/O"}) {
    EXPECT_FALSE(ValidateBoolTokens(bad).ok()) << bad;
  }
}

// French exports: VRAI/FAUX (Excel), Oui/Non (CRMs); before, 'invalid bool'.
TEST(ParseBool, FrenchTokens) {
  bool b;
  for (const char* t : {"VRAI", "vrai", "Oui", "OUI"}) EXPECT_TRUE(ParseBool(t, &b) && b) << t;
  for (const char* f : {"FAUX", "faux", "Non", "non"}) EXPECT_TRUE(ParseBool(f, &b) && !b) << f;
  EXPECT_FALSE(ParseBool("ouais", &b));
}

TEST(Dates, CivilRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  for (int32_t d : {-800000, -1, 0, 59, 11016, 20759, 2932896}) {
    int64_t y;
    unsigned m, day;
    CivilFromDays(d, &y, &m, &day);
    EXPECT_EQ(DaysFromCivil(y, m, day), d);
  }
  EXPECT_EQ(FormatIsoDate(20757), "2026-10-31");
}

struct DateCase {
  const char* format;
  const char* text;
  std::optional<int32_t> days;
};

class DateFormatTest : public testing::TestWithParam<DateCase> {};

TEST_P(DateFormatTest, Parses) {
  auto f = DateFormat::Compile(GetParam().format);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->Parse(GetParam().text), GetParam().days) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, DateFormatTest,
    testing::Values(
        DateCase{"", "2026-11-01", 20758}, DateCase{"", "1970-01-01", 0},
        DateCase{"", "2024-02-29", 19782}, DateCase{"", "2023-02-29", std::nullopt},
        DateCase{"", "2026-13-01", std::nullopt}, DateCase{"", "2026-1-5", 20458},
        DateCase{"", "2026-11-01x", std::nullopt}, DateCase{"", "26-11-01", std::nullopt},
        DateCase{"%d/%m/%Y", "01/11/2026", 20758}, DateCase{"%d/%m/%Y", "31/04/2026", std::nullopt},
        DateCase{"%d %b %Y", "1 Nov 2026", 20758}, DateCase{"%d %b %Y", "1 november 2026", 20758},
        DateCase{"%m/%d/%y", "11/01/26", 20758}, DateCase{"%m/%d/%y", "12/31/69", -1},
        DateCase{"%Y%m%d", "20261101", 20758},
        // Timestamps: the time of day is checked, then dropped.
        DateCase{"%d/%m/%Y %H:%M", "01/11/2026 23:59", 20758},
        DateCase{"%d/%m/%Y %H:%M", "01/11/2026 7:05", 20758},
        DateCase{"%d/%m/%Y %H:%M", "01/11/2026 24:00", std::nullopt},
        DateCase{"%d/%m/%Y %H:%M", "01/11/2026 12:60", std::nullopt},
        DateCase{"%d/%m/%Y %H:%M", "01/11/2026", std::nullopt},
        DateCase{"%Y-%m-%dT%H:%M:%S", "2026-11-01T00:00:00", 20758},
        DateCase{"%Y-%m-%dT%H:%M:%S", "2026-11-01T10:30:61", std::nullopt},
        DateCase{"%Y-%m-%dT%H:%M:%S", "2026-11-01 10:30:00", std::nullopt},
        DateCase{"%Y-%m-%dT%H:%M:%SZ", "2026-10-31T23:59:60Z", 20757}));

TEST(DateFormat, RejectsUnknownDirectives) {
  EXPECT_FALSE(DateFormat::Compile("%Y-%j").ok());
  EXPECT_FALSE(DateFormat::Compile("%").ok());
  EXPECT_TRUE(DateFormat::Compile("%%%Y").ok());
  EXPECT_TRUE(ValidateDateFormat("%Y-%m-%dT%H:%M:%S").ok());
  Status bad = ValidateDateFormat("%d/%m/%Y %I:%M %p");
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.message(),
            "date format '%d/%m/%Y %I:%M %p': unsupported directive '%I' (supported: %Y %m %d %y "
            "%b %H %M %S %%)");
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(IsValidUtf8("plain ascii text longer than eight"));
  EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xe2\x82"));       // truncated
}

TEST(EscapeForMessage, EscapesAndTruncates) {
  EXPECT_EQ(EscapeForMessage("a\tb\n\r"), "a\\tb\\n\\r");
  EXPECT_EQ(EscapeForMessage(std::string_view("a\0b", 3)), "a\\0b");
  EXPECT_EQ(EscapeForMessage("caf\xe9"), "caf\\xe9");
  EXPECT_EQ(EscapeForMessage("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(EscapeForMessage(std::string(100, 'x')), std::string(40, 'x') + "...");
}

}  // namespace
}  // namespace segc::rt
