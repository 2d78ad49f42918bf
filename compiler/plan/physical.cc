// The text form and the hash of a physical plan.
#include "compiler/plan/physical.h"

#include <fmt/format.h>

#include "compiler/ir/printer.h"

namespace segc::plan {

namespace {

void PrintSchedules(const PhysicalPlan& plan, std::string& out) {
  for (size_t i = 0; i < plan.stat_schedule.size(); ++i) {
    const Schedule& s = plan.stat_schedule[i];
    out += fmt::format("schedule st{} stage {} source {}\n", i, s.stage, s.source_slot);
  }
  for (size_t i = 0; i < plan.derived_schedule.size(); ++i) {
    const Schedule& s = plan.derived_schedule[i];
    out += fmt::format("schedule dv{} stage {} source {}\n", i, s.stage, s.source_slot);
  }
}

void PrintStages(const PhysicalPlan& plan, std::string& out) {
  for (size_t s = 0; s < plan.stages.size(); ++s) {
    const Stage& stage = plan.stages[s];
    out += fmt::format("stage {}{} nodes", s,
                       stage.table == 0 ? "" : fmt::format(" of ev{}", stage.table));
    for (size_t i = 0; i < stage.nodes.size(); ++i) {
      out += fmt::format(" %{}{}", stage.nodes[i], stage.count_overflow[i] ? "" : "'");
    }
    out += "\n";
    for (const Store& store : stage.stores) {
      out += fmt::format("  store %{} -> slot {}\n", store.value, store.slot);
    }
  }
}

}  // namespace

std::string Print(const PhysicalPlan& plan) {
  std::string out = ir::Print(plan.graph);
  out += "plan\n";
  for (size_t i = 0; i < plan.dicts.size(); ++i) {
    const DictTable& d = plan.dicts[i];
    if (d.partner_column != ir::kNoValue) {
      out += fmt::format("dict dict{} over %{} = rank among %{} and %{} : {}\n", i, d.column_node,
                         d.column_node, d.partner_column, ir::TypeName(d.type));
      continue;
    }
    out += fmt::format("dict dict{} over %{} = %{} : {}\n", i, d.column_node, d.root,
                       ir::TypeName(d.type));
  }
  PrintSchedules(plan, out);
  for (size_t i = 0; i < plan.slots.size(); ++i) {
    out +=
        fmt::format("slot {} : {}{}{}\n", i, ir::TypeName(plan.slots[i].type),
                    plan.slots[i].nullable ? "?" : "",
                    plan.slots[i].table == 0 ? "" : fmt::format(" of ev{}", plan.slots[i].table));
  }
  for (size_t i = 0; i < plan.aggregate_steps.size(); ++i) {
    const AggregateStep& a = plan.aggregate_steps[i];
    out += fmt::format("aggregate ag{} filter slot {} value slot {} -> in{}\n", i, a.filter_slot,
                       a.value_slot, a.input);
  }
  PrintStages(plan, out);
  for (size_t i = 0; i < plan.output_slots.size(); ++i) {
    out += fmt::format("output {} slot {}\n", plan.graph.outputs[i].name, plan.output_slots[i]);
  }
  return out;
}

uint64_t PhysicalPlan::Hash() const { return ir::HashText(Print(*this)); }

}  // namespace segc::plan
