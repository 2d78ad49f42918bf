// The emitter's plan: which nodes are reachable, which become columns (a node the SQL text
// would otherwise repeat), and the layer of common table expressions that computes each, so
// that the text stays linear in the size of the IR.
#include "compiler/sql/emit.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/sql/emitter.h"
#include "stdlib/builtins.h"

namespace segc::sql {
namespace detail {

using ir::Op;
using ir::Type;

namespace {

std::string ColumnOf(ir::ValueId id) { return fmt::format("segc#{}", id); }
std::string LayerName(int layer) { return fmt::format("segc#r{}", layer); }
std::string OutputColumn(size_t output) { return fmt::format("segc#o{}", output); }

}  // namespace

bool Emitter::IsLeaf(ir::ValueId id) const {
  Op op = p_.node(id).op;
  return op == Op::kConst || op == Op::kColumn || op == Op::kRunInput || op == Op::kStat ||
         op == Op::kAggregate;
}

// Templates that write an argument more than once (overflow guards, null tests, calendar
// fields). Their non-leaf arguments become columns: inlining them would double the text at
// every level, which once made PostgreSQL plan a query in 20 GB.
bool Emitter::MultiUse(const ir::Node& node) const {
  switch (node.op) {
    case Op::kNeg:
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kCast:
    case Op::kAddMonths:
    case Op::kCall:
      return true;
    case Op::kAnd:
    case Op::kOr:
      return d_.RepeatsLogicArguments();
    default:
      return false;
  }
}

// The operations the interpreter counts when they overflow (docs/semantics.md), on rows; a
// subtree over one string column is evaluated per dictionary entry and an expression over run
// inputs once per run (plan/dict_rewrite.cc), neither counted. Constant expressions are
// evaluated, and counted, on every row.
bool Emitter::CountsOverflow(ir::ValueId id) const { return per_row_[id] && OverflowOp(id); }

bool Emitter::OverflowOp(ir::ValueId id) const {
  const ir::Node& node = p_.node(id);
  switch (node.op) {
    case Op::kNeg:
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kAddMonths:
      return true;
    case Op::kCast:
      return node.type == Type::kDate;
    case Op::kCall: {
      auto fn = static_cast<stdlib::BuiltinId>(node.payload.index);
      return fn == stdlib::BuiltinId::kAbs || fn == stdlib::BuiltinId::kRound;
    }
    default:
      return false;
  }
}

void Emitter::MarkUsed() {
  used_.assign(p_.nodes.size(), 0);
  aggregate_used_.assign(p_.aggregates.size(), 0);
  std::vector<ir::ValueId> work;
  for (const ir::Output& out : p_.outputs) work.push_back(out.value);
  while (!work.empty()) {
    ir::ValueId id = work.back();
    work.pop_back();
    if (used_[id]) continue;
    used_[id] = 1;
    const ir::Node& node = p_.node(id);
    for (ir::ValueId arg : node.args) work.push_back(arg);
    if (node.op == Op::kStat) work.push_back(p_.stats[node.payload.index].input);
    if (node.op == Op::kDerived) work.push_back(p_.derived[node.payload.index].input);
    if (node.op == Op::kAggregate) aggregate_used_[node.payload.index] = 1;
  }
}

void Emitter::CountUses() {
  size_t n = p_.nodes.size();
  uses_.assign(n, 0);
  row_dependent_.assign(n, 0);
  string_column_.assign(n, -1);
  for (ir::ValueId id = 0; id < n; ++id) {
    const ir::Node& node = p_.node(id);
    bool reads = node.op == Op::kStat || node.op == Op::kDerived || node.op == Op::kAggregate;
    row_dependent_[id] = reads || node.op == Op::kColumn;
    if (reads) string_column_[id] = -2;
    if (node.op == Op::kColumn) {
      string_column_[id] = node.type == Type::kString ? int32_t(node.payload.index) : -2;
    }
    for (ir::ValueId arg : node.args) {
      row_dependent_[id] |= row_dependent_[arg];
      int32_t s = string_column_[arg];
      if (s != -1)
        string_column_[id] = string_column_[id] == -1 || string_column_[id] == s ? s : -2;
    }
    if (!used_[id]) continue;
    for (ir::ValueId arg : node.args) uses_[arg] += MultiUse(node) ? 2 : 1;
    if (node.op == Op::kStat) uses_[p_.stats[node.payload.index].input] += 2;
    if (node.op == Op::kDerived) uses_[p_.derived[node.payload.index].input] += 2;
  }
  for (const ir::Output& out : p_.outputs) uses_[out.value] += 1;
  std::vector<ir::ValueId> outputs;
  for (const ir::Output& out : p_.outputs) outputs.push_back(out.value);
  per_row_ = MarkPerRow(outputs);
  for (ir::ValueId id = 0; id < n; ++id) {
    if (!CountsOverflow(id)) continue;
    uses_[id] += 2;  // its flag reads it and its arguments again
    for (ir::ValueId arg : p_.node(id).args) uses_[arg] += 2;
  }
}

// Nodes the engine evaluates on every row: reachable from `roots` (the outputs, or an event
// table's aggregate values and filters) and statistic inputs without entering a subtree
// evaluated per run (invariant, over run inputs) or per dictionary entry (over one string
// column).
std::vector<uint8_t> Emitter::MarkPerRow(const std::vector<ir::ValueId>& roots) const {
  size_t n = p_.nodes.size();
  std::vector<uint8_t> run_dependent(n, 0);
  for (ir::ValueId id = 0; id < n; ++id) {
    run_dependent[id] = p_.node(id).op == Op::kRunInput;
    for (ir::ValueId arg : p_.node(id).args) run_dependent[id] |= run_dependent[arg];
  }
  std::vector<uint8_t> per_row(n, 0);
  std::vector<ir::ValueId> work = roots;
  while (!work.empty()) {
    ir::ValueId id = work.back();
    work.pop_back();
    bool scalar = !row_dependent_[id] && run_dependent[id];
    if (per_row[id] || scalar || string_column_[id] >= 0) continue;
    per_row[id] = 1;
    const ir::Node& node = p_.node(id);
    for (ir::ValueId arg : node.args) work.push_back(arg);
    if (node.op == Op::kStat) work.push_back(p_.stats[node.payload.index].input);
    if (node.op == Op::kDerived) work.push_back(p_.derived[node.payload.index].input);
  }
  return per_row;
}

void Emitter::AssignLayers() {
  size_t n = p_.nodes.size();
  materialized_.assign(n, 0);
  layer_.assign(n, 0);
  avail_.assign(n, 0);
  stat_source_.assign(p_.stats.size(), 0);
  derived_source_.assign(p_.derived.size(), 0);
  auto effective = [&](ir::ValueId id) { return materialized_[id] ? layer_[id] + 1 : avail_[id]; };
  // Statistic inputs may come after the statistic node; settle those first.
  for (ir::ValueId id = 0; id < n; ++id) {
    if (!used_[id]) continue;
    const ir::Node& node = p_.node(id);
    int at = 0;
    for (ir::ValueId arg : node.args) at = std::max(at, effective(arg));
    if (node.op == Op::kStat) {
      at = effective(p_.stats[node.payload.index].input);
      stat_source_[node.payload.index] = at;
    }
    if (node.op == Op::kDerived) {
      at = effective(p_.derived[node.payload.index].input);
      derived_source_[node.payload.index] = at;
    }
    materialized_[id] = node.op == Op::kDerived || (!IsLeaf(id) && uses_[id] >= 2);
    layer_[id] = at;
    avail_[id] = at;
    layers_ = std::max(layers_, effective(id));
  }
}

std::optional<Refusal> Emitter::Analyze() {
  MarkUsed();
  for (ir::ValueId id = 0; id < p_.nodes.size(); ++id) {
    if (!used_[id]) continue;
    if (auto refusal = CheckNode(id)) return refusal;
  }
  if (auto refusal = CheckEventNodes()) return refusal;
  for (ir::ValueId id = 0; id < p_.nodes.size(); ++id) {
    // A statistic's input must precede it for the single pass of AssignLayers.
    const ir::Node& node = p_.node(id);
    ir::ValueId input = node.op == Op::kStat      ? p_.stats[node.payload.index].input
                        : node.op == Op::kDerived ? p_.derived[node.payload.index].input
                                                  : 0;
    if (used_[id] && input >= id && input != 0) {
      return Refusal{"a statistic whose input follows it in the IR", node.origin};
    }
  }
  CountUses();
  AssignLayers();
  return std::nullopt;
}

std::string Emitter::Ref(ir::ValueId id) const {
  if (materialized_[id] && !event_scope_) return d_.Ident(ColumnOf(id));
  return NodeSql(id);
}

std::string Emitter::Source(int layer) const {
  return d_.Ident(layer == 0 ? "segc#t" : LayerName(layer - 1));
}

void Emitter::StatCtes(int source, std::vector<Cte>& out) const {
  for (uint32_t s = 0; s < p_.stats.size(); ++s) {
    bool used = false;
    for (ir::ValueId id = 0; id < p_.nodes.size() && !used; ++id) {
      used = used_[id] && p_.node(id).op == Op::kStat && p_.node(id).payload.index == s;
    }
    if (used && stat_source_[s] == source) StatCte(s, out);
  }
  for (uint32_t d = 0; d < p_.derived.size(); ++d) {
    bool used = false;
    for (ir::ValueId id = 0; id < p_.nodes.size() && !used; ++id) {
      used = used_[id] && p_.node(id).op == Op::kDerived && p_.node(id).payload.index == d;
    }
    if (!used || derived_source_[d] != source) continue;
    if (auto cte = DerivedCte(d)) out.push_back(std::move(*cte));
  }
}

// The customer table numbered in scan order (the order the runtime adds float sums in), then
// one MATERIALIZED layer per level of columns: materializing stops the planner from inlining a
// layer into the next, which would bring back the repeated text.
std::vector<Cte> Emitter::Layers() const {
  std::vector<Cte> out;
  if (HasAggregates()) {
    EventCtes(out);
  } else {
    out.push_back({d_.Ident("segc#t"),
                   fmt::format("SELECT *, {} AS {} FROM {}", d_.RowNumber(), d_.Ident(kRowColumn),
                               d_.Ident(o_.table)),
                   true});
  }
  for (int layer = 0; layer <= layers_; ++layer) {
    StatCtes(layer, out);
    if (layer == layers_) break;
    std::string columns;
    for (ir::ValueId id = 0; id < p_.nodes.size(); ++id) {
      if (!used_[id] || !materialized_[id] || layer_[id] != layer) continue;
      columns += ",\n    " + NodeSql(id) + " AS " + d_.Ident(ColumnOf(id));
    }
    out.push_back({d_.Ident(LayerName(layer)),
                   fmt::format("SELECT *{}\n  FROM {}", columns, Source(layer)), true});
  }
  return out;
}

// A WITH clause (its text ends where the query's SELECT starts), or, in dialects without
// WITH name AS (query), one temporary table per expression (each statement dropping a table
// of that name a previous run left in the session first).
std::string Emitter::With(const std::vector<Cte>& ctes) const {
  std::string out;
  for (const Cte& cte : ctes) {
    if (d_.TemporaryTables()) {
      out += fmt::format(
          "DROP TEMPORARY TABLE IF EXISTS {0};\nCREATE TEMPORARY TABLE {0} ENGINE = Memory AS "
          "{1};\n",
          cte.name, cte.body);
    } else {
      out += fmt::format("{}{} AS {}({})", out.empty() ? "WITH " : ",\n", cte.name,
                         cte.materialized ? d_.Materialized() : "", cte.body);
    }
  }
  return out + "\n";
}

std::string Emitter::OverflowSum() const {
  std::string sum;
  for (ir::ValueId id = 0; id < p_.nodes.size(); ++id) {
    if (CountsOverflow(id)) sum += (sum.empty() ? "" : " + ") + OverflowFlag(id);
  }
  for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
    ir::AggregateKind kind = p_.aggregates[a].kind;
    if (!aggregate_used_[a] || (kind != ir::AggregateKind::kSum && kind != ir::AggregateKind::kAvg))
      continue;
    sum += (sum.empty() ? "" : " + ") + d_.Ident(fmt::format("segc#x{}", a));
  }
  return "CAST(" + (sum.empty() ? "0" : sum) + " AS " + TypeName(Type::kInt) + ")";
}

// Per output: its value, as the run reports it (label text for classes). Inside the queries
// (`internal`) the columns are "segc#oN": output names may be longer than PostgreSQL's
// 63-byte identifiers, and two truncated names could clash.
std::string Emitter::RowSelect(bool internal) const {
  std::string out = "SELECT " + d_.Ident(p_.customer_key);
  for (size_t i = 0; i < p_.outputs.size(); ++i) {
    const ir::Output& o = p_.outputs[i];
    // A measure's per-row value is an input of its summary, not a result of the customer.
    if (o.kind == ir::OutputKind::kMeasure && !internal) continue;
    std::string value = Ref(o.value);
    if (o.kind == ir::OutputKind::kClass) {
      std::vector<std::string> labels;
      for (const std::string& label : o.labels) labels.push_back(d_.String(label));
      value = d_.Label(value, labels);
    }
    out += ",\n  " + value + " AS " + d_.Ident(internal ? OutputColumn(i) : o.name);
  }
  out += ",\n  " + OverflowSum() + " AS " + d_.Ident("segc_overflows");
  if (internal) out += ",\n  " + d_.Ident(kRowColumn);
  return out + "\nFROM " + Source(layers_);
}

std::string Emitter::SummarySelect(bool with_scores) const {
  std::string row = d_.Ident(kRowColumn);
  std::string out = "SELECT count(*) AS " + d_.Ident("rows");
  auto count_if = [](const std::string& cond) {
    return "COALESCE(sum(CASE WHEN " + cond + " THEN 1 ELSE 0 END), 0)";
  };
  for (size_t i = 0; i < p_.outputs.size(); ++i) {
    const ir::Output& o = p_.outputs[i];
    std::string c = d_.Ident(OutputColumn(i));
    if (o.kind == ir::OutputKind::kSegment) {
      out += ",\n  " + count_if(c) + " AS " + d_.Ident(o.name);
    } else if (o.kind == ir::OutputKind::kScore && with_scores) {
      out += fmt::format(
          ",\n  count({0}) AS {1}, COALESCE({2}, 0) AS {3}, min({0}) AS {4}, max({0}) AS {5}, {2} "
          "/ "
          "NULLIF(count({0}), 0) AS {6}",
          c, d_.Ident(o.name + ".count"), d_.OrderedSum(c, row), d_.Ident(o.name + ".sum"),
          d_.Ident(o.name + ".min"), d_.Ident(o.name + ".max"), d_.Ident(o.name + ".mean"));
    } else if (o.kind == ir::OutputKind::kClass) {
      for (const std::string& label : o.labels) {
        out += ",\n  " + count_if(c + " = " + d_.String(label)) + " AS " +
               d_.Ident(o.name + "=" + label);
      }
      out += ",\n  " + count_if(c + " IS NULL") + " AS " + d_.Ident(o.name + "=");
    }
  }
  std::string events;  // overflows in the aggregates' conditions and values, per event row
  for (uint32_t t = 0; t < p_.event_tables.size(); ++t) {
    if (!EventOverflows(t).empty()) {
      events += fmt::format(" + (SELECT {} FROM {})", d_.Ident("n"),
                            d_.Ident(fmt::format("segc#v{}", t)));
    }
  }
  out += ",\n  COALESCE(sum(" + d_.Ident("segc_overflows") + "), 0)" + events + " AS " +
         d_.Ident("overflows");
  return out + "\nFROM " + d_.Ident("segc#out");
}

std::string Emitter::StatisticsSelect(std::vector<StatisticColumn>& columns) const {
  std::string out;
  auto add = [&](const std::string& value, const std::string& name) {
    out += (out.empty() ? "SELECT " : ",\n  ") + value + " AS " + d_.Ident(name);
  };
  for (uint32_t s = 0; s < p_.stats.size(); ++s) {
    bool used = false;
    for (ir::ValueId id = 0; id < p_.nodes.size() && !used; ++id) {
      used = used_[id] && p_.node(id).op == Op::kStat && p_.node(id).payload.index == s;
    }
    if (!used) continue;
    std::string value = StatRef(s);
    if (p_.stats[s].type == Type::kDate) value = d_.DaysOf(value);
    add(value, fmt::format("s{}", s));
    columns.push_back({false, s, {fmt::format("s{}", s)}});
  }
  for (uint32_t d = 0; d < p_.derived.size(); ++d) {
    const ir::Derived& derived = p_.derived[d];
    bool used = false;
    for (ir::ValueId id = 0; id < p_.nodes.size() && !used; ++id) {
      used = used_[id] && p_.node(id).op == Op::kDerived && p_.node(id).payload.index == d;
    }
    if (!used || derived.kind != ir::DerivedKind::kNtile) continue;
    StatisticColumn column{true, d, {}};
    for (int64_t k = 1; k < derived.n; ++k) {
      std::string name = fmt::format("d{}c{}", d, k);
      add(fmt::format("(SELECT {} FROM {})", d_.Ident(fmt::format("c{}", k)),
                      d_.Ident(fmt::format("segc#d{}", d))),
          name);
      column.columns.push_back(name);
    }
    columns.push_back(std::move(column));
  }
  return out.empty() ? "SELECT 1 AS " + d_.Ident("none") : out;
}

EmitResult Emitter::Run() {
  if (auto refusal = Analyze()) return {std::nullopt, refusal};
  Queries q;
  std::vector<Cte> ctes = Layers();
  std::string with = With(ctes);
  q.rows = with + RowSelect(false) + "\nORDER BY " + d_.Ident(p_.customer_key) + ";\n";
  ctes.push_back({d_.Ident("segc#out"), RowSelect(true)});
  std::string out_cte = With(ctes);
  q.summary = out_cte + SummarySelect(true) + ";\n";
  q.counts = out_cte + SummarySelect(false) + ";\n";
  std::string scores;
  for (size_t i = 0; i < p_.outputs.size(); ++i) {
    if (p_.outputs[i].kind != ir::OutputKind::kScore) continue;
    scores += (scores.empty() ? "" : ", ") + d_.Ident(OutputColumn(i));
  }
  if (!scores.empty()) {
    q.score_rows = out_cte + "SELECT " + scores + " FROM " + d_.Ident("segc#out") + " ORDER BY " +
                   d_.Ident(kRowColumn) + ";\n";
  }
  std::string members;
  for (size_t i = 0; i < p_.outputs.size(); ++i) {
    if (p_.outputs[i].kind == ir::OutputKind::kScore) continue;
    members += (members.empty() ? "" : ", ") + d_.Ident(OutputColumn(i));
  }
  if (!members.empty()) {
    q.member_rows = out_cte + "SELECT " + members + " FROM " + d_.Ident("segc#out") + " ORDER BY " +
                    d_.Ident(kRowColumn) + ";\n";
  }
  q.statistics = with + StatisticsSelect(q.statistic_columns) + ";\n";
  for (uint32_t t = 0; t < p_.event_tables.size(); ++t) q.events.push_back(EventCheck(t) + ";\n");
  return {std::move(q), std::nullopt};
}

}  // namespace detail

EmitResult Emit(const ir::Program& program, const Dialect& dialect, const EmitOptions& options) {
  detail::Emitter emitter(program, dialect, options);
  return emitter.Run();
}

}  // namespace segc::sql
