// Single-byte encodings converted to UTF-8 (--encoding), and the names --encoding accepts.
#include "segc/encoding.h"

#include <gtest/gtest.h>

#include "segc/csv.h"

namespace segc::rt {
namespace {

TEST(Encoding, Windows1252HasTheEuroAndTypographicQuotesBelowA0) {
  // "€ l’été œuvre – Ÿ" in Windows-1252.
  std::string bytes = "\x80 l\x92\xe9t\xe9 \x9cuvre \x96 \x9f";
  EXPECT_EQ(ToUtf8(bytes, TextEncoding::kWindows1252),
            "\u20ac l\u2019\u00e9t\u00e9 \u0153uvre \u2013 \u0178");
  // The five bytes Windows-1252 leaves undefined keep their number, as in Latin-1.
  EXPECT_EQ(ToUtf8("\x81\x8d", TextEncoding::kWindows1252), "\u0081\u008d");
}

TEST(Encoding, Latin1AndLatin9DifferInEightPlaces) {
  std::string bytes = "\xa4\xe9\xbd";
  EXPECT_EQ(ToUtf8(bytes, TextEncoding::kLatin1), "\u00a4\u00e9\u00bd");
  EXPECT_EQ(ToUtf8(bytes, TextEncoding::kLatin9), "\u20ac\u00e9\u0153");
  EXPECT_EQ(ToUtf8("plain ASCII\r\n", TextEncoding::kLatin9), "plain ASCII\r\n");
  EXPECT_EQ(ToUtf8("d\xc3\xa9j\xc3\xa0", TextEncoding::kUtf8), "d\xc3\xa9j\xc3\xa0");
}

TEST(Encoding, Names) {
  EXPECT_EQ(ParseEncodingName("Windows-1252"), TextEncoding::kWindows1252);
  EXPECT_EQ(ParseEncodingName("cp1252"), TextEncoding::kWindows1252);
  EXPECT_EQ(ParseEncodingName("ISO-8859-15"), TextEncoding::kLatin9);
  EXPECT_EQ(ParseEncodingName("latin1"), TextEncoding::kLatin1);
  EXPECT_EQ(ParseEncodingName("UTF8"), TextEncoding::kUtf8);
  EXPECT_FALSE(ParseEncodingName("utf-16"));
  for (TextEncoding e : {TextEncoding::kUtf8, TextEncoding::kWindows1252, TextEncoding::kLatin1,
                         TextEncoding::kLatin9}) {
    EXPECT_EQ(ParseEncodingName(EncodingName(e)), e);
  }
}

TEST(Encoding, CsvBufferIsConvertedBeforeParsing) {
  Schema schema;
  schema.table_name = "t";
  schema.key = "id";
  schema.columns = {{"id", ColumnType::kInt, {}, ""}, {"ville", ColumnType::kString, {}, ""}};
  CsvOptions options;
  options.encoding = TextEncoding::kWindows1252;
  Result<Table> table = ReadCsvBuffer("id,ville\n1,S\xe8te\n", schema, options);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->GetColumn("ville")->dictionary()->Get(0), "S\u00e8te");
}

}  // namespace
}  // namespace segc::rt
