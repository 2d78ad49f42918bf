// Emitters for scalar builtins (ir::Op::kCall), dispatched through a table expanded from the `jit`
// column of stdlib/builtins.def: dates, abs/round/floor/ceil, min/max/clamp.
#include "compiler/codegen/detail/emit_context.h"
#include "compiler/codegen/detail/emit_helpers.h"
#include "compiler/codegen/jit.h"
#include "compiler/ir/split_hash.h"
#include "stdlib/builtins.h"

namespace segc::codegen::detail {
namespace builtin {

/// Emits one call for the current row. `args` are the IR arguments (an implicit as_of last);
/// the result is null where any argument is (kNullIfAnyNull), or on a counted overflow.
using Emitter = Lane (*)(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args);

namespace {

bool IsFloat(llvm::Value* v) { return v->getType()->isDoubleTy(); }

// Converts an int lane to the node's float type where numbers mix (min(1, 2.5)).
llvm::Value* AsType(EmitContext& ctx, llvm::Value* v, llvm::Type* type) {
  if (v->getType() == type) return v;
  if (type->isDoubleTy()) return ctx.b.CreateSIToFP(v, type);
  return ctx.b.CreateSExtOrTrunc(v, type);
}

// std::min(a, b) is (b < a) ? b : a and std::max(a, b) is (a < b) ? b : a; the same operand
// order keeps -0.0 vs 0.0 identical to the interpreter.
llvm::Value* MinMax(EmitContext& ctx, bool is_min, llvm::Value* a, llvm::Value* b) {
  llvm::Value* lhs = is_min ? b : a;
  llvm::Value* rhs = is_min ? a : b;
  llvm::Value* less = IsFloat(a) ? ctx.b.CreateFCmpOLT(lhs, rhs) : ctx.b.CreateICmpSLT(lhs, rhs);
  return ctx.b.CreateSelect(less, b, a);
}

Lane Extreme(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args, bool is_min) {
  llvm::Type* type = ctx.ValueType(node.type);
  llvm::Value* result = AsType(ctx, args[0].value, type);
  for (size_t i = 1; i < args.size(); ++i) {
    result = MinMax(ctx, is_min, result, AsType(ctx, args[i].value, type));
  }
  return Lane{result, ctx.AllValid(args)};
}

Lane EmitMin(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  return Extreme(ctx, node, args, true);
}

Lane EmitMax(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  return Extreme(ctx, node, args, false);
}

Lane EmitClamp(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  llvm::Type* type = ctx.ValueType(node.type);
  llvm::Value* x = AsType(ctx, args[0].value, type);
  llvm::Value* raised = MinMax(ctx, false, x, AsType(ctx, args[1].value, type));
  return Lane{MinMax(ctx, true, raised, AsType(ctx, args[2].value, type)), ctx.AllValid(args)};
}

Lane EmitAbs(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  llvm::IRBuilder<>& b = ctx.b;
  const Lane& x = args[0];
  if (IsFloat(x.value)) {
    return Lane{b.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, x.value), x.valid};
  }
  llvm::Value* negative = b.CreateICmpSLT(x.value, b.getInt64(0));
  llvm::Value* value = b.CreateSelect(negative, b.CreateNeg(x.value), x.value);
  llvm::Value* overflow = b.CreateICmpEQ(x.value, b.getInt64(INT64_MIN));
  return Checked(ctx, value, x.valid, overflow);
}

// A private constant table {10^0, ..., 10^18}, one per module.
llvm::GlobalVariable* Pow10Table(EmitContext& ctx) {
  if (llvm::GlobalVariable* existing = ctx.module.getNamedGlobal("segc_pow10")) return existing;
  std::vector<llvm::Constant*> powers;
  int64_t power = 1;
  for (int i = 0; i <= 18; ++i) {
    powers.push_back(ctx.b.getInt64(power));
    if (i < 18) power *= 10;
  }
  auto* type = llvm::ArrayType::get(ctx.b.getInt64Ty(), powers.size());
  return ConstantGlobal(ctx, "segc_pow10", llvm::ConstantArray::get(type, powers));
}

// round(int x, digits): digits >= 0 keeps x; otherwise half away from zero to a multiple of
// 10^-digits (0 below -18, since |x| < 0.5 * 10^19).
Lane RoundInt(EmitContext& ctx, const Lane& x, const Lane& digits) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::GlobalVariable* table = Pow10Table(ctx);
  llvm::Type* table_type = table->getValueType();
  llvm::Value* d = digits.value;
  llvm::Value* keep = b.CreateICmpSGE(d, b.getInt64(0));
  llvm::Value* vanish = b.CreateICmpSLT(d, b.getInt64(-18));
  llvm::Value* index = b.CreateSelect(b.CreateOr(keep, vanish), b.getInt64(1), b.CreateNeg(d));
  llvm::Value* scale =
      b.CreateLoad(b.getInt64Ty(), b.CreateInBoundsGEP(table_type, table, {b.getInt64(0), index}));
  llvm::Value* rem = b.CreateSRem(x.value, scale);
  llvm::Value* half = b.CreateSDiv(scale, b.getInt64(2));
  llvm::Value* adjust = b.CreateSelect(
      b.CreateICmpSGE(rem, half), scale,
      b.CreateSelect(b.CreateICmpSLE(rem, b.CreateNeg(half)), b.CreateNeg(scale), b.getInt64(0)));
  llvm::Value* pair = b.CreateBinaryIntrinsic(llvm::Intrinsic::sadd_with_overflow,
                                              b.CreateSub(x.value, rem), adjust);
  llvm::Value* rounded = b.CreateExtractValue(pair, 0);
  llvm::Value* overflow =
      b.CreateAnd(b.CreateNot(b.CreateOr(keep, vanish)), b.CreateExtractValue(pair, 1));
  llvm::Value* value =
      b.CreateSelect(keep, x.value, b.CreateSelect(vanish, b.getInt64(0), rounded));
  return Checked(ctx, value, b.CreateAnd(x.valid, digits.valid), overflow);
}

Lane EmitRound(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  const Lane& x = args[0];
  if (!IsFloat(x.value)) return args.size() == 1 ? x : RoundInt(ctx, x, args[1]);
  if (args.size() == 1) {
    return Lane{ctx.b.CreateUnaryIntrinsic(llvm::Intrinsic::round, x.value), x.valid};
  }
  llvm::Value* value =
      CallHelper(ctx, "segc_rt_round_f64", ctx.b.getDoubleTy(), {x.value, args[1].value});
  return CheckedFloat(ctx, value, ctx.AllValid(args));
}

Lane FloorCeil(EmitContext& ctx, llvm::Intrinsic::ID id, const Lane& x) {
  if (!IsFloat(x.value)) return x;
  return Lane{ctx.b.CreateUnaryIntrinsic(id, x.value), x.valid};
}

Lane EmitFloor(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return FloorCeil(ctx, llvm::Intrinsic::floor, args[0]);
}

Lane EmitCeil(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return FloorCeil(ctx, llvm::Intrinsic::ceil, args[0]);
}

// ISO weekday from days since 1970-01-01 (a Thursday): floor-mod of days + 3, plus 1.
Lane EmitWeekday(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  llvm::IRBuilder<>& b = ctx.b;
  const Lane& d = args[0];
  llvm::Value* since_monday = b.CreateAdd(b.CreateSExt(d.value, b.getInt64Ty()), b.getInt64(3));
  llvm::Value* rem = b.CreateSRem(since_monday, b.getInt64(7));
  llvm::Value* wrapped =
      b.CreateSelect(b.CreateICmpSLT(rem, b.getInt64(0)), b.CreateAdd(rem, b.getInt64(7)), rem);
  return Lane{b.CreateAdd(wrapped, b.getInt64(1)), d.valid};
}

// A date function computed by a runtime helper (runtime_helpers.h) over the IR's i32 date
// arguments, the implicit as_of included.
Lane DateHelper(EmitContext& ctx, const char* helper, const std::vector<Lane>& args) {
  llvm::Value* value =
      args.size() == 1
          ? CallHelper(ctx, helper, ctx.b.getInt64Ty(), {args[0].value})
          : CallHelper(ctx, helper, ctx.b.getInt64Ty(), {args[0].value, args[1].value});
  return Lane{value, ctx.AllValid(args)};
}

Lane EmitYear(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return DateHelper(ctx, "segc_rt_year", args);
}

Lane EmitMonth(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return DateHelper(ctx, "segc_rt_month", args);
}

Lane EmitYearsSince(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return DateHelper(ctx, "segc_rt_years_since", args);
}

Lane EmitMonthsSince(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  return DateHelper(ctx, "segc_rt_months_since", args);
}

// days_since(d, as_of) = as_of - d; both are i32 days, so the i64 difference never overflows.
Lane EmitDaysSince(EmitContext& ctx, const ir::Node&, const std::vector<Lane>& args) {
  llvm::IRBuilder<>& b = ctx.b;
  llvm::Value* d = b.CreateSExt(args[0].value, b.getInt64Ty());
  llvm::Value* as_of = b.CreateSExt(args[1].value, b.getInt64Ty());
  return Lane{b.CreateSub(as_of, d), ctx.AllValid(args)};
}

// A split's bucket (compiler/ir/split_hash.h) for an int key: the salt is constant, so it becomes
// a byte array of the kernel's module and the runtime helper hashes `salt:key`. String keys
// never get here: the planner evaluates them once per dictionary entry.
Lane EmitSplitBucket(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  llvm::IRBuilder<>& b = ctx.b;
  std::vector<int64_t> words;
  for (size_t i = 2; i < node.args.size(); ++i) {
    words.push_back(ctx.program.node(node.args[i]).payload.i);
  }
  std::string salt = ir::UnpackSalt(words.data(), words.size());
  std::vector<uint8_t> bytes(salt.begin(), salt.end());
  bytes.push_back(0);  // an empty salt still gets a (one-byte) array
  llvm::Constant* table =
      ConstantGlobal(ctx, "segc_split_salt_" + std::to_string(ctx.module.global_size()),
                     llvm::ConstantDataArray::get(ctx.ctx, llvm::ArrayRef(bytes)));
  llvm::Value* bucket =
      CallHelper(ctx, "segc_rt_split_bucket", b.getInt64Ty(),
                 {b.CreateSExt(args[0].value, b.getInt64Ty()), table, b.getInt64(salt.size())},
                 HelperMemory::kReadsConstants);
  return Lane{bucket, args[0].valid};
}

}  // namespace

/// By BuiltinId: the emitter of a kCall row, nullptr for rows the JIT never sees as a call
/// (kPerEntry strings are evaluated per dictionary entry by the interpreter; coalesce and the
/// statistics are other IR ops). A row naming an emitter that is not defined above does not
/// compile.
constexpr Emitter kEmitters[] = {
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, lowering, implicit, interp, \
                     jit)                                                                        \
  jit,
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
};
static_assert(std::size(kEmitters) == stdlib::kBuiltinCount);

}  // namespace builtin

Result<Lane> EmitCall(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args) {
  size_t index = node.payload.index;
  if (index >= std::size(builtin::kEmitters) || builtin::kEmitters[index] == nullptr) {
    return Status::Internal("jit: builtin #" + std::to_string(index) +
                            " is not a planned scalar builtin");
  }
  const stdlib::BuiltinInfo& info = stdlib::AllBuiltins()[index];
  if (args.size() < size_t(info.min_args) + stdlib::ImplicitArgs(info)) {
    return Status::Internal("jit: builtin call with too few arguments");
  }
  return builtin::kEmitters[index](ctx, node, args);
}

}  // namespace segc::codegen::detail

namespace segc::codegen {

bool JitImplements(stdlib::BuiltinId id) {
  size_t index = static_cast<size_t>(id);
  return index < std::size(detail::builtin::kEmitters) &&
         detail::builtin::kEmitters[index] != nullptr;
}

}  // namespace segc::codegen
