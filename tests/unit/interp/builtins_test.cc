// The interpreter's scalar builtins called directly through the registry's dispatch table.
#include "stdlib/builtins.h"

#include <gtest/gtest.h>

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

TEST(InterpBuiltins, DateFunctionsTakeTheEvaluationDateLast) {
  Value born = Value::Int(7610);    // 1990-11-02
  Value as_of = Value::Int(20758);  // 2026-11-01
  EXPECT_EQ(Call(BuiltinId::kAge, ir::Type::kInt, {born, as_of}).i, 35);
  EXPECT_EQ(Call(BuiltinId::kYearsSince, ir::Type::kInt, {born, Value::Int(20759)}).i, 36);
  EXPECT_EQ(Call(BuiltinId::kMonthsSince, ir::Type::kInt, {born, as_of}).i, 431);
  EXPECT_EQ(Call(BuiltinId::kDaysSince, ir::Type::kInt, {born, as_of}).i, 13148);
  EXPECT_TRUE(Call(BuiltinId::kAge, ir::Type::kInt, {Value::Null(), as_of}).null);
  EXPECT_TRUE(Call(BuiltinId::kDaysSince, ir::Type::kInt, {Value::Null(), as_of}).null);
}

}  // namespace
}  // namespace segc::interp::detail
