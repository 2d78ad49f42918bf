// Stages: when each statistic and derived column is computed, what each pass materializes, and
// which nodes each pass evaluates.
#include <algorithm>
#include <unordered_map>

#include "compiler/plan/dict_rewrite.h"
#include "compiler/plan/plan.h"
#include "segc/check.h"

namespace segc::plan {

namespace {

using ir::Op;
using ir::ValueId;

class Stager {
 public:
  explicit Stager(ir::Program& p) : p_(p) {}

  void Run();

 private:
  uint32_t Depth(ValueId id) const { return depth_[id]; }
  void ComputeDepths();
  int32_t Materialize(ValueId input, uint32_t stage);
  void FillNodes();

  ir::Program& p_;
  std::vector<uint32_t> depth_;  ///< first stage whose kernel can evaluate the node
  std::unordered_map<ValueId, int32_t> materialized_;
};

/// A stat/derived over a plain column is computed from the table before stage 0; over any other
/// expression, after the stage that materializes the expression.
void Stager::ComputeDepths() {
  depth_.assign(p_.nodes.size(), 0);
  for (ValueId id = 0; id < p_.nodes.size(); ++id) {
    const ir::Node& node = p_.nodes[id];
    uint32_t depth = 0;
    for (ValueId arg : node.args) depth = std::max(depth, depth_[arg]);
    ValueId input = ir::kNoValue;
    if (node.op == Op::kStat) input = p_.stats[node.payload.index].input;
    if (node.op == Op::kDerived) input = p_.derived[node.payload.index].input;
    bool scalar =
        node.op == Op::kStat && p_.stats[node.payload.index].kind == ir::StatKind::kScalar;
    if (input != ir::kNoValue && !scalar) {
      SEGC_CHECK(input < id);
      bool direct = p_.nodes[input].op == Op::kColumn;
      depth = direct ? 0 : depth_[input] + 1;
      uint32_t& stage = node.op == Op::kStat ? p_.stats[node.payload.index].stage
                                             : p_.derived[node.payload.index].stage;
      stage = depth;
    }
    depth_[id] = depth;
  }
}

int32_t Stager::Materialize(ValueId input, uint32_t stage) {
  if (p_.nodes[input].op == Op::kColumn) return -1;
  if (auto it = materialized_.find(input); it != materialized_.end()) return it->second;
  auto slot = int32_t(p_.slots.size());
  p_.slots.push_back({p_.nodes[input].type, p_.nodes[input].nullable});
  p_.stages[stage].stores.push_back({input, uint32_t(slot)});
  materialized_.emplace(input, slot);
  return slot;
}

void Stager::FillNodes() {
  std::vector<uint8_t> counted(p_.nodes.size(), 0);
  for (ir::Stage& stage : p_.stages) {
    std::vector<uint8_t> use(p_.nodes.size(), 0);
    for (const ir::Store& store : stage.stores) use[store.value] = 1;
    for (ValueId id = ValueId(p_.nodes.size()); id-- > 0;) {
      if (!use[id]) continue;
      for (ValueId arg : p_.nodes[id].args) use[arg] = 1;
    }
    for (ValueId id = 0; id < p_.nodes.size(); ++id) {
      if (!use[id]) continue;
      stage.nodes.push_back(id);
      stage.count_overflow.push_back(counted[id] ? 0 : 1);
      counted[id] = 1;
    }
  }
}

void Stager::Run() {
  ComputeDepths();
  uint32_t last = 0;
  for (const ir::Output& o : p_.outputs) last = std::max(last, Depth(o.value));
  p_.stages.resize(last + 1);
  for (ir::Stat& stat : p_.stats) {
    if (stat.kind == ir::StatKind::kScalar) continue;  // evaluated from run inputs, stage 0
    stat.source_slot = stat.stage == 0 && p_.nodes[stat.input].op == Op::kColumn
                           ? -1
                           : Materialize(stat.input, stat.stage - 1);
  }
  for (ir::Derived& derived : p_.derived) {
    derived.source_slot = derived.stage == 0 && p_.nodes[derived.input].op == Op::kColumn
                              ? -1
                              : Materialize(derived.input, derived.stage - 1);
  }
  for (ir::Output& o : p_.outputs) {
    o.slot = uint32_t(p_.slots.size());
    p_.slots.push_back({p_.nodes[o.value].type, p_.nodes[o.value].nullable});
    p_.stages[last].stores.push_back({o.value, o.slot});
  }
  FillNodes();
}

}  // namespace

Result<ir::Program> Plan(const ir::Program& program) {
  SEGC_CHECK(!program.planned);
  SEGC_TRY(ir::Program planned, detail::RewriteStrings(program));
  Stager(planned).Run();
  planned.planned = true;
  return planned;
}

}  // namespace segc::plan
