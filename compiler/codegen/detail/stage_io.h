// How a stage kernel reaches its memory: the segc_kernel_args fields, 64-row bit words, and the
// per-word private buffers that outputs are staged in before being written out.
#pragma once

#include <vector>

#include "compiler/codegen/detail/emit_context.h"

namespace segc::codegen::detail {

/// Pointers of one output slot (entry block) and its private 64-row staging buffers.
struct OutputAccess {
  uint32_t slot = 0;
  ir::Type type = ir::Type::kBool;
  bool nullable = false;
  llvm::Value* values = nullptr;             ///< output values (bitmap for bool)
  llvm::Value* validity = nullptr;           ///< output validity bitmap, if nullable
  llvm::AllocaInst* value_buffer = nullptr;  ///< [64 x T] (bool: [64 x i8] of 0/1)
  llvm::AllocaInst* valid_buffer = nullptr;  ///< [64 x i8] of 0/1, if nullable
};

/// Loads, in the entry block, every pointer and statistic the stage's leaves use, into
/// ctx.inputs / derived / stats / dicts. `args` is the kernel's segc_kernel_args pointer.
Status PrepareLeaves(EmitContext& ctx, const plan::Stage& stage, llvm::Value* args);

/// Loads this word's validity and bool value bits of every prepared column (outer loop).
/// Hoists the output columns of `reads` (value, slot: stored by an earlier part of the stage)
/// into ctx.slot_reads, so those values are read like columns.
void PrepareSlotReads(EmitContext& ctx, const std::vector<std::pair<ir::ValueId, uint32_t>>& reads,
                      llvm::Value* args);

void LoadColumnWords(EmitContext& ctx, llvm::Value* base, llvm::Value* count);

/// Output pointers and zeroed staging buffers of every store of the stage (entry block).
std::vector<OutputAccess> PrepareOutputs(EmitContext& ctx, const plan::Stage& stage,
                                         llvm::Value* args);

/// Writes row `ctx.lane` of a store into its staging buffers (inner loop).
void StageRow(EmitContext& ctx, const OutputAccess& output, const Lane& lane);

/// Copies the staged word of `count` rows starting at `base` to the output (outer loop): bool
/// values and validity become one 64-bit bitmap word with the bits past `count` cleared.
void FlushWord(EmitContext& ctx, const OutputAccess& output, llvm::Value* base, llvm::Value* count);

/// Loads a byte pointer field of a C struct at `base` + `offset`.
llvm::Value* LoadPointer(EmitContext& ctx, llvm::Value* base, size_t offset);

}  // namespace segc::codegen::detail
