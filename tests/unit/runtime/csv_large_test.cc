// Tests of the CSV reader on inputs large enough for its fast paths and page releasing:
// mapped files over several release strides, and the exact fast float parser.
#include <gtest/gtest.h>

#include <charconv>
#include <cstring>
#include <random>
#include <string>

#include "csv_test_util.h"
#include "runtime/io/value_parse.h"

namespace segc::rt {
namespace {

using testing_util::ColumnText;
using testing_util::CustomersSchema;

// ~21 MB of records mixing the SIMD record path (plain fields) with the general one (quoted
// fields, embedded newlines, CRLF endings, exponent and long floats), so that the parsers
// release file pages (every 8 MiB) while dictionary strings still point into the file.
std::string LargeCsv() {
  std::mt19937_64 rng(7);
  std::string out = "id,score,active,joined,name,tier\n";
  const char* tiers[] = {"gold", "silver", "bronze", ""};
  for (int i = 0; i < 400000; ++i) {
    out += std::to_string(i) + ",";
    switch (rng() % 5) {
      case 0:
        out += std::to_string(rng() % 100000) + "." + std::to_string(rng() % 100);
        break;
      case 1:
        out += "1.2345678901234567e" + std::to_string(int(rng() % 20) - 10);
        break;
      case 2:
        out += "-0." + std::to_string(rng() % 1000000);
        break;
      case 3:
        out += "";  // null
        break;
      default:
        out += "+" + std::to_string(rng() % 1000);
    }
    out += rng() % 2 ? ",true," : ",no,";
    out += "20" + std::to_string(10 + rng() % 15) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
           std::to_string(rng() % 9) + ",";
    const uint64_t name = rng() % 300;
    if (name == 0)
      out += "\"quoted, with \"\"quotes\"\"\nand a newline\"";
    else
      out += "customer_name_" + std::to_string(name);
    out += std::string(",") + tiers[rng() % 4] + (rng() % 10 == 0 ? "\r\n" : "\n");
  }
  return out;
}

TEST(CsvLarge, MappedFileWithPageReleaseMatchesBufferRead) {
  const std::string text = LargeCsv();
  ASSERT_GT(text.size(), size_t(16) << 20);  // more than two release strides
  const std::string path = testing_util::WriteTempFile("large.csv", text);
  CsvOptions one;
  one.threads = 1;
  auto expected = ReadCsvBuffer(text, CustomersSchema(), one);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  ASSERT_EQ(expected->num_rows(), 400000);
  for (int threads : {1, 3}) {
    CsvOptions options;
    options.threads = threads;
    auto got = ReadCsv(path, CustomersSchema(), options);
    ASSERT_TRUE(got.ok()) << got.status().message();
    for (const char* col : {"id", "score", "active", "joined", "name", "tier"}) {
      EXPECT_EQ(ColumnText(*got, col), ColumnText(*expected, col)) << col << " threads=" << threads;
    }
  }
  std::remove(path.c_str());
}

TEST(FastFloat, SimpleDecimalsMatchFromCharsBitForBit) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    std::string s = rng() % 2 ? "-" : "";
    const int int_digits = int(rng() % 9), frac_digits = int(rng() % 8);
    for (int k = 0; k < int_digits; ++k) s += char('0' + rng() % 10);
    if (frac_digits > 0 || rng() % 2) s += '.';
    for (int k = 0; k < frac_digits; ++k) s += char('0' + rng() % 10);
    double want = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), want);
    const bool from_chars_ok = ec == std::errc() && ptr == s.data() + s.size();
    double got = 0;
    const bool ok = ParseFloat64(s, false, &got) == FloatParse::kOk;
    ASSERT_EQ(ok, from_chars_ok) << s;
    if (ok) {
      ASSERT_EQ(std::memcmp(&got, &want, sizeof(double)), 0) << s;
    }
  }
}

}  // namespace
}  // namespace segc::rt
