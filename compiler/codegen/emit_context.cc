// EmitContext methods and the shared emitter building blocks.
#include "compiler/codegen/detail/emit_context.h"

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
  for (const Lane& arg : args) valid = b.CreateAnd(valid, arg.valid);
  return valid;
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
