// Structural checks on a physical plan before any code is generated for it.
#include "compiler/codegen/detail/validate.h"

#include <string>

namespace segc::codegen::detail {
namespace {

Status Bad(const std::string& what) { return Status::Internal("jit: malformed program: " + what); }

size_t LeafLimit(const plan::PhysicalPlan& program, ir::Op op) {
  switch (op) {
    case ir::Op::kColumn:
      return program.graph.inputs.size();
    case ir::Op::kStat:
      return program.graph.stats.size();
    case ir::Op::kDerived:
      return program.graph.derived.size();
    case ir::Op::kDictLookup:
      return program.dicts.size();
    default:
      return SIZE_MAX;
  }
}

Status ValidateNode(const plan::PhysicalPlan& program, ir::ValueId id) {
  const ir::Node& node = program.node(id);
  for (ir::ValueId arg : node.args) {
    if (arg >= id) return Bad("node %" + std::to_string(id) + " uses a later node");
  }
  if (node.payload.index >= LeafLimit(program, node.op)) {
    return Bad("node %" + std::to_string(id) + " refers to a missing slot");
  }
  return Status::Ok();
}

Status ValidateStage(const plan::PhysicalPlan& program, const plan::Stage& stage) {
  for (ir::ValueId id : stage.nodes) {
    if (id >= program.graph.nodes.size()) return Bad("stage lists a missing node");
    // The planner hoists run inputs into kScalar statistics: kernels never see them.
    if (program.node(id).op == ir::Op::kRunInput) return Bad("a stage reads a run input");
  }
  for (const plan::Store& store : stage.stores) {
    if (store.value >= program.graph.nodes.size()) return Bad("store of a missing node");
    if (store.slot >= program.slots.size()) return Bad("store into a missing slot");
    if (program.slots[store.slot].type != program.node(store.value).type) {
      return Bad("store type differs from its slot type");
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidateProgram(const plan::PhysicalPlan& program) {
  if (program.stat_schedule.size() != program.graph.stats.size() ||
      program.derived_schedule.size() != program.graph.derived.size() ||
      program.output_slots.size() != program.graph.outputs.size()) {
    return Status::InvalidArgument("jit: the program has not been planned");
  }
  for (ir::ValueId id = 0; id < program.graph.nodes.size(); ++id) {
    SEGC_RETURN_IF_ERROR(ValidateNode(program, id));
  }
  for (const plan::Stage& stage : program.stages)
    SEGC_RETURN_IF_ERROR(ValidateStage(program, stage));
  return Status::Ok();
}

}  // namespace segc::codegen::detail
