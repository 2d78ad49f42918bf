// Test harness: hand-built IR programs, compiled by the JIT and run over small in-memory columns.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/ir/builder.h"
#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "segc/kernel_abi.h"

namespace segc::codegen::testing {

using Ints = std::vector<std::optional<int64_t>>;
using Floats = std::vector<std::optional<double>>;
using Dates = std::vector<std::optional<int32_t>>;
using Bools = std::vector<std::optional<bool>>;
/// Shorthands for test data: a null entry, and the int64 extremes (overflow cases).
constexpr std::nullopt_t N = std::nullopt;
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

/// Owns a physical plan under construction, its input data, and after Run() the outputs. Stores are
/// collected into the current stage; FinishStage() closes it (every reachable node, in order).
class KernelHarness {
 public:
  KernelHarness() : builder_(program_.graph) {}

  ir::Builder& b() { return builder_; }
  plan::PhysicalPlan& program() { return program_; }

  /// Input columns; a column without nulls gets a NULL validity pointer (all valid).
  ir::ValueId IntColumn(const Ints& values);
  ir::ValueId FloatColumn(const Floats& values);
  ir::ValueId DateColumn(const Dates& values);
  ir::ValueId BoolColumn(const Bools& values);
  /// A string column given as dictionary codes.
  ir::ValueId CodeColumn(const Dates& codes);
  /// A float or int statistic (nullopt = null statistic).
  ir::ValueId FloatStat(std::optional<double> value);
  ir::ValueId IntStat(std::optional<int64_t> value);
  /// A derived int column (e.g. ntile).
  ir::ValueId IntDerived(const Ints& values);
  /// A dictionary lookup on `code_column` with one int value per dictionary entry, followed by
  /// the entry for null codes.
  ir::ValueId IntDict(ir::ValueId code_column, const Ints& entries);
  ir::ValueId BoolDict(ir::ValueId code_column, const Bools& entries);

  /// Stores `value` into a new output slot of the current stage; returns the slot.
  uint32_t Output(ir::ValueId value, bool nullable = true);
  /// Closes the current stage; `count_overflow` sets every node's overflow flag.
  void FinishStage(bool count_overflow = true);
  /// Number of rows when the program has no input column.
  void set_rows(int64_t rows) { rows_ = rows; }
  int64_t rows() const { return rows_; }

  /// Closes the open stage (if any), adds the (empty) schedules and compiles the plan.
  Status Compile(const CodegenOptions& options = {});
  /// Runs every stage over all rows in morsels of `morsel` rows (a multiple of 64).
  /// `threads` threads take morsels round-robin, each with its own overflow counter.
  void Run(int64_t morsel = 1 << 20, int threads = 1);
  const CompiledProgram& compiled() const { return *compiled_; }

  int64_t overflow() const { return overflow_; }
  Ints IntResult(uint32_t slot) const;
  Floats FloatResult(uint32_t slot) const;
  Dates DateResult(uint32_t slot) const;
  Bools BoolResult(uint32_t slot) const;
  /// The stored bits of a float slot's value at `row`, whether valid or not.
  uint64_t RawFloatBits(uint32_t slot, int64_t row) const;
  /// The raw bitmap words of a bool slot (values), including bits past the last row.
  std::vector<uint64_t> BitmapWords(uint32_t slot) const;

 private:
  struct Buffer {
    std::vector<uint8_t> values;
    std::vector<uint8_t> validity;
    bool has_validity = false;
  };
  ir::ValueId AddInput(ir::Type type, Buffer buffer, size_t rows);
  Buffer& OutputBuffer(uint32_t slot) const;
  bool Valid(const Buffer& buffer, int64_t row) const;

  plan::PhysicalPlan program_;
  ir::Builder builder_;
  int64_t rows_ = 0;
  std::vector<Buffer> inputs_;
  std::vector<Buffer> derived_;
  std::vector<segc_stat_value> stats_;
  std::vector<std::vector<uint8_t>> dict_values_;
  std::vector<std::vector<uint8_t>> dict_valid_;
  plan::Stage stage_;
  std::unique_ptr<CompiledProgram> compiled_;
  mutable std::vector<Buffer> outputs_;
  int64_t overflow_ = 0;
};

}  // namespace segc::codegen::testing
