// The physical plan: how the engine evaluates a logical program (compiler/ir/ir.h) — the
// expression graph the kernels compute, per-dictionary-entry tables for string predicates,
// passes over the rows (stages), the buffers they write (slots), and when each population
// statistic is computed. The language's meaning lives in the logical ir::Program; everything
// here is the engine's business, made by plan::Plan and read by the backends (interpreter, JIT)
// and the executor (through plan::MakeExecProgram).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"

namespace segc::plan {

/// A per-dictionary-entry table. `root` is a node of the graph whose only row input is the
/// kColumn `column_node`; it is evaluated once per dictionary entry (and once with the column
/// null, stored last), and each kDictLookup node reads the entry of the row's code.
///
/// A rank table (`partner_column` set) compares two string columns: its kInt entries are each
/// string's rank in the sorted union of both columns' dictionaries (its partner has the same
/// union), so comparing ranks compares the strings by bytes. Its `root` is `column_node`, and
/// the executor builds it from the two dictionaries instead of evaluating the root.
struct DictTable {
  ir::ValueId column_node = ir::kNoValue;  ///< the kColumn node (type kString)
  ir::ValueId root = ir::kNoValue;  ///< evaluated per entry; kString typed only in rank tables
  ir::Type type = ir::Type::kBool;
  ir::ValueId partner_column = ir::kNoValue;  ///< rank tables: the other kColumn node
};

/// A writable kernel buffer (segment bitmap, score, label, or a materialized statistic input).
struct Slot {
  ir::Type type = ir::Type::kBool;
  bool nullable = false;  ///< a validity bitmap is written iff nullable
  uint32_t table = 0;     ///< as ir::Input::table: one entry per row of that table
};

/// One write of a stage: node `value` into output slot `slot`.
struct Store {
  ir::ValueId value = ir::kNoValue;
  uint32_t slot = 0;
};

/// One pass over all rows. Stage s runs after the statistics and derived columns scheduled at
/// stage <= s are computed; it reads inputs, those values and dictionary tables, and writes its
/// stores.
struct Stage {
  /// Every node the stores need, topological order. kString appears only as the kColumn
  /// argument of a kDictLookup (backends read its code and validity, nothing else).
  std::vector<ir::ValueId> nodes;
  /// Parallel to `nodes`: 1 when this stage counts the node's overflows (each node is counted
  /// in exactly one stage, so recomputation in a later stage does not double-count).
  std::vector<uint8_t> count_overflow;
  std::vector<Store> stores;
  /// The rows it runs over, as ir::Input::table: event stages (filters and values of the
  /// aggregates over one event table) come first, then the customer stages.
  uint32_t table = 0;
};

/// How an aggregate is computed: after the event stages, from its value and filter (each an
/// event column, or the slot an event stage wrote), into the computed input `input`.
struct AggregateStep {
  int32_t filter_slot = -1;  ///< -1: no filter, or the filter is an event column
  int32_t value_slot = -1;   ///< -1: no value, or the value is an event column
  uint32_t input = 0;        ///< the graph input (Input::aggregate) that holds the result
};

/// When a statistic or derived column is computed, and from what.
struct Schedule {
  uint32_t stage = 0;        ///< computed before this stage runs
  int32_t source_slot = -1;  ///< slot materializing the input; -1: the input is a kColumn
};

/// A planned program.
///
/// `graph` is the logical program rewritten for the engine, in the IR's vocabulary plus the two
/// forms only the planner makes: kDictLookup nodes (Payload::index = `dicts` index) in place of
/// string subtrees, and kScalar statistics in place of row-invariant expressions over run inputs.
/// Contract for backends: no node of `graph` a stage lists has type kString except kColumn nodes
/// that are the argument of a kDictLookup, and no kCall of a per-entry (string) builtin. A
/// backend evaluates, for each Stage, the nodes of Stage::nodes for every row of a morsel and
/// writes each Store into the kernel's output slot (runtime/include/segc/kernel_abi.h).
struct PhysicalPlan {
  ir::Program graph;
  std::vector<DictTable> dicts;
  std::vector<Slot> slots;
  std::vector<Stage> stages;
  std::vector<Schedule> stat_schedule;         ///< by graph.stats index
  std::vector<Schedule> derived_schedule;      ///< by graph.derived index
  std::vector<uint32_t> output_slots;          ///< by graph.outputs index
  std::vector<AggregateStep> aggregate_steps;  ///< by graph.aggregates index

  const ir::Node& node(ir::ValueId id) const { return graph.nodes[id]; }
  /// Stable 64-bit hash of the printed plan, for compiled-kernel caches. Run input values are
  /// not part of it.
  uint64_t Hash() const;
};

/// Text form: the graph as ir::Print shows it, then the plan (dictionary tables, schedules,
/// slots, stages, output slots). Used by --dump-ir, golden tests and Hash.
std::string Print(const PhysicalPlan& plan);

}  // namespace segc::plan
