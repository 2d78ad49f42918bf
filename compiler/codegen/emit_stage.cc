// Stage kernels: the loop over 64-row words, the per-row loop, and node dispatch by family.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "compiler/codegen/detail/emit_context.h"
#include "compiler/codegen/detail/kernel_module.h"
#include "compiler/codegen/detail/stage_io.h"
#include "segc/kernel_abi.h"

namespace segc::codegen::detail {
namespace {

using ir::Op;

Result<Lane> EmitNode(EmitContext& ctx, const ir::Node& node) {
  switch (node.op) {
    case Op::kConst:
    case Op::kColumn:
    case Op::kStat:
    case Op::kDerived:
    case Op::kDictLookup:
      return EmitLeaf(ctx, node);
    default:
      break;
  }
  std::vector<Lane> args;
  for (ir::ValueId id : node.args) {
    SEGC_TRY(Lane arg, ctx.Arg(id));
    args.push_back(arg);
  }
  switch (node.op) {
    case Op::kNeg:
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kCast:
    case Op::kAddMonths:
      return EmitArithmetic(ctx, node, args);
    case Op::kCall:
      return EmitCall(ctx, node, args);
    default:
      return EmitLogic(ctx, node, args);
  }
}

// The per-row body: every node of the stage, then the stores into the staging buffers.
Status EmitRow(EmitContext& ctx, const plan::Stage& stage,
               const std::vector<OutputAccess>& outputs) {
  for (size_t i = 0; i < stage.nodes.size(); ++i) {
    const ir::Node& node = ctx.program.node(stage.nodes[i]);
    if (node.type == ir::Type::kString && node.op != Op::kColumn) {
      return Status::Internal("jit: string value %" + std::to_string(stage.nodes[i]) +
                              " survived planning");
    }
    ctx.count_overflow = i < stage.count_overflow.size() && stage.count_overflow[i] != 0;
    if (ctx.slot_reads.count(stage.nodes[i])) {
      SEGC_TRY(ctx.lanes[stage.nodes[i]], EmitSlotRead(ctx, node, stage.nodes[i]));
      continue;
    }
    SEGC_TRY(ctx.lanes[stage.nodes[i]], EmitNode(ctx, node));
  }
  for (size_t i = 0; i < outputs.size(); ++i) {
    SEGC_TRY(Lane lane, ctx.Arg(stage.stores[i].value));
    StageRow(ctx, outputs[i], lane);
  }
  return Status::Ok();
}

struct Loops {
  llvm::BasicBlock* outer_head;
  llvm::BasicBlock* outer_body;
  llvm::BasicBlock* inner;
  llvm::BasicBlock* outer_tail;
  llvm::BasicBlock* exit;
};

Loops MakeBlocks(llvm::LLVMContext& c, llvm::Function* fn) {
  return Loops{llvm::BasicBlock::Create(c, "word", fn),
               llvm::BasicBlock::Create(c, "word_body", fn), llvm::BasicBlock::Create(c, "row", fn),
               llvm::BasicBlock::Create(c, "word_flush", fn),
               llvm::BasicBlock::Create(c, "exit", fn)};
}

Status EmitKernelBody(EmitContext& ctx, const PartSpec& part, llvm::Function* fn) {
  const plan::Stage& stage = part.stage;
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* args = fn->getArg(0);
  llvm::Value* begin = fn->getArg(1);
  llvm::Value* end = fn->getArg(2);
  llvm::BasicBlock* entry = b.GetInsertBlock();
  SEGC_RETURN_IF_ERROR(PrepareLeaves(ctx, stage, args));
  PrepareSlotReads(ctx, part.slot_reads, args);
  std::vector<OutputAccess> outputs = PrepareOutputs(ctx, stage, args);
  llvm::Value* counter = LoadPointer(ctx, args, offsetof(segc_kernel_args, overflow));
  Loops loops = MakeBlocks(ctx.ctx, fn);
  b.CreateBr(loops.outer_head);

  // word: for (base = begin; base < end; base += 64)
  b.SetInsertPoint(loops.outer_head);
  llvm::PHINode* base = b.CreatePHI(b.getInt64Ty(), 2, "base");
  llvm::PHINode* total = b.CreatePHI(b.getInt64Ty(), 2, "overflows");
  b.CreateCondBr(b.CreateICmpSLT(base, end), loops.outer_body, loops.exit);

  b.SetInsertPoint(loops.outer_body);
  llvm::Value* count =
      b.CreateBinaryIntrinsic(llvm::Intrinsic::smin, b.CreateSub(end, base), b.getInt64(64));
  LoadColumnWords(ctx, base, count);
  b.CreateBr(loops.inner);

  // row: for (lane = 0; lane < count; ++lane)
  b.SetInsertPoint(loops.inner);
  llvm::PHINode* lane = b.CreatePHI(b.getInt64Ty(), 2, "lane");
  llvm::PHINode* overflow = b.CreatePHI(b.getInt64Ty(), 2, "row_overflows");
  ctx.lane = lane;
  ctx.row = b.CreateAdd(base, lane, "row");
  ctx.overflow = overflow;
  SEGC_RETURN_IF_ERROR(EmitRow(ctx, stage, outputs));
  llvm::Value* next_lane = b.CreateAdd(lane, b.getInt64(1));
  llvm::Value* row_overflows = ctx.overflow;
  llvm::BasicBlock* row_end = b.GetInsertBlock();
  b.CreateCondBr(b.CreateICmpSLT(next_lane, count), loops.inner, loops.outer_tail);
  lane->addIncoming(b.getInt64(0), loops.outer_body);
  lane->addIncoming(next_lane, row_end);
  overflow->addIncoming(total, loops.outer_body);
  overflow->addIncoming(row_overflows, row_end);

  b.SetInsertPoint(loops.outer_tail);
  for (const OutputAccess& output : outputs) FlushWord(ctx, output, base, count);
  llvm::Value* next_base = b.CreateAdd(base, b.getInt64(64));
  b.CreateBr(loops.outer_head);
  base->addIncoming(begin, entry);
  base->addIncoming(next_base, loops.outer_tail);
  total->addIncoming(b.getInt64(0), entry);
  total->addIncoming(row_overflows, loops.outer_tail);

  // *args->overflow += overflows (the counter is private to this call).
  b.SetInsertPoint(loops.exit);
  llvm::Value* old = b.CreateLoad(b.getInt64Ty(), counter);
  b.CreateStore(b.CreateAdd(old, total), counter);
  b.CreateRetVoid();
  return Status::Ok();
}

// Stores per part function. One loop body with thousands of stores makes instruction
// scheduling and register allocation superlinear; parts keep each function small.
constexpr size_t kStoresPerPart = 64;

// A value an earlier part stored can be read back from its slot when the slot keeps all of it
// (same type; validity kept unless the value is never null).
bool SlotKeepsValue(const plan::PhysicalPlan& program, ir::ValueId id, uint32_t slot) {
  const ir::Node& node = program.node(id);
  const plan::Slot& s = program.slots[slot];
  return s.type == node.type && (s.nullable || !node.nullable) && node.type != ir::Type::kString;
}

// The stage restricted to `stores`: the nodes they reach, in stage order, except values that
// earlier parts stored (`stored`: node -> slot), which are read from their slot. A node's
// overflows are counted only in the first part that computes it (`counted` tracks which were).
PartSpec Part(const plan::PhysicalPlan& program, const plan::Stage& stage,
              std::vector<plan::Store> stores, std::vector<bool>& counted,
              const std::unordered_map<ir::ValueId, uint32_t>& stored) {
  std::vector<bool> needed(program.graph.nodes.size(), false);
  std::vector<bool> read(program.graph.nodes.size(), false);
  for (const plan::Store& store : stores) needed[store.value] = true;
  PartSpec spec;
  for (size_t i = stage.nodes.size(); i-- > 0;) {
    ir::ValueId id = stage.nodes[i];
    if (!needed[id]) continue;
    if (auto it = stored.find(id); it != stored.end() && SlotKeepsValue(program, id, it->second)) {
      read[id] = true;
      spec.slot_reads.emplace_back(id, it->second);
      continue;
    }
    for (ir::ValueId arg : program.node(id).args) needed[arg] = true;
  }
  for (size_t i = 0; i < stage.nodes.size(); ++i) {
    ir::ValueId id = stage.nodes[i];
    if (!needed[id]) continue;
    bool count = !read[id] && i < stage.count_overflow.size() && stage.count_overflow[i] != 0 &&
                 !counted[id];
    if (count) counted[id] = true;
    spec.stage.nodes.push_back(id);
    spec.stage.count_overflow.push_back(count ? 1 : 0);
  }
  spec.stage.stores = std::move(stores);
  spec.stage.table = stage.table;
  return spec;
}

// Kernels and parts share the kernel ABI signature. Parts are external because units are
// compiled as separate objects; noinline keeps a kernel and its parts separate functions
// when they share a unit, so the part loops stay small for the optimizer.
llvm::Function* NewKernelFunction(llvm::Module& module, const std::string& name) {
  llvm::LLVMContext& c = module.getContext();
  auto* i64 = llvm::Type::getInt64Ty(c);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(c),
                                       {llvm::PointerType::get(c, 0), i64, i64}, false);
  auto* fn = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage, name, module);
  fn->setDoesNotThrow();
  fn->addParamAttr(0, llvm::Attribute::NoAlias);
  fn->addFnAttr(llvm::Attribute::NoInline);
  return fn;
}

Status EmitLoopFunction(llvm::Function* fn, const plan::PhysicalPlan& program,
                        const PartSpec& part) {
  EmitContext ctx(fn->getContext(), *fn->getParent(), program);
  ctx.b.SetInsertPoint(llvm::BasicBlock::Create(fn->getContext(), "entry", fn));
  SEGC_RETURN_IF_ERROR(EmitKernelBody(ctx, part, fn));
  ctx.FinishConstantTable();
  return Status::Ok();
}

// The declaration (or definition) of a part function in `module`.
llvm::Function* PartFunction(llvm::Module& module, const std::string& name) {
  if (llvm::Function* existing = module.getFunction(name)) return existing;
  return NewKernelFunction(module, name);
}

// Stage `index`'s kernel: calls each of its part functions over the same row range.
void EmitKernel(llvm::Module& module, const ModuleLayout& layout, size_t index) {
  llvm::Function* kernel = NewKernelFunction(module, KernelName(index));
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(module.getContext(), "entry", kernel));
  for (size_t part : layout.stage_parts[index]) {
    llvm::Function* fn = PartFunction(module, layout.parts[part].name);
    b.CreateCall(fn, {kernel->getArg(0), kernel->getArg(1), kernel->getArg(2)});
  }
  b.CreateRetVoid();
}

}  // namespace

std::string KernelName(size_t stage) { return "segc_stage_" + std::to_string(stage); }

ModuleLayout LayoutProgram(const plan::PhysicalPlan& program) {
  ModuleLayout layout;
  std::vector<bool> counted(program.graph.nodes.size(), false);
  for (size_t index = 0; index < program.stages.size(); ++index) {
    const plan::Stage& stage = program.stages[index];
    std::vector<size_t>& parts = layout.stage_parts.emplace_back();
    auto add = [&](PartSpec part) {
      part.name = KernelName(index) + ".part" + std::to_string(parts.size());
      parts.push_back(layout.parts.size());
      layout.parts.push_back(std::move(part));
    };
    if (stage.stores.size() <= kStoresPerPart) {
      add(PartSpec{"", stage, {}});  // as planned, including every node's overflow flag
      continue;
    }
    std::unordered_map<ir::ValueId, uint32_t> stored;  // by the parts so far
    for (size_t first = 0; first < stage.stores.size(); first += kStoresPerPart) {
      size_t last = std::min(stage.stores.size(), first + kStoresPerPart);
      std::vector<plan::Store> stores(stage.stores.begin() + first, stage.stores.begin() + last);
      add(Part(program, stage, stores, counted, stored));
      for (const plan::Store& store : stores) stored.emplace(store.value, store.slot);
    }
  }
  return layout;
}

std::vector<std::vector<size_t>> AssignParts(const ModuleLayout& layout, size_t units) {
  // Longest part first onto the least loaded unit; the cost of a part is about its node count.
  std::vector<size_t> order(layout.parts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return layout.parts[a].stage.nodes.size() > layout.parts[b].stage.nodes.size();
  });
  units = std::max<size_t>(1, std::min(units, layout.parts.size()));
  std::vector<std::vector<size_t>> assignment(units);
  std::vector<size_t> load(units, 0);
  for (size_t part : order) {
    size_t unit = size_t(std::min_element(load.begin(), load.end()) - load.begin());
    assignment[unit].push_back(part);
    load[unit] += layout.parts[part].stage.nodes.size() + 1;
  }
  for (std::vector<size_t>& parts : assignment) std::sort(parts.begin(), parts.end());
  return assignment;
}

Result<std::unique_ptr<llvm::Module>> BuildUnit(llvm::LLVMContext& context,
                                                const plan::PhysicalPlan& program,
                                                const ModuleLayout& layout,
                                                const std::vector<size_t>& parts, bool with_kernels,
                                                const llvm::TargetMachine& machine) {
  auto module = std::make_unique<llvm::Module>("segc_program", context);
  module->setDataLayout(machine.createDataLayout());
  module->setTargetTriple(machine.getTargetTriple().str());
  for (size_t part : parts) {
    llvm::Function* fn = PartFunction(*module, layout.parts[part].name);
    SEGC_RETURN_IF_ERROR(EmitLoopFunction(fn, program, layout.parts[part]));
  }
  if (with_kernels) {
    for (size_t i = 0; i < program.stages.size(); ++i) EmitKernel(*module, layout, i);
  }
  return module;
}

}  // namespace segc::codegen::detail
