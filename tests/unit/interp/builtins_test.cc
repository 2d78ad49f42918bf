// The interpreter's scalar builtins called directly through the registry's dispatch table.
#include "stdlib/builtins.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/interp/value.h"

namespace segc::interp::detail {
namespace {

using stdlib::BuiltinId;

Value Call(BuiltinId id, ir::Type type, const std::vector<Value>& values) {
  ir::Node node;
  node.op = ir::Op::kCall;
  node.type = type;
  node.payload.index = static_cast<uint32_t>(id);
  std::vector<const Value*> args;
  for (const Value& v : values) args.push_back(&v);
  Row row;
  return CallBuiltin(node, args, row);
}

std::string Lower(const std::string& s) {
  return Call(BuiltinId::kLower, ir::Type::kString, {Value::Str(s)}).s;
}
std::string Upper(const std::string& s) {
  return Call(BuiltinId::kUpper, ir::Type::kString, {Value::Str(s)}).s;
}
int64_t Length(const std::string& s) {
  return Call(BuiltinId::kLength, ir::Type::kInt, {Value::Str(s)}).i;
}

TEST(InterpBuiltins, CaseMappingIsUnicodeSimpleMapping) {
  EXPECT_EQ(Lower("SAINT-ÉTIENNE"), "saint-étienne");
  EXPECT_EQ(Upper("saint-étienne"), "SAINT-ÉTIENNE");
  EXPECT_EQ(Upper("straße"), "STRAẞE");  // U+1E9E, one code point for one
  EXPECT_EQ(Lower("STRAẞE"), "straße");
  EXPECT_EQ(Lower("İstanbul"), "istanbul");  // no locale rules: U+0130 → i
  EXPECT_EQ(Lower("ΟΔΟΣ"), "οδοσ");          // no final-sigma rule
  EXPECT_EQ(Upper("ǆ"), "Ǆ");
  EXPECT_EQ(Lower("Hello 123 !"), "hello 123 !");
  EXPECT_EQ(Lower(""), "");
}

TEST(InterpBuiltins, LengthCountsCodePoints) {
  EXPECT_EQ(Length("abc"), 3);
  EXPECT_EQ(Length("été"), 3);
  EXPECT_EQ(Length("ẞ😀"), 2);
  EXPECT_EQ(Length(""), 0);
}

// Bytes that do not start a valid UTF-8 sequence (lone continuation bytes, truncated or
// overlong sequences, surrogates, 0xFF) are kept unchanged and count as one character each.
TEST(InterpBuiltins, InvalidUtf8BytesStandForThemselves) {
  EXPECT_EQ(Lower("AB\xC3("), "ab\xC3(");
  EXPECT_EQ(Length("AB\xC3("), 4);
  EXPECT_EQ(Upper("\x80x\xFF"), "\x80X\xFF");
  EXPECT_EQ(Length("\x80x\xFF"), 3);
  EXPECT_EQ(Lower("\xC0\xAF"
                  "É"),
            "\xC0\xAF"
            "é");  // an overlong '/' is two bytes
  EXPECT_EQ(Length("\xC0\xAF"
                   "É"),
            3);
  EXPECT_EQ(Length("\xED\xA0\x80"), 3);        // an encoded surrogate
  EXPECT_EQ(Upper("é\xE2\x82"), "É\xE2\x82");  // truncated at the end
  EXPECT_EQ(Length("é\xE2\x82"), 3);
}

TEST(InterpBuiltins, DateFunctionsTakeTheEvaluationDateLast) {
  Value born = Value::Int(7610);    // 1990-11-02
  Value as_of = Value::Int(20758);  // 2026-11-01
  EXPECT_EQ(Call(BuiltinId::kAge, ir::Type::kInt, {born, as_of}).i, 35);
  EXPECT_EQ(Call(BuiltinId::kYearsSince, ir::Type::kInt, {born, Value::Int(20759)}).i, 36);
  EXPECT_EQ(Call(BuiltinId::kMonthsSince, ir::Type::kInt, {born, as_of}).i, 431);
  EXPECT_EQ(Call(BuiltinId::kDaysSince, ir::Type::kInt, {born, as_of}).i, 13148);
  EXPECT_TRUE(Call(BuiltinId::kAge, ir::Type::kInt, {Value::Null(), as_of}).null);
}

}  // namespace
}  // namespace segc::interp::detail
