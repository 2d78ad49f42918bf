// Stages: when each statistic and derived column is computed, what each pass materializes, and
// which nodes each pass evaluates.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "compiler/plan/dict_rewrite.h"
#include "compiler/plan/plan.h"
#include "compiler/plan/stat_names.h"
#include "segc/check.h"

namespace segc::plan {

namespace {

using ir::Op;
using ir::ValueId;

class Stager {
 public:
  explicit Stager(PhysicalPlan& p) : p_(p), g_(p.graph) {}

  void Run();

 private:
  void AggregatesAsInputs();
  void EventStages();
  uint32_t Depth(ValueId id) const { return depth_[id]; }
  void ComputeDepths();
  int32_t Materialize(ValueId input, uint32_t stage);
  void FillNodes();

  PhysicalPlan& p_;
  const ir::Program& g_;         ///< p_.graph
  std::vector<uint32_t> depth_;  ///< first stage whose kernel can evaluate the node
  std::unordered_map<ValueId, int32_t> materialized_;
};

/// A stat/derived over a plain column is computed from the table before stage 0; over any other
/// expression, after the stage that materializes the expression.
void Stager::ComputeDepths() {
  depth_.assign(g_.nodes.size(), 0);
  p_.stat_schedule.assign(g_.stats.size(), {});
  p_.derived_schedule.assign(g_.derived.size(), {});
  for (ValueId id = 0; id < g_.nodes.size(); ++id) {
    const ir::Node& node = g_.nodes[id];
    uint32_t depth = 0;
    for (ValueId arg : node.args) depth = std::max(depth, depth_[arg]);
    ValueId input = ir::kNoValue;
    if (node.op == Op::kStat) input = g_.stats[node.payload.index].input;
    if (node.op == Op::kDerived) input = g_.derived[node.payload.index].input;
    bool scalar =
        node.op == Op::kStat && g_.stats[node.payload.index].kind == ir::StatKind::kScalar;
    if (input != ir::kNoValue && !scalar) {
      SEGC_CHECK(input < id);
      bool direct = g_.nodes[input].op == Op::kColumn;
      depth = direct ? 0 : depth_[input] + 1;
      Schedule& schedule = node.op == Op::kStat ? p_.stat_schedule[node.payload.index]
                                                : p_.derived_schedule[node.payload.index];
      schedule.stage = depth;
    }
    depth_[id] = depth;
  }
}

int32_t Stager::Materialize(ValueId input, uint32_t stage) {
  if (g_.nodes[input].op == Op::kColumn) return -1;
  if (auto it = materialized_.find(input); it != materialized_.end()) return it->second;
  auto slot = int32_t(p_.slots.size());
  p_.slots.push_back({g_.nodes[input].type, g_.nodes[input].nullable});
  p_.stages[stage].stores.push_back({input, uint32_t(slot)});
  materialized_.emplace(input, slot);
  return slot;
}

void Stager::FillNodes() {
  std::vector<uint8_t> counted(g_.nodes.size(), 0);
  for (Stage& stage : p_.stages) {
    std::vector<uint8_t> use(g_.nodes.size(), 0);
    for (const Store& store : stage.stores) use[store.value] = 1;
    for (ValueId id = ValueId(g_.nodes.size()); id-- > 0;) {
      if (!use[id]) continue;
      for (ValueId arg : g_.nodes[id].args) use[arg] = 1;
    }
    for (ValueId id = 0; id < g_.nodes.size(); ++id) {
      if (!use[id]) continue;
      stage.nodes.push_back(id);
      stage.count_overflow.push_back(counted[id] ? 0 : 1);
      counted[id] = 1;
    }
  }
}

// Each kAggregate leaf becomes a kColumn of a computed input: the customer stages read an
// aggregate like a column, and statistics over it are scheduled like statistics of a column.
void Stager::AggregatesAsInputs() {
  ir::Program& g = p_.graph;
  p_.aggregate_steps.resize(g.aggregates.size());
  for (size_t i = 0; i < g.aggregates.size(); ++i) {
    const ir::Aggregate& a = g.aggregates[i];
    ir::Input input;
    // For messages and statistic names: "sum(purchases.amount where ...)".
    input.name = AggregateName(g, uint32_t(i));
    input.type = a.type;
    input.aggregate = int32_t(i);
    p_.aggregate_steps[i].input = uint32_t(g.inputs.size());
    g.inputs.push_back(std::move(input));
  }
  for (ir::Node& node : g.nodes) {
    if (node.op != Op::kAggregate) continue;
    node.op = Op::kColumn;
    node.payload.index = p_.aggregate_steps[node.payload.index].input;
  }
}

// One stage per event table that has aggregates, writing the filters and values that are not
// plain columns; they run before every customer stage, so the customer stages shift after them.
void Stager::EventStages() {
  std::vector<Stage> stages;
  auto slot_for = [&](ValueId id, Stage& stage) -> int32_t {
    if (id == ir::kNoValue || g_.nodes[id].op == Op::kColumn) return -1;
    auto slot = int32_t(p_.slots.size());
    p_.slots.push_back({g_.nodes[id].type, g_.nodes[id].nullable, stage.table});
    stage.stores.push_back({id, uint32_t(slot)});
    return slot;
  };
  for (uint32_t t = 1; t <= g_.event_tables.size(); ++t) {
    Stage stage;
    stage.table = t;
    for (size_t i = 0; i < g_.aggregates.size(); ++i) {
      const ir::Aggregate& a = g_.aggregates[i];
      if (a.table != t) continue;
      p_.aggregate_steps[i].filter_slot = slot_for(a.filter, stage);
      p_.aggregate_steps[i].value_slot = slot_for(a.value, stage);
    }
    if (!stage.stores.empty()) stages.push_back(std::move(stage));
  }
  auto shift = uint32_t(stages.size());
  if (shift == 0) return;
  for (Schedule& s : p_.stat_schedule) s.stage += shift;
  for (Schedule& s : p_.derived_schedule) s.stage += shift;
  for (Stage& stage : p_.stages) stages.push_back(std::move(stage));
  p_.stages = std::move(stages);
}

void Stager::Run() {
  AggregatesAsInputs();
  ComputeDepths();
  uint32_t last = 0;
  for (const ir::Output& o : g_.outputs) last = std::max(last, Depth(o.value));
  p_.stages.resize(last + 1);
  auto source = [&](ValueId input, const Schedule& schedule) {
    bool direct = schedule.stage == 0 && g_.nodes[input].op == Op::kColumn;
    return direct ? -1 : Materialize(input, schedule.stage - 1);
  };
  for (size_t i = 0; i < g_.stats.size(); ++i) {
    const ir::Stat& stat = g_.stats[i];
    if (stat.kind == ir::StatKind::kScalar) continue;  // evaluated from run inputs, stage 0
    p_.stat_schedule[i].source_slot = source(stat.input, p_.stat_schedule[i]);
  }
  for (size_t i = 0; i < g_.derived.size(); ++i) {
    p_.derived_schedule[i].source_slot = source(g_.derived[i].input, p_.derived_schedule[i]);
  }
  for (const ir::Output& o : g_.outputs) {
    auto slot = uint32_t(p_.slots.size());
    p_.output_slots.push_back(slot);
    p_.slots.push_back({g_.nodes[o.value].type, g_.nodes[o.value].nullable});
    p_.stages[last].stores.push_back({o.value, slot});
  }
  EventStages();
  FillNodes();
}

}  // namespace

Result<PhysicalPlan> Plan(const ir::Program& program) {
  SEGC_TRY(PhysicalPlan planned, detail::RewriteStrings(program));
  Stager(planned).Run();
  return planned;
}

std::optional<Unsupported> FindUnsupported(const ir::Program& program) {
  return detail::FindUnsupported(program);
}

}  // namespace segc::plan
