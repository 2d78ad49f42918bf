// The emitter's internal state (compiler/sql only): which IR nodes become columns of which
// common table expression, and the SQL text of each node.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/sql/dialect.h"
#include "compiler/sql/emit.h"

namespace segc::sql::detail {

/// The name of the customer table with a row number column ("segc#row"), read by layer 0.
inline constexpr const char* kRowColumn = "segc#row";

/// A named intermediate result: a common table expression, or a temporary table in dialects
/// without WITH name AS (query).
struct Cte {
  std::string name;  ///< quoted
  std::string body;  ///< a SELECT
  bool materialized = false;
};

class Emitter {
 public:
  Emitter(const ir::Program& p, const Dialect& d, const EmitOptions& o) : p_(p), d_(d), o_(o) {}
  EmitResult Run();

 private:
  // ---- analysis (emit.cc) ----
  std::optional<Refusal> Analyze();
  void MarkUsed();
  void CountUses();
  bool IsLeaf(ir::ValueId id) const;
  bool MultiUse(const ir::Node& node) const;
  bool CountsOverflow(ir::ValueId id) const;
  bool OverflowOp(ir::ValueId id) const;
  std::vector<uint8_t> MarkPerRow(const std::vector<ir::ValueId>& roots) const;
  void AssignLayers();
  // ---- text (emit.cc) ----
  std::string Ref(ir::ValueId id) const;
  std::vector<Cte> Layers() const;
  void StatCtes(int source, std::vector<Cte>& out) const;
  std::string With(const std::vector<Cte>& ctes) const;
  std::string RowSelect(bool internal) const;
  std::string SummarySelect(bool with_scores) const;
  std::string StatisticsSelect(std::vector<StatisticColumn>& columns) const;
  std::string OverflowSum() const;
  std::string Source(int layer) const;
  // ---- nodes (expr.cc) ----
  std::optional<Refusal> CheckNode(ir::ValueId id) const;
  std::string NodeSql(ir::ValueId id) const;
  std::string Const(ir::Type type, const ir::Payload& value) const;
  std::string Arith(const ir::Node& node) const;
  std::string FloatArith(ir::Op op, const std::string& a, const std::string& b) const;
  std::string IntArith(ir::Op op, const std::string& a, const std::string& b) const;
  std::string Cast(const ir::Node& node) const;
  std::string Compare(const ir::Node& node) const;
  std::string Call(const ir::Node& node) const;
  std::string Round(const ir::Node& node) const;
  std::string SplitBucket(const ir::Node& node) const;
  std::string MonthsSince(const std::string& d, const std::string& as_of) const;
  std::string OverflowFlag(ir::ValueId id) const;
  // ---- event aggregates (events.cc) ----
  bool HasAggregates() const;
  void EventCtes(std::vector<Cte>& out) const;
  std::string GroupCte(uint32_t table) const;
  bool IntSum(uint32_t aggregate) const;
  std::string RunningSums(uint32_t table) const;
  std::string AggregateSql(uint32_t aggregate, std::string* count) const;
  std::string JoinedAggregate(uint32_t aggregate, const std::string& group,
                              std::string* overflow) const;
  std::string EventTableName(uint32_t table) const;
  std::string EventCheck(uint32_t table) const;
  std::string EventOverflows(uint32_t table) const;
  std::string EventSql(ir::ValueId id) const;
  std::optional<Refusal> CheckEventNodes() const;
  // ---- statistics (stats.cc) ----
  void StatCte(uint32_t stat, std::vector<Cte>& out) const;
  void WideIntPercentile(uint32_t stat, std::vector<Cte>& out) const;
  std::optional<Cte> DerivedCte(uint32_t derived) const;
  std::string DerivedSql(const ir::Node& node) const;
  std::string AsDouble(ir::ValueId id) const;
  std::string Percentile(double q, ir::ValueId input) const;
  std::string Extreme(uint32_t stat) const;
  std::string ExactIntMean(uint32_t stat) const;
  std::string ExactIntStddev(uint32_t stat) const;
  std::string StatRef(uint32_t stat) const;

  std::string TypeName(ir::Type type) const { return d_.TypeName(type); }
  std::string Float(double value) const { return d_.Float(value); }
  std::string Int(int64_t value) const { return d_.Int(value); }

  const ir::Program& p_;
  const Dialect& d_;
  const EmitOptions& o_;
  std::vector<uint8_t> used_;            ///< reachable from an output
  std::vector<uint8_t> aggregate_used_;  ///< by Program::aggregates: reachable from an output
  /// Set while writing an expression over an event table's columns: every node inline (the
  /// customer layers' columns do not exist there).
  mutable bool event_scope_ = false;
  std::vector<uint32_t> uses_;         ///< textual references by other nodes and outputs
  std::vector<uint8_t> materialized_;  ///< a column "segc#N" of layer layer_[N]
  std::vector<int> layer_;             ///< materialized: the layer computing it
  std::vector<int> avail_;             ///< the first layer whose SELECT may reference it
  std::vector<uint8_t> row_dependent_;
  std::vector<uint8_t> per_row_;  ///< evaluated (and its overflows counted) on every row
  std::vector<int32_t>
      string_column_;                ///< the one string column a subtree reads; -1 none, -2 other
  std::vector<int> stat_source_;     ///< by stat: the layer whose input rows it reads
  std::vector<int> derived_source_;  ///< by derived: likewise
  int layers_ = 0;
};

}  // namespace segc::sql::detail
