// The runtime description of a planned program.
#include "compiler/plan/exec_program.h"

#include "compiler/plan/stat_names.h"
#include "segc/check.h"

namespace segc::plan {

namespace {

rt::ColumnType ColumnTypeOf(const ir::Input& input) {
  switch (input.type) {
    case ir::Type::kBool:
      return rt::ColumnType::kBool;
    case ir::Type::kInt:
      return rt::ColumnType::kInt;
    case ir::Type::kFloat:
      return rt::ColumnType::kFloat;
    case ir::Type::kDate:
      return rt::ColumnType::kDate;
    default:
      return input.is_enum ? rt::ColumnType::kEnum : rt::ColumnType::kString;
  }
}

/// -1 when the statistic reads a slot; the input column otherwise.
int32_t DirectInput(const ir::Program& p, ir::ValueId input, int32_t source_slot) {
  if (source_slot >= 0) return -1;
  const ir::Node& node = p.nodes[input];
  SEGC_CHECK(node.op == ir::Op::kColumn);
  return int32_t(node.payload.index);
}

}  // namespace

rt::ValueKind KindOf(ir::Type type) {
  switch (type) {
    case ir::Type::kBool:
      return rt::ValueKind::kBool;
    case ir::Type::kInt:
      return rt::ValueKind::kInt;
    case ir::Type::kFloat:
      return rt::ValueKind::kFloat;
    case ir::Type::kDate:
      return rt::ValueKind::kDate;
    default:
      return rt::ValueKind::kLabel;
  }
}

rt::ExecProgram MakeExecProgram(const PhysicalPlan& plan, std::vector<rt::StageKernel> stages,
                                rt::DictEvaluator dicts, rt::ScalarEvaluator scalars,
                                std::shared_ptr<const void> keep_alive) {
  SEGC_CHECK(stages.size() == plan.stages.size());
  const ir::Program& p = plan.graph;
  rt::ExecProgram out;
  StatNames names = NameStatistics(plan);
  for (const ir::Input& in : p.inputs) {
    out.inputs.push_back({in.name, ColumnTypeOf(in), false, in.table, in.aggregate});
  }
  for (const ir::RunInput& in : p.run_inputs) out.run_inputs.push_back({in.name, KindOf(in.type)});
  for (const ir::Node& node : p.nodes) {
    if (node.op == ir::Op::kColumn) out.inputs[node.payload.index].used = true;
  }
  out.customer_table = p.customer_table;
  out.customer_key = p.customer_key;
  for (const ir::EventTable& t : p.event_tables) {
    out.inputs[t.key_input].used = true;
    out.event_tables.push_back({t.name, int32_t(t.key_input)});
  }
  auto direct = [&](ir::ValueId id) {
    return id != ir::kNoValue && p.nodes[id].op == ir::Op::kColumn
               ? int32_t(p.nodes[id].payload.index)
               : -1;
  };
  for (size_t i = 0; i < p.aggregates.size(); ++i) {
    const ir::Aggregate& a = p.aggregates[i];
    const AggregateStep& step = plan.aggregate_steps[i];
    rt::ExecAggregate exec;
    exec.kind = static_cast<rt::AggregateKind>(a.kind);
    exec.table = a.table;
    exec.filter_slot = step.filter_slot;
    exec.filter_input = step.filter_slot < 0 ? direct(a.filter) : -1;
    exec.value_slot = step.value_slot;
    exec.value_input = step.value_slot < 0 ? direct(a.value) : -1;
    exec.order_input = direct(a.order);
    exec.result = ColumnTypeOf(p.inputs[step.input]);
    exec.output_input = step.input;
    out.aggregates.push_back(exec);
  }
  for (const Stage& stage : plan.stages) out.stage_tables.push_back(stage.table);
  for (size_t i = 0; i < p.stats.size(); ++i) {
    const ir::Stat& s = p.stats[i];
    rt::ExecStat stat;
    stat.kind = static_cast<rt::StatKind>(s.kind);
    stat.q = s.q;
    const Schedule& schedule = plan.stat_schedule[i];
    stat.source_slot = schedule.source_slot;
    stat.input =
        s.kind == ir::StatKind::kScalar ? -1 : DirectInput(p, s.input, schedule.source_slot);
    stat.stage = schedule.stage;
    stat.integer_result = s.type != ir::Type::kFloat;
    stat.name = std::move(names.stats[i]);
    out.stats.push_back(stat);
  }
  for (size_t i = 0; i < p.derived.size(); ++i) {
    const ir::Derived& d = p.derived[i];
    rt::ExecDerived derived;
    derived.kind = static_cast<rt::DerivedKind>(d.kind);
    derived.n = d.n;
    const Schedule& schedule = plan.derived_schedule[i];
    derived.source_slot = schedule.source_slot;
    derived.input = DirectInput(p, d.input, schedule.source_slot);
    derived.stage = schedule.stage;
    derived.name = std::move(names.derived[i]);
    out.derived.push_back(derived);
  }
  for (const DictTable& d : plan.dicts) {
    int32_t partner =
        d.partner_column == ir::kNoValue ? -1 : int32_t(p.nodes[d.partner_column].payload.index);
    out.dicts.push_back({int32_t(p.nodes[d.column_node].payload.index), KindOf(d.type), partner});
  }
  for (const Slot& s : plan.slots) out.slots.push_back({KindOf(s.type), s.nullable, s.table});
  for (size_t i = 0; i < p.outputs.size(); ++i) {
    const ir::Output& o = p.outputs[i];
    out.outputs.push_back({static_cast<rt::OutputKind>(o.kind), o.name, o.description,
                           plan.output_slots[i], o.labels,
                           static_cast<rt::MeasureKind>(o.measure)});
  }
  out.stages = std::move(stages);
  out.dict_evaluator = std::move(dicts);
  out.scalar_evaluator = std::move(scalars);
  out.keep_alive = std::move(keep_alive);
  return out;
}

}  // namespace segc::plan
