// State shared by the per-node emitters while one stage kernel is built.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "compiler/codegen/llvm_includes.h"
#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// One IR value for the current row: its value lane and its validity lane (i1, true = valid).
/// Value lanes: bool i1, int i64, float double, date/string/label i32.
struct Lane {
  llvm::Value* value = nullptr;
  llvm::Value* valid = nullptr;
};

/// A column the kernel reads row by row (input or derived column), hoisted out of the loops.
struct ColumnAccess {
  llvm::Value* values = nullptr;      ///< element pointer (entry block)
  llvm::Value* validity = nullptr;    ///< bitmap pointer, possibly null at run time (entry block)
  llvm::Value* valid_word = nullptr;  ///< this word's validity bits (outer loop), if nullable
  llvm::Value* value_word = nullptr;  ///< this word's value bits (outer loop), bool columns only
};

/// A dictionary lookup table (segc_dict_table), hoisted into the entry block.
struct DictAccess {
  llvm::Value* values = nullptr;
  llvm::Value* valid = nullptr;
  llvm::Value* null_entry = nullptr;  ///< i64 size - 1: the entry for a null code
};

/// The emitters' view of the kernel under construction.
struct EmitContext {
  EmitContext(llvm::LLVMContext& c, llvm::Module& m, const plan::PhysicalPlan& p)
      : ctx(c), module(m), b(c), program(p), lanes(p.graph.nodes.size()) {}

  llvm::LLVMContext& ctx;
  llvm::Module& module;
  llvm::IRBuilder<> b;
  const plan::PhysicalPlan& program;

  llvm::Value* row = nullptr;   ///< i64 row number of the current row
  llvm::Value* lane = nullptr;  ///< i64 position of the row in its 64-row word
  std::unordered_map<uint32_t, ColumnAccess> inputs;
  std::unordered_map<uint32_t, ColumnAccess> derived;
  /// By ValueId: values stored by an earlier part of the stage, read from their output slot.
  std::unordered_map<uint32_t, ColumnAccess> slot_reads;
  std::unordered_map<uint32_t, Lane> stats;
  std::unordered_map<uint32_t, DictAccess> dicts;
  std::vector<Lane> lanes;  ///< by ValueId; set once a node is emitted in this stage

  llvm::Value* overflow = nullptr;  ///< i64 running count of this row loop
  bool count_overflow = false;      ///< whether the node being emitted counts its overflows
  /// By kernel function: the i8 stack slot of SegmentChain, created on first use.
  std::unordered_map<llvm::Function*, llvm::AllocaInst*> chain_slots;
  /// FloatConstant's state for the function being emitted.
  std::unordered_map<uint64_t, uint32_t> float_immediates;   ///< by bit pattern
  std::unordered_map<uint64_t, uint32_t> float_table_index;  ///< by bit pattern
  std::vector<double> float_table;
  llvm::LoadInst* float_table_base = nullptr;  ///< opaque pointer to the table (entry block)

  /// Adds `happened` (i1) to the overflow count when the current node counts overflows.
  void CountOverflow(llvm::Value* happened);
  /// The lane of an argument; its node must have been emitted earlier in the stage.
  Result<Lane> Arg(ir::ValueId id) const;
  /// i1 AND of the validity lanes (folds constant `true` lanes away).
  llvm::Value* AllValid(const std::vector<Lane>& lanes);
  /// `chain` (an i1 being folded over many terms) unchanged, but every kTermsPerSegment-th
  /// term it passes through a volatile stack slot: see the definition.
  llvm::Value* SegmentChain(llvm::Value* chain, size_t terms_so_far);
  static constexpr size_t kTermsPerSegment = 64;
  /// A float constant of the rules: an immediate for the first kImmediateFloats distinct
  /// values of the function, then a load from the function's constant table (see definition).
  llvm::Value* FloatConstant(double value);
  static constexpr size_t kImmediateFloats = 256;
  /// Gives the constant table its contents once the function's body is emitted.
  void FinishConstantTable();
  /// The LLVM value type of an IR type.
  llvm::Type* ValueType(ir::Type type);
  llvm::Value* True() { return b.getTrue(); }
  llvm::Value* False() { return b.getFalse(); }
};

/// Emitters by node family; each returns the node's lane for the current row.
Result<Lane> EmitLeaf(EmitContext& ctx, const ir::Node& node);
/// The value `id`, stored by an earlier part of the stage, read from its slot (ctx.slot_reads).
Result<Lane> EmitSlotRead(EmitContext& ctx, const ir::Node& node, ir::ValueId id);
Result<Lane> EmitArithmetic(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args);
Result<Lane> EmitLogic(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args);
/// An OR of `x == constant` over one x and many constants as a search in a sorted constant
/// table (emit_membership.cc); nullopt when `node` is not such a test.
std::optional<Result<Lane>> EmitMembershipTest(EmitContext& ctx, const ir::Node& node);
Result<Lane> EmitCall(EmitContext& ctx, const ir::Node& node, const std::vector<Lane>& args);

/// Values at null positions are replaced by zero so stored bits never depend on garbage.
llvm::Value* ZeroIfNull(EmitContext& ctx, const Lane& lane);

}  // namespace segc::codegen::detail
