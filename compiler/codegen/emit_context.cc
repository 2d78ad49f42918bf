// EmitContext methods and the shared emitter building blocks.
#include "compiler/codegen/detail/emit_context.h"

#include <bit>
#include <string>
#include <vector>

#include "compiler/codegen/detail/emit_helpers.h"

namespace segc::codegen::detail {

void EmitContext::CountOverflow(llvm::Value* happened) {
  if (!count_overflow) return;
  overflow = b.CreateAdd(overflow, b.CreateZExt(happened, b.getInt64Ty()));
}

Result<Lane> EmitContext::Arg(ir::ValueId id) const {
  if (id >= lanes.size() || lanes[id].value == nullptr) {
    return Status::Internal("jit: operand %" + std::to_string(id) +
                            " is used before it is computed in its stage");
  }
  return lanes[id];
}

llvm::Value* EmitContext::AllValid(const std::vector<Lane>& args) {
  llvm::Value* valid = True();
  for (size_t i = 0; i < args.size(); ++i) {
    valid = SegmentChain(b.CreateAnd(valid, args[i].valid), i + 1);
  }
  return valid;
}

// LLVM's optimizer is superlinear in the length of a chain of one operator: a 10,000-term `or`
// of float compares took 200 s and 2.4 GB at -O2, and 100,000 terms overflowed its stack
// (InstCombine recurses along the chain). Passing the running value through a volatile stack
// slot every kTermsPerSegment terms hides it from the optimizer, which then works on segments
// of bounded length: linear time. Chains shorter than one segment (every rule a person writes)
// are untouched; the cost for a long one is one store and one load per segment and row.
llvm::Value* EmitContext::SegmentChain(llvm::Value* chain, size_t terms_so_far) {
  if (terms_so_far % kTermsPerSegment != 0 || llvm::isa<llvm::Constant>(chain)) return chain;
  llvm::Function* function = b.GetInsertBlock()->getParent();
  llvm::AllocaInst*& slot = chain_slots[function];
  if (slot == nullptr) {
    llvm::IRBuilder<> entry(&function->getEntryBlock(), function->getEntryBlock().begin());
    slot = entry.CreateAlloca(b.getInt8Ty(), nullptr, "chain_slot");
  }
  b.CreateStore(b.CreateZExt(chain, b.getInt8Ty()), slot, /*isVolatile=*/true);
  llvm::Value* reloaded = b.CreateLoad(b.getInt8Ty(), slot, /*isVolatile=*/true);
  return b.CreateTrunc(reloaded, b.getInt1Ty());
}

// LLVM keeps a function's floating-point constants in a constant pool whose lookup is a linear
// scan (MachineConstantPool::getConstantPoolIndex), so a function with n distinct float
// constants takes O(n^2) to compile: 100,000 compares spent 70% of 30 s there. Past
// kImmediateFloats distinct values, constants are loads from a table whose address comes
// through a volatile stack slot, so the optimizer cannot fold them back into immediates.
llvm::Value* EmitContext::FloatConstant(double value) {
  uint64_t bits = std::bit_cast<uint64_t>(value);
  if (float_immediates.count(bits) != 0 || float_immediates.size() < kImmediateFloats) {
    float_immediates.emplace(bits, 0);
    return llvm::ConstantFP::get(b.getDoubleTy(), value);
  }
  auto [it, added] = float_table_index.emplace(bits, static_cast<uint32_t>(float_table.size()));
  if (added) float_table.push_back(value);
  if (float_table_base == nullptr) {
    llvm::Function* function = b.GetInsertBlock()->getParent();
    llvm::IRBuilder<> entry(&function->getEntryBlock(), function->getEntryBlock().begin());
    llvm::AllocaInst* slot = entry.CreateAlloca(b.getPtrTy(), nullptr, "float_table_slot");
    float_table_base = entry.CreateLoad(b.getPtrTy(), slot, /*isVolatile=*/true);
  }
  llvm::Value* address =
      b.CreateConstInBoundsGEP1_64(b.getDoubleTy(), float_table_base, it->second);
  return b.CreateLoad(b.getDoubleTy(), address);
}

void EmitContext::FinishConstantTable() {
  if (float_table_base == nullptr) return;
  std::string name = float_table_base->getFunction()->getName().str() + ".floats";
  llvm::GlobalVariable* table =
      ConstantGlobal(*this, name, llvm::ConstantDataArray::get(ctx, float_table));
  llvm::IRBuilder<> before_load(float_table_base);
  before_load.CreateStore(table, float_table_base->getPointerOperand(), /*isVolatile=*/true);
}

llvm::Type* EmitContext::ValueType(ir::Type type) {
  switch (type) {
    case ir::Type::kBool:
      return b.getInt1Ty();
    case ir::Type::kInt:
      return b.getInt64Ty();
    case ir::Type::kFloat:
      return b.getDoubleTy();
    case ir::Type::kDate:
    case ir::Type::kString:
    case ir::Type::kLabel:
      return b.getInt32Ty();
  }
  return b.getInt64Ty();
}

llvm::Value* ZeroIfNull(EmitContext& ctx, const Lane& lane) {
  if (lane.valid == ctx.True()) return lane.value;
  return ctx.b.CreateSelect(lane.valid, lane.value,
                            llvm::Constant::getNullValue(lane.value->getType()));
}

Lane Checked(EmitContext& ctx, llvm::Value* value, llvm::Value* valid, llvm::Value* overflow) {
  ctx.CountOverflow(ctx.b.CreateAnd(valid, overflow));
  return Lane{value, ctx.b.CreateAnd(valid, ctx.b.CreateNot(overflow))};
}

Lane CheckedFloat(EmitContext& ctx, llvm::Value* value, llvm::Value* valid) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* magnitude = b.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, value);
  auto* infinity = llvm::ConstantFP::getInfinity(b.getDoubleTy());
  // Unordered compare: true for NaN too.
  return Checked(ctx, value, valid, b.CreateFCmpUGE(magnitude, infinity));
}

llvm::GlobalVariable* ConstantGlobal(EmitContext& ctx, const std::string& name,
                                     llvm::Constant* values) {
  auto* global =
      llvm::cast<llvm::GlobalVariable>(ctx.module.getOrInsertGlobal(name, values->getType()));
  global->setConstant(true);
  global->setLinkage(llvm::GlobalValue::PrivateLinkage);
  global->setInitializer(values);
  return global;
}

llvm::Value* CallHelper(EmitContext& ctx, const char* name, llvm::Type* result,
                        std::initializer_list<llvm::Value*> args, HelperMemory memory) {
  std::vector<llvm::Type*> params;
  for (llvm::Value* arg : args) params.push_back(arg->getType());
  auto* type = llvm::FunctionType::get(result, params, false);
  llvm::FunctionCallee callee = ctx.module.getOrInsertFunction(name, type);
  if (auto* function = llvm::dyn_cast<llvm::Function>(callee.getCallee())) {
    function->setDoesNotThrow();
    if (memory == HelperMemory::kReadsConstants) {
      function->setOnlyReadsMemory();
    } else {
      function->setDoesNotAccessMemory();
    }
    function->setWillReturn();
  }
  return ctx.b.CreateCall(callee, args);
}

}  // namespace segc::codegen::detail
