// The memory side of a stage kernel: reading segc_kernel_args, bit words, staged outputs.
#include "compiler/codegen/detail/stage_io.h"

#include <cstddef>
#include <map>

#include "segc/kernel_abi.h"

namespace segc::codegen::detail {
namespace {

llvm::Value* FieldAddress(EmitContext& ctx, llvm::Value* base, size_t offset) {
  return ctx.b.CreateConstInBoundsGEP1_64(ctx.b.getInt8Ty(), base, offset);
}

llvm::Value* ElementAddress(EmitContext& ctx, llvm::Value* array, size_t index, size_t size,
                            size_t offset) {
  return FieldAddress(ctx, array, index * size + offset);
}

ColumnAccess LoadColumn(EmitContext& ctx, llvm::Value* columns, uint32_t index) {
  ColumnAccess access;
  access.values = LoadPointer(ctx, ElementAddress(ctx, columns, index, sizeof(segc_column), 0),
                              offsetof(segc_column, values));
  access.validity = LoadPointer(ctx, ElementAddress(ctx, columns, index, sizeof(segc_column), 0),
                                offsetof(segc_column, validity));
  return access;
}

Lane LoadStat(EmitContext& ctx, llvm::Value* stats, const ir::Node& node) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* stat = ElementAddress(ctx, stats, node.payload.index, sizeof(segc_stat_value), 0);
  llvm::Value* valid = b.CreateICmpNE(
      b.CreateLoad(b.getInt8Ty(), FieldAddress(ctx, stat, offsetof(segc_stat_value, valid))),
      b.getInt8(0));
  if (node.type == ir::Type::kFloat) {
    return Lane{
        b.CreateLoad(b.getDoubleTy(), FieldAddress(ctx, stat, offsetof(segc_stat_value, f64))),
        valid};
  }
  llvm::Value* i64 =
      b.CreateLoad(b.getInt64Ty(), FieldAddress(ctx, stat, offsetof(segc_stat_value, i64)));
  return Lane{b.CreateTrunc(i64, ctx.ValueType(node.type)), valid};
}

DictAccess LoadDict(EmitContext& ctx, llvm::Value* dicts, uint32_t index) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* table = ElementAddress(ctx, dicts, index, sizeof(segc_dict_table), 0);
  DictAccess access;
  access.values = LoadPointer(ctx, table, offsetof(segc_dict_table, values));
  access.valid = LoadPointer(ctx, table, offsetof(segc_dict_table, valid));
  llvm::Value* size =
      b.CreateLoad(b.getInt64Ty(), FieldAddress(ctx, table, offsetof(segc_dict_table, size)));
  access.null_entry = b.CreateSub(size, b.getInt64(1));
  return access;
}

// segc_load_bits(bitmap, base, count) → the 64 bits of rows [base, base + 64) (all ones for a
// null bitmap). A partial last word is read byte by byte: input buffers need not be padded.
llvm::Function* LoadBitsFunction(EmitContext& ctx) {
  if (llvm::Function* existing = ctx.module.getFunction("segc_load_bits")) return existing;
  llvm::LLVMContext& c = ctx.ctx;
  llvm::IRBuilder<> b(c);
  auto* i64 = b.getInt64Ty();
  auto* type = llvm::FunctionType::get(i64, {b.getPtrTy(), i64, i64}, false);
  auto* fn = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, "segc_load_bits",
                                    ctx.module);
  fn->addFnAttr(llvm::Attribute::AlwaysInline);
  fn->setDoesNotThrow();
  llvm::Value* bitmap = fn->getArg(0);
  llvm::Value* base = fn->getArg(1);
  llvm::Value* count = fn->getArg(2);
  auto* entry = llvm::BasicBlock::Create(c, "entry", fn);
  auto* ones = llvm::BasicBlock::Create(c, "all_valid", fn);
  auto* present = llvm::BasicBlock::Create(c, "present", fn);
  auto* full = llvm::BasicBlock::Create(c, "full", fn);
  auto* partial = llvm::BasicBlock::Create(c, "partial", fn);
  auto* done = llvm::BasicBlock::Create(c, "done", fn);
  b.SetInsertPoint(entry);
  b.CreateCondBr(b.CreateIsNull(bitmap), ones, present);
  b.SetInsertPoint(ones);
  b.CreateRet(b.getInt64(-1));
  b.SetInsertPoint(present);
  llvm::Value* first = b.CreateInBoundsGEP(b.getInt8Ty(), bitmap, b.CreateLShr(base, 3));
  b.CreateCondBr(b.CreateICmpEQ(count, b.getInt64(64)), full, partial);
  b.SetInsertPoint(full);
  b.CreateRet(b.CreateAlignedLoad(i64, first, llvm::MaybeAlign(1)));
  b.SetInsertPoint(partial);
  llvm::PHINode* k = b.CreatePHI(i64, 2);
  llvm::PHINode* word = b.CreatePHI(i64, 2);
  llvm::Value* byte = b.CreateLoad(b.getInt8Ty(), b.CreateInBoundsGEP(b.getInt8Ty(), first, k));
  llvm::Value* shifted = b.CreateShl(b.CreateZExt(byte, i64), b.CreateShl(k, 3));
  llvm::Value* next_word = b.CreateOr(word, shifted);
  llvm::Value* next_k = b.CreateAdd(k, b.getInt64(1));
  llvm::Value* bytes = b.CreateLShr(b.CreateAdd(count, b.getInt64(7)), 3);
  b.CreateCondBr(b.CreateICmpULT(next_k, bytes), partial, done);
  k->addIncoming(b.getInt64(0), present);
  k->addIncoming(next_k, partial);
  word->addIncoming(b.getInt64(0), present);
  word->addIncoming(next_word, partial);
  b.SetInsertPoint(done);
  b.CreateRet(next_word);
  return fn;
}

llvm::Value* ByteSize(EmitContext& ctx, ir::Type type) {
  return ctx.b.getInt64(ctx.module.getDataLayout().getTypeAllocSize(ctx.ValueType(type)));
}

llvm::AllocaInst* ZeroedBuffer(EmitContext& ctx, llvm::Type* element) {
  auto* type = llvm::ArrayType::get(element, 64);
  llvm::AllocaInst* buffer = ctx.b.CreateAlloca(type);
  buffer->setAlignment(llvm::Align(64));
  ctx.b.CreateMemSet(buffer, ctx.b.getInt8(0), ctx.module.getDataLayout().getTypeAllocSize(type),
                     llvm::MaybeAlign(64));
  return buffer;
}

// 64 bytes of 0/1 → one bitmap word; bits at lanes >= count are cleared.
llvm::Value* PackWord(EmitContext& ctx, llvm::AllocaInst* bytes, llvm::Value* count) {
  llvm::IRBuilder<>& b = ctx.b;
  auto* vector = llvm::FixedVectorType::get(b.getInt8Ty(), 64);
  llvm::Value* loaded = b.CreateAlignedLoad(vector, bytes, llvm::MaybeAlign(64));
  llvm::Value* bits = b.CreateICmpNE(loaded, llvm::Constant::getNullValue(vector));
  llvm::Value* word = b.CreateBitCast(bits, b.getInt64Ty());
  llvm::Value* mask = b.CreateLShr(b.getInt64(-1), b.CreateSub(b.getInt64(64), count));
  return b.CreateAnd(word, mask);
}

void StoreWord(EmitContext& ctx, llvm::Value* bitmap, llvm::Value* base, llvm::Value* word) {
  llvm::Value* address =
      ctx.b.CreateInBoundsGEP(ctx.b.getInt8Ty(), bitmap, ctx.b.CreateLShr(base, 3));
  ctx.b.CreateAlignedStore(word, address, llvm::MaybeAlign(8));
}

}  // namespace

llvm::Value* LoadPointer(EmitContext& ctx, llvm::Value* base, size_t offset) {
  return ctx.b.CreateLoad(ctx.b.getPtrTy(), FieldAddress(ctx, base, offset));
}

// Tables over the same string column have the same size (its dictionary's, plus the null
// entry; the executor checks it). Using one null entry for all of them makes the row index
// into those tables one value, so its per-lane extraction (the loads cannot be vectorized) is
// done once per column, not once per table.
void ShareNullEntries(EmitContext& ctx) {
  std::map<uint32_t, DictAccess*> in_order;  // index order: the same IR every time
  for (auto& [index, access] : ctx.dicts) in_order[index] = &access;
  std::map<ir::ValueId, llvm::Value*> by_column;
  for (auto& [index, access] : in_order) {
    if (index >= ctx.program.dicts.size()) continue;  // validate.cc rejects such programs
    auto [it, first] = by_column.emplace(ctx.program.dicts[index].column_node, access->null_entry);
    if (!first) access->null_entry = it->second;
  }
}

Status PrepareLeaves(EmitContext& ctx, const plan::Stage& stage, llvm::Value* args) {
  llvm::Value* inputs = LoadPointer(ctx, args, offsetof(segc_kernel_args, inputs));
  llvm::Value* stats = LoadPointer(ctx, args, offsetof(segc_kernel_args, stats));
  llvm::Value* derived = LoadPointer(ctx, args, offsetof(segc_kernel_args, derived));
  llvm::Value* dicts = LoadPointer(ctx, args, offsetof(segc_kernel_args, dicts));
  for (ir::ValueId id : stage.nodes) {
    if (id >= ctx.program.graph.nodes.size())
      return Status::Internal("jit: stage node out of range");
    const ir::Node& node = ctx.program.node(id);
    uint32_t index = node.payload.index;
    if (node.op == ir::Op::kColumn && !ctx.inputs.count(index)) {
      ctx.inputs[index] = LoadColumn(ctx, inputs, index);
    } else if (node.op == ir::Op::kDerived && !ctx.derived.count(index)) {
      ctx.derived[index] = LoadColumn(ctx, derived, index);
    } else if (node.op == ir::Op::kStat && !ctx.stats.count(index)) {
      ctx.stats[index] = LoadStat(ctx, stats, node);
    } else if (node.op == ir::Op::kDictLookup && !ctx.dicts.count(index)) {
      ctx.dicts[index] = LoadDict(ctx, dicts, index);
    }
  }
  ShareNullEntries(ctx);
  return Status::Ok();
}

void PrepareSlotReads(EmitContext& ctx, const std::vector<std::pair<ir::ValueId, uint32_t>>& reads,
                      llvm::Value* args) {
  if (reads.empty()) return;
  llvm::Value* outputs = LoadPointer(ctx, args, offsetof(segc_kernel_args, outputs));
  for (const auto& [id, slot] : reads) {
    ColumnAccess access = LoadColumn(ctx, outputs, slot);
    // A slot without validity has no bitmap to read: all rows valid.
    if (!ctx.program.slots[slot].nullable) {
      access.validity = llvm::ConstantPointerNull::get(ctx.b.getPtrTy());
    }
    ctx.slot_reads[id] = access;
  }
}

void LoadColumnWords(EmitContext& ctx, llvm::Value* base, llvm::Value* count) {
  llvm::Function* load_bits = LoadBitsFunction(ctx);
  auto load_words = [&](ColumnAccess& column, bool is_bool) {
    column.valid_word = ctx.b.CreateCall(load_bits, {column.validity, base, count});
    if (is_bool) column.value_word = ctx.b.CreateCall(load_bits, {column.values, base, count});
  };
  for (auto& [index, column] : ctx.inputs) {
    load_words(column, ctx.program.graph.inputs.size() > index &&
                           ctx.program.graph.inputs[index].type == ir::Type::kBool);
  }
  for (auto& [index, column] : ctx.derived) {
    load_words(column, ctx.program.graph.derived.size() > index &&
                           ctx.program.graph.derived[index].type == ir::Type::kBool);
  }
  for (auto& [id, column] : ctx.slot_reads) {
    load_words(column, ctx.program.node(id).type == ir::Type::kBool);
  }
}

std::vector<OutputAccess> PrepareOutputs(EmitContext& ctx, const plan::Stage& stage,
                                         llvm::Value* args) {
  llvm::Value* outputs = LoadPointer(ctx, args, offsetof(segc_kernel_args, outputs));
  std::vector<OutputAccess> result;
  for (const plan::Store& store : stage.stores) {
    OutputAccess out;
    out.slot = store.slot;
    out.type = ctx.program.slots[store.slot].type;
    out.nullable = ctx.program.slots[store.slot].nullable;
    llvm::Value* column = ElementAddress(ctx, outputs, store.slot, sizeof(segc_column), 0);
    out.values = LoadPointer(ctx, column, offsetof(segc_column, values));
    bool is_bool = out.type == ir::Type::kBool;
    out.value_buffer = ZeroedBuffer(ctx, is_bool ? ctx.b.getInt8Ty() : ctx.ValueType(out.type));
    if (out.nullable) {
      out.validity = LoadPointer(ctx, column, offsetof(segc_column, validity));
      out.valid_buffer = ZeroedBuffer(ctx, ctx.b.getInt8Ty());
    }
    result.push_back(out);
  }
  return result;
}

void StageRow(EmitContext& ctx, const OutputAccess& output, const Lane& lane) {
  llvm::IRBuilder<>& b = ctx.b;
  auto at = [&](llvm::AllocaInst* buffer) {
    return b.CreateInBoundsGEP(buffer->getAllocatedType(), buffer, {b.getInt64(0), ctx.lane});
  };
  llvm::Value* value = ZeroIfNull(ctx, lane);
  if (output.type == ir::Type::kBool) value = b.CreateZExt(value, b.getInt8Ty());
  b.CreateStore(value, at(output.value_buffer));
  if (output.nullable)
    b.CreateStore(b.CreateZExt(lane.valid, b.getInt8Ty()), at(output.valid_buffer));
}

void FlushWord(EmitContext& ctx, const OutputAccess& output, llvm::Value* base,
               llvm::Value* count) {
  llvm::IRBuilder<>& b = ctx.b;
  if (output.type == ir::Type::kBool) {
    StoreWord(ctx, output.values, base, PackWord(ctx, output.value_buffer, count));
  } else {
    llvm::Value* size = ByteSize(ctx, output.type);
    llvm::Value* target =
        b.CreateInBoundsGEP(b.getInt8Ty(), output.values, b.CreateMul(base, size));
    b.CreateMemCpy(target, llvm::MaybeAlign(1), output.value_buffer, llvm::MaybeAlign(64),
                   b.CreateMul(count, size));
  }
  if (output.nullable)
    StoreWord(ctx, output.validity, base, PackWord(ctx, output.valid_buffer, count));
}

}  // namespace segc::codegen::detail
