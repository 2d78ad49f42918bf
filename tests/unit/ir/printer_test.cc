// Tests for the IR builder (hash-consing, nullability) and the printer.
#include "compiler/ir/printer.h"

#include <gtest/gtest.h>

#include "compiler/ir/builder.h"

namespace segc::ir {
namespace {

Program TwoInputs() {
  Program p;
  p.inputs.push_back({"a", 0, Type::kInt, false, {}});
  p.inputs.push_back({"b", 1, Type::kFloat, false, {}});
  return p;
}

TEST(Builder, SharesEqualNodes) {
  Program p = TwoInputs();
  Builder b(p);
  ValueId x = b.Binary(Op::kAdd, Type::kInt, b.Column(0), b.Int(1));
  ValueId y = b.Binary(Op::kAdd, Type::kInt, b.Column(0), b.Int(1));
  EXPECT_EQ(x, y);
  EXPECT_EQ(p.nodes.size(), 3u);
  EXPECT_NE(b.Int(1), b.Float(1));
  EXPECT_EQ(b.String("x"), b.String("x"));
  EXPECT_EQ(p.strings.size(), 1u);
}

TEST(Builder, DerivesNullability) {
  Program p = TwoInputs();
  Builder b(p);
  EXPECT_FALSE(p.nodes[b.Int(3)].nullable);
  EXPECT_TRUE(p.nodes[b.Null(Type::kInt)].nullable);
  EXPECT_TRUE(p.nodes[b.Column(0)].nullable);
  ValueId is_true =
      b.Add(Op::kIsTrue, Type::kBool, {b.Binary(Op::kEq, Type::kBool, b.Column(0), b.Int(1))});
  EXPECT_FALSE(p.nodes[is_true].nullable);
  EXPECT_FALSE(p.nodes[b.Binary(Op::kLt, Type::kBool, b.Int(1), b.Int(2))].nullable);
  EXPECT_TRUE(p.nodes[b.Binary(Op::kAdd, Type::kInt, b.Int(1), b.Int(2))].nullable);  // overflow
  EXPECT_FALSE(p.nodes[b.Add(Op::kCoalesce, Type::kInt, {b.Column(0), b.Int(0)})].nullable);
  EXPECT_TRUE(
      p.nodes[b.Add(Op::kSelect, Type::kInt, {is_true, b.Int(1), b.Null(Type::kInt)})].nullable);
}

TEST(Printer, PrintsStableText) {
  Program p = TwoInputs();
  Builder b(p);
  ValueId a = b.Cast(b.Column(0), Type::kFloat);
  b.Binary(Op::kLt, Type::kBool, a, b.Column(1));
  b.Date(20758);
  EXPECT_EQ(Print(p),
            "program\n"
            "input in0 a int\n"
            "input in1 b float\n"
            "%0 = column a : int?\n"
            "%1 = cast %0 : float?\n"
            "%2 = column b : float?\n"
            "%3 = lt %1, %2 : bool?\n"
            "%4 = const 2026-11-01 : date\n");
  Program q = TwoInputs();
  Builder bq(q);
  ValueId qa = bq.Cast(bq.Column(0), Type::kFloat);
  bq.Binary(Op::kLt, Type::kBool, qa, bq.Column(1));
  bq.Date(20758);
  EXPECT_EQ(p.Hash(), q.Hash());
  bq.Int(1);
  EXPECT_NE(p.Hash(), q.Hash());
}

}  // namespace
}  // namespace segc::ir
