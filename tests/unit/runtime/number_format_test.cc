// Number formats by example (`float("1 234,56 €")`): the examples understood, values read in
// them, and what is refused.
#include "runtime/io/number_format.h"

#include <gtest/gtest.h>

#include <optional>

namespace segc::rt {
namespace {

std::optional<double> Read(const char* format, const char* value) {
  Result<NumberFormat> f = NumberFormat::FromExample(format);
  EXPECT_TRUE(f.ok()) << format << ": " << f.status().message();
  double x = 0;
  if (!f.ok() || f->Parse(value, &x) != FloatParse::kOk) return std::nullopt;
  return x;
}

TEST(NumberFormat, FrenchAmounts) {
  EXPECT_EQ(Read("1 234,56 €", "1 234,50 €"), 1234.5);
  EXPECT_EQ(Read("1 234,56 €", "1\u00a0234,50\u00a0€"), 1234.5);  // no-break spaces
  EXPECT_EQ(Read("1 234,56 €", "1\u202f234,5"), 1234.5);          // narrow, no symbol
  EXPECT_EQ(Read("1 234,56 €", "12 €"), 12);
  EXPECT_EQ(Read("1 234,56 €", "-3,5 €"), -3.5);
  EXPECT_EQ(Read("1 234,56 €", "12 345 678,9"), 12345678.9);
  EXPECT_EQ(Read("1 234,56 €", "1.234,56"), std::nullopt);  // another format
  EXPECT_EQ(Read("1 234,56 €", "12 34,5"), std::nullopt);   // groups of three
  EXPECT_EQ(Read("1 234,56 €", "abc"), std::nullopt);
}

TEST(NumberFormat, GermanUsAndSwissAmounts) {
  EXPECT_EQ(Read("1.234,56", "1.234.567,5"), 1234567.5);
  EXPECT_EQ(Read("1.234,56", "1,234.56"), std::nullopt);  // not read as 1.23456
  EXPECT_EQ(Read("$1,234.56", "$12,345.5"), 12345.5);
  EXPECT_EQ(Read("$1,234.56", "7"), 7);
  EXPECT_EQ(Read("1'234.56", "1'000'000.25"), 1000000.25);
}

TEST(NumberFormat, PercentagesAreFractions) {
  EXPECT_EQ(Read("12,5%", "23,5%"), 0.235);
  EXPECT_EQ(Read("12,5%", "5 %"), 0.05);
  EXPECT_EQ(Read("12.5%", "100%"), 1);
}

TEST(NumberFormat, ExamplesMustShow1234Point56) {
  for (const char* bad : {"", "€", "1 234", "1234", "2 345,67", "1_234,56", "1,234,56", "12%"}) {
    EXPECT_FALSE(NumberFormat::FromExample(bad).ok()) << bad;
  }
  EXPECT_TRUE(NumberFormat::FromExample("1234,56").ok());
  EXPECT_TRUE(NumberFormat::FromExample("EUR 1 234.56").ok());
}

}  // namespace
}  // namespace segc::rt
