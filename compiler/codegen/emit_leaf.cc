// Emitters for leaves: constants, input and derived columns, statistics, dictionary lookups.
#include "compiler/codegen/detail/emit_context.h"

namespace segc::codegen::detail {
namespace {

llvm::Value* BitOf(EmitContext& ctx, llvm::Value* word, llvm::Value* lane) {
  return ctx.b.CreateTrunc(ctx.b.CreateLShr(word, lane), ctx.b.getInt1Ty());
}

llvm::Value* ConstValue(EmitContext& ctx, const ir::Node& node) {
  llvm::Type* type = ctx.ValueType(node.type);
  if (node.payload.is_null) return llvm::Constant::getNullValue(type);
  if (node.type == ir::Type::kFloat) return ctx.FloatConstant(node.payload.f);
  if (node.type == ir::Type::kString) return ctx.b.getInt32(node.payload.index);
  return llvm::ConstantInt::getSigned(type, node.payload.i);
}

Result<Lane> ReadColumn(EmitContext& ctx, const ir::Node& node, const ColumnAccess* column) {
  if (column == nullptr) return Status::Internal("jit: column slot was not prepared");
  Lane lane;
  if (node.type == ir::Type::kBool) {
    lane.value = BitOf(ctx, column->value_word, ctx.lane);
  } else {
    llvm::Type* type = ctx.ValueType(node.type);
    llvm::Value* address = ctx.b.CreateInBoundsGEP(type, column->values, ctx.row);
    lane.value = ctx.b.CreateLoad(type, address);
  }
  lane.valid = node.nullable ? BitOf(ctx, column->valid_word, ctx.lane) : ctx.True();
  return lane;
}

template <typename Map>
auto* Find(Map& map, uint32_t key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

Result<Lane> ReadDict(EmitContext& ctx, const ir::Node& node) {
  const DictAccess* dict = Find(ctx.dicts, node.payload.index);
  if (dict == nullptr || node.args.size() != 1) {
    return Status::Internal("jit: malformed dictionary lookup");
  }
  SEGC_TRY(Lane code, ctx.Arg(node.args[0]));
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* entry =
      b.CreateSelect(code.valid, b.CreateSExt(code.value, b.getInt64Ty()), dict->null_entry);
  if (node.type == ir::Type::kBool) {
    // One byte: the value in bit 0, valid in bit 1 (kernel_abi.h): one load per row, which the
    // vectorizer has to scalarize (there is no byte gather).
    llvm::Value* byte =
        b.CreateLoad(b.getInt8Ty(), b.CreateInBoundsGEP(b.getInt8Ty(), dict->values, entry));
    llvm::Value* value = b.CreateICmpNE(b.CreateAnd(byte, b.getInt8(1)), b.getInt8(0));
    llvm::Value* valid =
        node.nullable ? b.CreateICmpNE(b.CreateAnd(byte, b.getInt8(2)), b.getInt8(0)) : ctx.True();
    return Lane{value, valid};
  }
  llvm::Type* stored = ctx.ValueType(node.type);
  llvm::Value* value = b.CreateLoad(stored, b.CreateInBoundsGEP(stored, dict->values, entry));
  llvm::Value* valid = ctx.True();
  if (node.nullable) {
    llvm::Value* byte =
        b.CreateLoad(b.getInt8Ty(), b.CreateInBoundsGEP(b.getInt8Ty(), dict->valid, entry));
    valid = b.CreateICmpNE(byte, b.getInt8(0));
  }
  return Lane{value, valid};
}

}  // namespace

Result<Lane> EmitSlotRead(EmitContext& ctx, const ir::Node& node, ir::ValueId id) {
  return ReadColumn(ctx, node, Find(ctx.slot_reads, id));
}

Result<Lane> EmitLeaf(EmitContext& ctx, const ir::Node& node) {
  switch (node.op) {
    case ir::Op::kConst:
      return Lane{ConstValue(ctx, node), node.payload.is_null ? ctx.False() : ctx.True()};
    case ir::Op::kColumn:
      return ReadColumn(ctx, node, Find(ctx.inputs, node.payload.index));
    case ir::Op::kDerived:
      return ReadColumn(ctx, node, Find(ctx.derived, node.payload.index));
    case ir::Op::kStat: {
      const Lane* stat = Find(ctx.stats, node.payload.index);
      if (stat == nullptr) return Status::Internal("jit: statistic slot was not prepared");
      return *stat;
    }
    case ir::Op::kDictLookup:
      return ReadDict(ctx, node);
    default:
      return Status::Internal("jit: not a leaf node");
  }
}

}  // namespace segc::codegen::detail
