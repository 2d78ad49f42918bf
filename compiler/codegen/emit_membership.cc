// Long membership tests: `x in (c1, ..., cn)` over many constants (or the same test written as
// `x == c1 or x == c2 or ...`) is one binary search in a sorted constant table instead of n
// compares, so a 100k-item list compiles in linear time and memory and costs log2(n) compares
// per row.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/detail/emit_context.h"
#include "compiler/codegen/detail/emit_helpers.h"

namespace segc::codegen::detail {
namespace {

using ir::Op;
using ir::Type;

// Shorter lists stay compares: as fast, and LLVM folds them with the rest of the row.
constexpr size_t kMinTableItems = 16;

struct MembershipTest {
  ir::ValueId value = 0;
  Type type = Type::kInt;
  std::vector<int64_t> ints;   // int, date and label values
  std::vector<double> floats;  // float values
};

bool IsTableType(Type type) {
  return type == Type::kInt || type == Type::kDate || type == Type::kLabel || type == Type::kFloat;
}

// The test when `node` is an OR of `x == constant` over one value x, with enough constants.
std::optional<MembershipTest> AsMembershipTest(const plan::PhysicalPlan& plan,
                                               const ir::Node& node) {
  if (node.op != Op::kOr || node.args.size() < kMinTableItems) return std::nullopt;
  MembershipTest test;
  test.value = plan.node(node.args[0]).args.empty() ? 0 : plan.node(node.args[0]).args[0];
  test.type = plan.node(test.value).type;
  if (!IsTableType(test.type)) return std::nullopt;
  for (ir::ValueId id : node.args) {
    const ir::Node& eq = plan.node(id);
    if (eq.op != Op::kEq || eq.args.size() != 2 || eq.args[0] != test.value) return std::nullopt;
    const ir::Node& item = plan.node(eq.args[1]);
    if (item.op != Op::kConst || item.payload.is_null || item.type != test.type) {
      return std::nullopt;
    }
    if (test.type == Type::kFloat) {
      test.floats.push_back(item.payload.f);
    } else {
      test.ints.push_back(item.payload.i);
    }
  }
  std::sort(test.ints.begin(), test.ints.end());
  test.ints.erase(std::unique(test.ints.begin(), test.ints.end()), test.ints.end());
  std::sort(test.floats.begin(), test.floats.end());  // floats are never NaN (ir.h)
  test.floats.erase(std::unique(test.floats.begin(), test.floats.end()), test.floats.end());
  return test;
}

// A constant array of its own in the kernel's module.
llvm::Constant* ConstantTable(EmitContext& ctx, llvm::Constant* values) {
  return ConstantGlobal(ctx, "segc_in_list_" + std::to_string(ctx.module.global_size()), values);
}

Lane EmitTableSearch(EmitContext& ctx, const MembershipTest& test, const Lane& value) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* found = nullptr;
  if (test.type == Type::kFloat) {
    llvm::Constant* table =
        ConstantTable(ctx, llvm::ConstantDataArray::get(ctx.ctx, llvm::ArrayRef(test.floats)));
    found = CallHelper(ctx, "segc_rt_in_sorted_f64", b.getInt32Ty(),
                       {value.value, table, b.getInt64(test.floats.size())},
                       HelperMemory::kReadsConstants);
  } else {
    std::vector<uint64_t> bits(test.ints.begin(), test.ints.end());
    llvm::Constant* table =
        ConstantTable(ctx, llvm::ConstantDataArray::get(ctx.ctx, llvm::ArrayRef(bits)));
    found =
        CallHelper(ctx, "segc_rt_in_sorted_i64", b.getInt32Ty(),
                   {b.CreateSExt(value.value, b.getInt64Ty()), table, b.getInt64(test.ints.size())},
                   HelperMemory::kReadsConstants);
  }
  // Every item is a non-null constant: the OR is null exactly when x is.
  return Lane{b.CreateICmpNE(found, b.getInt32(0)), value.valid};
}

}  // namespace

std::optional<Result<Lane>> EmitMembershipTest(EmitContext& ctx, const ir::Node& node) {
  std::optional<MembershipTest> test = AsMembershipTest(ctx.program, node);
  if (!test) return std::nullopt;
  Result<Lane> value = ctx.Arg(test->value);
  if (!value.ok()) return value;
  return EmitTableSearch(ctx, *test, *value);
}

}  // namespace segc::codegen::detail
