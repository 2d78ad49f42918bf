// String subtrees → per-dictionary-entry lookups; dead nodes, stats and derived columns dropped.
#include "compiler/plan/dict_rewrite.h"

#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "compiler/ir/builder.h"
#include "segc/check.h"

namespace segc::plan::detail {

namespace {

using ir::Op;
using ir::Type;
using ir::ValueId;

constexpr uint32_t kNoColumn = UINT32_MAX;
constexpr uint32_t kMany = UINT32_MAX - 1;

/// Per node: the one input column it reads (kNoColumn: none; kMany: several or a population
/// value), and whether that column is a string column.
struct RowInputs {
  uint32_t column = kNoColumn;
  bool string_column = false;
};

class Rewriter {
 public:
  explicit Rewriter(const ir::Program& in) : in_(in), builder_(out_.graph) {}

  Result<PhysicalPlan> Run();
  /// The first needed node the engine cannot evaluate: where to point (ReaderRange) and why.
  std::optional<std::pair<diag::SourceRange, Status>> FirstUnsupported();
  diag::SourceRange ReaderRange(ValueId id) const;

 private:
  void Analyze();
  void MarkNeeded();
  bool Dictable(ValueId id) const;
  ValueId Copy(ValueId id);
  ValueId CopyVerbatim(ValueId id, bool hoist = true);
  ValueId Hoist(ValueId id);
  ValueId Lookup(ValueId id);
  bool ComparesTwoStringColumns(ValueId id) const;
  ValueId CompareRanks(ValueId id);
  ValueId RankLookup(ValueId column, ValueId partner, diag::SourceRange origin);
  Status CheckStrings(ValueId id) const;

  const ir::Program& in_;
  PhysicalPlan out_;
  ir::Builder builder_;
  std::vector<RowInputs> rows_;
  /// Per node: a row-invariant expression over run inputs (and constants), hoisted into a
  /// kScalar statistic so kernels read one value instead of recomputing it on every row.
  std::vector<uint8_t> scalar_;
  std::vector<uint8_t> needed_;
  std::unordered_set<ValueId> aggregate_values_;  ///< nodes aggregates read as their value
  std::unordered_map<ValueId, ValueId> copied_, verbatim_, plain_;
  std::unordered_map<uint32_t, uint32_t> stats_, derived_, scalars_, aggregates_;
};

void Rewriter::Analyze() {
  rows_.resize(in_.nodes.size());
  scalar_.assign(in_.nodes.size(), 0);
  std::vector<uint8_t> invariant(in_.nodes.size(), 0);
  for (ValueId id = 0; id < in_.nodes.size(); ++id) {
    const ir::Node& node = in_.nodes[id];
    bool reads_rows = node.op == Op::kColumn || node.op == Op::kStat || node.op == Op::kDerived ||
                      node.op == Op::kAggregate;
    invariant[id] = !reads_rows;
    bool run_dependent = node.op == Op::kRunInput;
    for (ValueId arg : node.args) {
      invariant[id] &= invariant[arg];
      run_dependent |= scalar_[arg] != 0;
    }
    scalar_[id] = invariant[id] && run_dependent && node.type != Type::kString;
    RowInputs& r = rows_[id];
    if (node.op == Op::kColumn) {
      r = {node.payload.index, node.type == Type::kString};
    } else if (node.op == Op::kStat || node.op == Op::kDerived || node.op == Op::kAggregate) {
      r.column = kMany;
    }
    for (ValueId arg : node.args) {
      const RowInputs& a = rows_[arg];
      if (a.column == kNoColumn || a.column == r.column) continue;
      r = r.column == kNoColumn ? a : RowInputs{kMany, false};
    }
  }
}

bool Rewriter::Dictable(ValueId id) const {
  const ir::Node& node = in_.nodes[id];
  return rows_[id].string_column && rows_[id].column != kMany && node.op != Op::kColumn &&
         node.type != Type::kString;
}

void Rewriter::MarkNeeded() {
  needed_.assign(in_.nodes.size(), 0);
  for (const ir::Output& o : in_.outputs) needed_[o.value] = 1;
  for (ValueId id = ValueId(in_.nodes.size()); id-- > 0;) {
    if (!needed_[id]) continue;
    const ir::Node& node = in_.nodes[id];
    if (Dictable(id)) continue;                  // its subtree is evaluated per dictionary entry
    if (ComparesTwoStringColumns(id)) continue;  // its columns are read through rank tables
    if (scalar_[id]) continue;                   // its subtree is evaluated once per run
    for (ValueId arg : node.args) needed_[arg] = 1;
    if (node.op == Op::kStat) needed_[in_.stats[node.payload.index].input] = 1;
    if (node.op == Op::kDerived) needed_[in_.derived[node.payload.index].input] = 1;
    if (node.op == Op::kAggregate) {
      const ir::Aggregate& a = in_.aggregates[node.payload.index];
      for (ValueId part : {a.value, a.filter, a.order}) {
        if (part != ir::kNoValue) needed_[part] = 1;
      }
      if (a.value != ir::kNoValue) aggregate_values_.insert(a.value);
    }
  }
}

// `a < b` (any comparison) of two string columns of one table: each operand becomes a lookup
// in a rank table (plan::DictTable::partner_column) and the kernels compare ranks.
bool Rewriter::ComparesTwoStringColumns(ValueId id) const {
  const ir::Node& node = in_.nodes[id];
  if (!ir::IsComparison(node.op) || node.args.size() != 2) return false;
  const ir::Node& a = in_.nodes[node.args[0]];
  const ir::Node& b = in_.nodes[node.args[1]];
  return a.op == Op::kColumn && b.op == Op::kColumn && a.type == Type::kString &&
         b.type == Type::kString && a.payload.index != b.payload.index &&
         in_.inputs[a.payload.index].table == in_.inputs[b.payload.index].table;
}

ValueId Rewriter::RankLookup(ValueId column, ValueId partner, diag::SourceRange origin) {
  ValueId column_node = builder_.Column(in_.nodes[column].payload.index);
  ValueId partner_node = builder_.Column(in_.nodes[partner].payload.index);
  uint32_t index = uint32_t(out_.dicts.size());
  for (uint32_t i = 0; i < out_.dicts.size(); ++i) {
    const DictTable& d = out_.dicts[i];
    if (d.column_node == column_node && d.partner_column == partner_node) index = i;
  }
  if (index == out_.dicts.size()) {
    out_.dicts.push_back({column_node, column_node, Type::kInt, partner_node});
  }
  return builder_.DictLookup(Type::kInt, column_node, column_node, index, origin);
}

ValueId Rewriter::CompareRanks(ValueId id) {
  const ir::Node& node = in_.nodes[id];
  ValueId left = RankLookup(node.args[0], node.args[1], in_.nodes[node.args[0]].origin);
  ValueId right = RankLookup(node.args[1], node.args[0], in_.nodes[node.args[1]].origin);
  return builder_.Add(node.op, Type::kBool, {left, right}, node.payload, node.origin);
}

Status Rewriter::CheckStrings(ValueId id) const {
  const ir::Node& node = in_.nodes[id];
  if (node.type != Type::kString || Dictable(id)) return Status::Ok();
  // count / count_distinct of a string column read its codes directly.
  if (node.op == Op::kColumn && aggregate_values_.count(id)) return Status::Ok();
  std::string what = node.op == Op::kColumn ? "column '" + in_.inputs[node.payload.index].name + "'"
                                            : std::string("a string expression");
  return Status::InvalidArgument(what +
                                 " is combined with another string column; the engine "
                                 "evaluates a string expression over one column at a time");
}

// Copies `id` and its arguments as they are; with `hoist`, run-input expressions become kScalar
// statistics (dictionary roots read them like any statistic), without, they are copied too
// (the scalar's own expression).
ValueId Rewriter::CopyVerbatim(ValueId id, bool hoist) {
  if (hoist && scalar_[id]) return Hoist(id);
  auto& memo = hoist ? verbatim_ : plain_;
  if (auto it = memo.find(id); it != memo.end()) return it->second;
  const ir::Node& node = in_.nodes[id];
  std::vector<ValueId> args;
  for (ValueId arg : node.args) args.push_back(CopyVerbatim(arg, hoist));
  ir::Payload payload = node.payload;
  ValueId out;
  if (node.op == Op::kConst && node.type == Type::kString && !payload.is_null) {
    out = builder_.String(in_.strings[payload.index]);
  } else {
    out = builder_.Add(node.op, node.type, std::move(args), payload, node.origin);
  }
  memo.emplace(id, out);
  return out;
}

ValueId Rewriter::Hoist(ValueId id) {
  const ir::Node& node = in_.nodes[id];
  ValueId expr = CopyVerbatim(id, false);
  auto [it, fresh] = scalars_.emplace(expr, uint32_t(out_.graph.stats.size()));
  if (fresh) {
    ir::Stat stat;
    stat.kind = ir::StatKind::kScalar;
    stat.input = expr;
    stat.type = node.type;
    out_.graph.stats.push_back(stat);
  }
  return builder_.Add(Op::kStat, node.type, {}, {.index = it->second}, node.origin);
}

ValueId Rewriter::Lookup(ValueId id) {
  const ir::Node& node = in_.nodes[id];
  ValueId root = CopyVerbatim(id);
  ValueId column = builder_.Column(rows_[id].column);
  uint32_t index = uint32_t(out_.dicts.size());
  for (uint32_t i = 0; i < out_.dicts.size(); ++i) {
    if (out_.dicts[i].root == root) index = i;
  }
  if (index == out_.dicts.size()) out_.dicts.push_back({column, root, node.type});
  return builder_.DictLookup(node.type, column, root, index, node.origin);
}

ValueId Rewriter::Copy(ValueId id) {
  if (auto it = copied_.find(id); it != copied_.end()) return it->second;
  const ir::Node& node = in_.nodes[id];
  ValueId out;
  if (scalar_[id]) {
    out = Hoist(id);
  } else if (Dictable(id)) {
    out = Lookup(id);
  } else if (ComparesTwoStringColumns(id)) {
    out = CompareRanks(id);
  } else {
    std::vector<ValueId> args;
    for (ValueId arg : node.args) args.push_back(Copy(arg));
    ir::Payload payload = node.payload;
    if (node.op == Op::kStat) {
      auto [it, fresh] = stats_.emplace(payload.index, uint32_t(out_.graph.stats.size()));
      if (fresh) {
        ir::Stat stat = in_.stats[payload.index];
        stat.input = Copy(stat.input);
        out_.graph.stats.push_back(stat);
      }
      payload.index = it->second;
    } else if (node.op == Op::kDerived) {
      auto [it, fresh] = derived_.emplace(payload.index, uint32_t(out_.graph.derived.size()));
      if (fresh) {
        ir::Derived derived = in_.derived[payload.index];
        derived.input = Copy(derived.input);
        out_.graph.derived.push_back(derived);
      }
      payload.index = it->second;
    } else if (node.op == Op::kAggregate) {
      auto [it, fresh] = aggregates_.emplace(payload.index, uint32_t(out_.graph.aggregates.size()));
      if (fresh) {
        ir::Aggregate a = in_.aggregates[payload.index];
        for (ValueId* part : {&a.value, &a.filter, &a.order}) {
          if (*part != ir::kNoValue) *part = Copy(*part);
        }
        out_.graph.aggregates.push_back(a);
      }
      payload.index = it->second;
    }
    out = builder_.Add(node.op, node.type, std::move(args), payload, node.origin);
  }
  copied_.emplace(id, out);
  return out;
}

std::optional<std::pair<diag::SourceRange, Status>> Rewriter::FirstUnsupported() {
  Analyze();
  MarkNeeded();
  for (ValueId id = 0; id < in_.nodes.size(); ++id) {
    if (!needed_[id]) continue;
    if (Status status = CheckStrings(id); !status.ok()) {
      return std::pair{ReaderRange(id), std::move(status)};
    }
  }
  return std::nullopt;
}

// Where to point for unsupported node `id`: the declaration of the first output that reads it
// as a row value, as MarkNeeded does (logical nodes are shared between rules, so they carry
// no source range of their own; `a == b` reads `a` through a rank table, not as a value).
diag::SourceRange Rewriter::ReaderRange(ValueId id) const {
  std::vector<bool> reads(in_.nodes.size(), false);
  reads[id] = true;
  for (ValueId user = id + 1; user < in_.nodes.size(); ++user) {
    if (!needed_[user] || Dictable(user) || scalar_[user] || ComparesTwoStringColumns(user)) {
      continue;
    }
    for (ValueId arg : in_.nodes[user].args) reads[user] = reads[user] || reads[arg];
  }
  for (const ir::Output& output : in_.outputs) {
    if (reads[output.value]) return output.origin;
  }
  return in_.nodes[id].origin;
}

Result<PhysicalPlan> Rewriter::Run() {
  out_.graph.inputs = in_.inputs;
  out_.graph.run_inputs = in_.run_inputs;
  out_.graph.customer_table = in_.customer_table;
  out_.graph.customer_key = in_.customer_key;
  out_.graph.event_tables = in_.event_tables;
  if (auto unsupported = FirstUnsupported()) return unsupported->second;
  // Ascending order keeps the copy's numbering stable and its recursion shallow.
  for (ValueId id = 0; id < in_.nodes.size(); ++id) {
    if (needed_[id]) Copy(id);
  }
  for (ir::Output output : in_.outputs) {
    output.value = Copy(output.value);
    out_.graph.outputs.push_back(std::move(output));
  }
  return std::move(out_);
}

}  // namespace

Result<PhysicalPlan> RewriteStrings(const ir::Program& in) { return Rewriter(in).Run(); }

std::optional<Unsupported> FindUnsupported(const ir::Program& in) {
  std::optional<std::pair<diag::SourceRange, Status>> found = Rewriter(in).FirstUnsupported();
  if (!found) return std::nullopt;
  return Unsupported{found->first, found->second.message()};
}

}  // namespace segc::plan::detail
