// Emitters for arithmetic and casts: checked int ops, finite-checked float ops, date arithmetic.
#include <limits>

#include "compiler/codegen/detail/emit_context.h"
#include "compiler/codegen/detail/emit_helpers.h"

namespace segc::codegen::detail {
namespace {

using ir::Op;
using ir::Type;

// An int64 operation through llvm.s*.with.overflow: overflow gives null and is counted.
Lane CheckedInt(EmitContext& ctx, llvm::Intrinsic::ID id, llvm::Value* a, llvm::Value* b,
                llvm::Value* valid) {
  llvm::Value* pair = ctx.b.CreateBinaryIntrinsic(id, a, b);
  llvm::Value* value = ctx.b.CreateExtractValue(pair, 0);
  return Checked(ctx, value, valid, ctx.b.CreateExtractValue(pair, 1));
}

// A date result computed in int64: outside int32 gives null and is counted.
Lane NarrowToDate(EmitContext& ctx, llvm::Value* days, llvm::Value* valid, llvm::Value* ovf) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* narrow = b.CreateTrunc(days, b.getInt32Ty());
  llvm::Value* outside = b.CreateICmpNE(b.CreateSExt(narrow, b.getInt64Ty()), days);
  return Checked(ctx, narrow, valid, ovf ? b.CreateOr(ovf, outside) : outside);
}

Lane EmitIntBinary(EmitContext& ctx, Op op, const Lane& x, const Lane& y, llvm::Value* valid) {
  llvm::Intrinsic::ID id = op == Op::kAdd   ? llvm::Intrinsic::sadd_with_overflow
                           : op == Op::kSub ? llvm::Intrinsic::ssub_with_overflow
                                            : llvm::Intrinsic::smul_with_overflow;
  return CheckedInt(ctx, id, x.value, y.value, valid);
}

Lane EmitFloatBinary(EmitContext& ctx, Op op, const Lane& x, const Lane& y, llvm::Value* valid) {
  llvm::IRBuilder<>& b = ctx.b;
  switch (op) {
    case Op::kAdd:
      return CheckedFloat(ctx, b.CreateFAdd(x.value, y.value), valid);
    case Op::kSub:
      return CheckedFloat(ctx, b.CreateFSub(x.value, y.value), valid);
    case Op::kMul:
      return CheckedFloat(ctx, b.CreateFMul(x.value, y.value), valid);
    default: {
      // LANGUAGE.md §5: division by zero gives null (not an overflow).
      llvm::Value* zero = b.CreateFCmpOEQ(y.value, llvm::ConstantFP::get(b.getDoubleTy(), 0.0));
      valid = b.CreateAnd(valid, b.CreateNot(zero));
      return CheckedFloat(ctx, b.CreateFDiv(x.value, y.value), valid);
    }
  }
}

Result<Lane> EmitDateBinary(EmitContext& ctx, Op op, const Lane& x, const Lane& y,
                            const ir::Node& node, llvm::Value* valid) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* lhs = b.CreateSExt(x.value, b.getInt64Ty());
  llvm::Value* rhs = b.CreateSExtOrTrunc(y.value, b.getInt64Ty());
  if (node.type == Type::kInt) return Lane{b.CreateSub(lhs, rhs), valid};  // date - date
  if (op != Op::kAdd && op != Op::kSub) return Status::Internal("jit: bad date arithmetic");
  auto id =
      op == Op::kAdd ? llvm::Intrinsic::sadd_with_overflow : llvm::Intrinsic::ssub_with_overflow;
  llvm::Value* pair = b.CreateBinaryIntrinsic(id, lhs, rhs);
  return NarrowToDate(ctx, b.CreateExtractValue(pair, 0), valid, b.CreateExtractValue(pair, 1));
}

Result<Lane> EmitBinary(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  if (args.size() != 2) return Status::Internal("jit: binary operator without two operands");
  llvm::Value* valid = ctx.AllValid(args);
  Type left = ctx.program.node(node.args[0]).type;
  Type right = ctx.program.node(node.args[1]).type;
  if (left == Type::kDate && right == Type::kInt && node.op == Op::kAdd) {
    return EmitDateBinary(ctx, node.op, args[0], args[1], node, valid);
  }
  if (left == Type::kInt && right == Type::kDate && node.op == Op::kAdd) {
    return EmitDateBinary(ctx, node.op, args[1], args[0], node, valid);
  }
  if (left == Type::kDate) return EmitDateBinary(ctx, node.op, args[0], args[1], node, valid);
  if (node.type == Type::kFloat) return EmitFloatBinary(ctx, node.op, args[0], args[1], valid);
  if (node.type == Type::kInt && node.op != Op::kDiv) {
    return EmitIntBinary(ctx, node.op, args[0], args[1], valid);
  }
  return Status::Internal("jit: unsupported operand types for arithmetic");
}

Result<Lane> EmitNeg(EmitContext& ctx, const ir::Node& node, const Lane& x) {
  if (node.type == Type::kFloat) return Lane{ctx.b.CreateFNeg(x.value), x.valid};
  if (node.type != Type::kInt) return Status::Internal("jit: negation of a non-number");
  return CheckedInt(ctx, llvm::Intrinsic::ssub_with_overflow, ctx.b.getInt64(0), x.value, x.valid);
}

// float → date: floor, then null + overflow outside int32 (clamped first: fptosi of an
// out-of-range value would be poison).
Lane FloatToDate(EmitContext& ctx, const Lane& x) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* floored = b.CreateUnaryIntrinsic(llvm::Intrinsic::floor, x.value);
  auto* lo = llvm::ConstantFP::get(b.getDoubleTy(), std::numeric_limits<int32_t>::min());
  auto* hi = llvm::ConstantFP::get(b.getDoubleTy(), std::numeric_limits<int32_t>::max());
  llvm::Value* outside = b.CreateOr(b.CreateFCmpOLT(floored, lo), b.CreateFCmpOGT(floored, hi));
  llvm::Value* safe = b.CreateSelect(outside, llvm::ConstantFP::get(b.getDoubleTy(), 0), floored);
  return Checked(ctx, b.CreateFPToSI(safe, b.getInt32Ty()), x.valid, outside);
}

Result<Lane> EmitCast(EmitContext& ctx, const ir::Node& node, const Lane& x) {
  llvm::IRBuilder<>& b = ctx.b;
  Type from = ctx.program.node(node.args[0]).type;
  Type to = node.type;
  if (from == to) return x;
  if (to == Type::kFloat && (from == Type::kInt || from == Type::kDate)) {
    return Lane{b.CreateSIToFP(x.value, b.getDoubleTy()), x.valid};
  }
  if (to == Type::kInt && from == Type::kDate)
    return Lane{b.CreateSExt(x.value, b.getInt64Ty()), x.valid};
  if (to == Type::kInt && from == Type::kBool)
    return Lane{b.CreateZExt(x.value, b.getInt64Ty()), x.valid};
  if (to == Type::kDate && from == Type::kInt) return NarrowToDate(ctx, x.value, x.valid, nullptr);
  if (to == Type::kDate && from == Type::kFloat) return FloatToDate(ctx, x);
  return Status::Internal(std::string("jit: unsupported cast from '") + ir::TypeName(from) +
                          "' to '" + ir::TypeName(to) + "'");
}

Result<Lane> EmitAddMonths(EmitContext& ctx, const std::vector<Lane>& args) {
  if (args.size() != 2) return Status::Internal("jit: add_months needs two operands");
  llvm::Value* days =
      CallHelper(ctx, "segc_rt_add_months", ctx.b.getInt64Ty(), {args[0].value, args[1].value});
  return NarrowToDate(ctx, days, ctx.AllValid(args), nullptr);
}

}  // namespace

Result<Lane> EmitArithmetic(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  switch (node.op) {
    case Op::kNeg:
      if (args.size() != 1) return Status::Internal("jit: negation needs one operand");
      return EmitNeg(ctx, node, args[0]);
    case Op::kCast:
      if (args.size() != 1) return Status::Internal("jit: cast needs one operand");
      return EmitCast(ctx, node, args[0]);
    case Op::kAddMonths:
      return EmitAddMonths(ctx, args);
    default:
      return EmitBinary(ctx, node, args);
  }
}

}  // namespace segc::codegen::detail
