// Printer: stable, line-oriented text for IR programs.
#include "compiler/ir/printer.h"

#include <fmt/format.h>

#include "compiler/ir/calendar.h"
#include "stdlib/builtins.h"

namespace segc::ir {

namespace {

std::string Escape(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string ConstText(const Program& program, const Node& node) {
  if (node.payload.is_null) return "null";
  switch (node.type) {
    case Type::kBool:
      return node.payload.i ? "true" : "false";
    case Type::kInt:
      return std::to_string(node.payload.i);
    case Type::kFloat:
      return fmt::format("{}", node.payload.f);
    case Type::kDate:
      return FormatDate(node.payload.i);
    case Type::kString:
      return Escape(program.strings[node.payload.index]);
    case Type::kLabel:
      return "#" + std::to_string(node.payload.i);
  }
  return "?";
}

std::string Operand(const Program& program, const Node& node) {
  switch (node.op) {
    case Op::kConst:
      return " " + ConstText(program, node);
    case Op::kColumn:
      return " " + program.inputs[node.payload.index].name;
    case Op::kStat:
      return fmt::format(" st{}", node.payload.index);
    case Op::kDerived:
      return fmt::format(" dv{}", node.payload.index);
    case Op::kDictLookup:
      return fmt::format(" dict{}", node.payload.index);
    case Op::kAggregate:
      return fmt::format(" ag{}", node.payload.index);
    case Op::kRunInput:
      return " " + program.run_inputs[node.payload.index].name;
    case Op::kCall:
      return " " +
             std::string(stdlib::Builtin(static_cast<stdlib::BuiltinId>(node.payload.index)).name);
    default:
      return "";
  }
}

}  // namespace

std::string PrintNode(const Program& program, ValueId id) {
  const Node& node = program.nodes[id];
  std::string out = fmt::format("%{} = {}{}", id, OpName(node.op), Operand(program, node));
  for (size_t i = 0; i < node.args.size(); ++i) {
    out += fmt::format("{}%{}", i == 0 ? " " : ", ", node.args[i]);
  }
  return out + fmt::format(" : {}{}", TypeName(node.type), node.nullable ? "?" : "");
}

namespace {

void PrintTables(const Program& program, std::string& out) {
  for (size_t i = 0; i < program.run_inputs.size(); ++i) {
    const RunInput& in = program.run_inputs[i];
    out += fmt::format("run_input ri{} {} {}{}\n", i, in.name, TypeName(in.type),
                       in.pinned ? " pinned" : "");
  }
  for (size_t i = 0; i < program.event_tables.size(); ++i) {
    const EventTable& t = program.event_tables[i];
    out += fmt::format("events ev{} {} of {} by in{}", i + 1, t.name, program.customer_table,
                       t.key_input);
    if (t.time_input >= 0) out += fmt::format(" at in{}", t.time_input);
    out += "\n";
  }
  for (size_t i = 0; i < program.inputs.size(); ++i) {
    const Input& in = program.inputs[i];
    out +=
        fmt::format("input in{} {} {}{}", i, in.name, TypeName(in.type), in.is_enum ? " enum" : "");
    if (in.table != 0) out += fmt::format(" of ev{}", in.table);
    if (in.aggregate >= 0) out += fmt::format(" = ag{}", in.aggregate);
    out += "\n";
  }
  for (size_t i = 0; i < program.aggregates.size(); ++i) {
    const Aggregate& a = program.aggregates[i];
    out += fmt::format("aggregate ag{} = {}(ev{}", i, AggregateKindName(a.kind), a.table);
    if (a.value != kNoValue) out += fmt::format(" value %{}", a.value);
    if (a.filter != kNoValue) out += fmt::format(" where %{}", a.filter);
    if (a.order != kNoValue) out += fmt::format(" order %{}", a.order);
    out += fmt::format(") : {}\n", TypeName(a.type));
  }
  for (size_t i = 0; i < program.stats.size(); ++i) {
    const Stat& s = program.stats[i];
    out += fmt::format("stat st{} = {}(%{}", i, StatKindName(s.kind), s.input);
    if (s.kind == StatKind::kPercentile) out += fmt::format(", {}", s.q);
    out += fmt::format(") : {}\n", TypeName(s.type));
  }
  for (size_t i = 0; i < program.derived.size(); ++i) {
    const Derived& d = program.derived[i];
    out += fmt::format("derived dv{} = {}(%{}", i, DerivedKindName(d.kind), d.input);
    if (d.kind == DerivedKind::kNtile) out += fmt::format(", {}", d.n);
    out += fmt::format(") : {}\n", TypeName(d.type));
  }
}

const char* KindName(OutputKind kind) {
  switch (kind) {
    case OutputKind::kSegment:
      return "segment";
    case OutputKind::kScore:
      return "score";
    case OutputKind::kClass:
      return "class";
    case OutputKind::kMeasure:
      return "measure";
  }
  return "?";
}

}  // namespace

std::string Print(const Program& program) {
  std::string out = "program\n";
  PrintTables(program, out);
  for (ValueId id = 0; id < program.nodes.size(); ++id) out += PrintNode(program, id) + "\n";
  for (const Output& o : program.outputs) {
    out += fmt::format("{} {} = ", KindName(o.kind), o.name);
    if (o.kind == OutputKind::kMeasure) out += fmt::format("{} ", MeasureKindName(o.measure));
    out += fmt::format("%{}", o.value);
    for (size_t i = 0; i < o.labels.size(); ++i) {
      out += fmt::format("{}#{} {}", i == 0 ? " labels " : ", ", i, Escape(o.labels[i]));
    }
    out += "\n";
  }
  return out;
}

}  // namespace segc::ir
