// Statistic names: the IR input of each statistic printed back in the rule language's syntax.
#include "compiler/plan/stat_names.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "compiler/ast/source_text.h"
#include "compiler/ir/calendar.h"
#include "segc/schema_infer.h"
#include "stdlib/builtins.h"

namespace segc::plan {
namespace {

using ir::Op;
using ir::ValueId;

/// Binding strength of the language's operators (docs/language.md, Precedence).
enum Prec : int { kOr = 1, kAnd, kNot, kCompare, kAdditive, kMultiplicative, kUnary, kAtom };

/// Longer input texts are cut: a name is a label for people, and shared subexpressions of a
/// generated rule could otherwise grow the text exponentially.
constexpr size_t kMaxText = 100;

struct Text {
  std::string text;
  int prec = kAtom;
};

/// An output name ("rfm.R"): each part as written in a rule.
std::string OutputName(const std::string& name) {
  size_t dot = name.find('.');
  if (dot == std::string::npos) return ast::FormatName(name);
  return ast::FormatName(name.substr(0, dot)) + "." + ast::FormatName(name.substr(dot + 1));
}

/// Cuts `text` to kMaxText bytes at a UTF-8 character boundary (names end up in JSON).
std::string Shorten(std::string text) {
  if (text.size() <= kMaxText) return text;
  size_t cut = kMaxText - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

const char* Symbol(Op op) {
  switch (op) {
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    case Op::kEq:
      return "==";
    case Op::kNe:
      return "!=";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    default:
      return ">=";
  }
}

class Namer {
 public:
  Namer(const ir::Program& p, const std::vector<DictTable>& dicts) : p_(p), dicts_(dicts) {
    for (const ir::Output& o : p.outputs) {
      // A measure's per-row value is no name other expressions use (`measure basket =
      // mean(avg_basket)` must not rename median(avg_basket)).
      if (o.kind == ir::OutputKind::kMeasure) continue;
      Name(o.value, o);
      // A score is output as a float: the value other expressions use is the cast's argument.
      const ir::Node& node = p.nodes[o.value];
      if (node.op == Op::kCast) Name(node.args[0], o);
    }
  }

  std::string Stat(uint32_t index);
  std::string Derived(uint32_t index);

 private:
  /// Prints `value` as the output's name, unless it is a bare column, constant or statistic
  /// (`score spend = total_spent` must not rename every statistic of total_spent). An
  /// aggregate's column is computed, so `score spend = sum(purchases.amount)` names it.
  void Name(ValueId value, const ir::Output& output) {
    const ir::Node& node = p_.nodes[value];
    Op op = node.op;
    if (op == Op::kColumn && !IsAggregate(node)) return;
    // A run input is a statistic (kScalar) in a physical plan: not renamed either, so that a
    // logical program's names are the plan's (`score s = prm0` must not rename `x + prm0`).
    if (op == Op::kConst || op == Op::kStat || op == Op::kDerived || op == Op::kRunInput) return;
    outputs_.emplace(value, &output);
  }
  bool IsAggregate(const ir::Node& column) const {
    return p_.inputs[column.payload.index].aggregate >= 0;
  }
  std::string Expr(ValueId id, int context);
  Text Node(ValueId id);
  Text Print(ValueId id);
  Text Const(const ir::Node& node, ValueId other);
  Text Arithmetic(const ir::Node& node);
  Text Logic(const ir::Node& node, const char* word, int prec);
  std::string Call(const std::string& name, const std::vector<ValueId>& args);

  const ir::Program& p_;
  const std::vector<DictTable>& dicts_;
  std::unordered_map<ValueId, const ir::Output*> outputs_;
  std::unordered_map<ValueId, Text> memo_;
  std::map<uint32_t, std::string> stats_, derived_;
};

std::string Namer::Stat(uint32_t index) {
  if (auto it = stats_.find(index); it != stats_.end()) return it->second;
  const ir::Stat& s = p_.stats[index];
  std::string input = Expr(s.input, 0);
  std::string name;
  switch (s.kind) {
    case ir::StatKind::kPercentile:
      // p90, p99.5: the language's own shorthand; the quantile printed to 10 digits so that
      // 0.995 * 100 reads 99.5.
      name = s.q == 0.5 ? "median(" + input + ")" : fmt::format("p{:.10g}({})", s.q * 100, input);
      break;
    case ir::StatKind::kMean:
      name = "mean(" + input + ")";
      break;
    case ir::StatKind::kStddev:
      name = "stddev(" + input + ")";
      break;
    case ir::StatKind::kMinOf:
      name = "min_of(" + input + ")";
      break;
    case ir::StatKind::kMaxOf:
      name = "max_of(" + input + ")";
      break;
    case ir::StatKind::kScalar:
      name = input;  // computed from the run inputs; not reported, but named like the rest
      break;
  }
  return stats_[index] = name;
}

std::string Namer::Derived(uint32_t index) {
  if (auto it = derived_.find(index); it != derived_.end()) return it->second;
  const ir::Derived& d = p_.derived[index];
  std::string input = Expr(d.input, 0);
  std::string name;
  switch (d.kind) {
    case ir::DerivedKind::kNtile:
      name = fmt::format("ntile({}, {})", d.n, input);
      break;
    case ir::DerivedKind::kCumshare:
      name = "cumshare(" + input + ")";
      break;
    case ir::DerivedKind::kPercentRank:
      name = "percent_rank(" + input + ")";
      break;
  }
  return derived_[index] = name;
}

std::string Namer::Expr(ValueId id, int context) {
  Text t = Node(id);
  return t.prec < context ? "(" + t.text + ")" : t.text;
}

Text Namer::Node(ValueId id) {
  if (auto it = memo_.find(id); it != memo_.end()) return it->second;
  Text t = Print(id);
  t.text = Shorten(std::move(t.text));
  return memo_[id] = t;
}

std::string Namer::Call(const std::string& name, const std::vector<ValueId>& args) {
  std::string out = name + "(";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + Expr(args[i], 0);
  return out + ")";
}

Text Namer::Const(const ir::Node& node, ValueId other) {
  if (node.payload.is_null) return {"null"};
  switch (node.type) {
    case ir::Type::kBool:
      return {node.payload.i ? "true" : "false"};
    case ir::Type::kInt:
      return {std::to_string(node.payload.i), node.payload.i < 0 ? kUnary : kAtom};
    case ir::Type::kFloat:
      return {ast::FormatNumber(node.payload.f), node.payload.f < 0 ? kUnary : kAtom};
    case ir::Type::kDate:
      return {ir::FormatDate(node.payload.i)};
    case ir::Type::kString:
      return {rt::QuoteString(p_.strings[node.payload.index])};
    case ir::Type::kLabel: {
      // A label is compared with its classify: print its text when the other side is one.
      auto it = other == ir::kNoValue ? outputs_.end() : outputs_.find(other);
      const auto code = size_t(node.payload.i);
      if (it != outputs_.end() && code < it->second->labels.size()) {
        return {rt::QuoteString(it->second->labels[code])};
      }
      return {"#" + std::to_string(code)};
    }
  }
  return {"?"};
}

Text Namer::Arithmetic(const ir::Node& node) {
  const ir::Node& a = p_.nodes[node.args[0]];
  const ir::Node& b = p_.nodes[node.args[1]];
  int prec = node.op == Op::kAdd || node.op == Op::kSub ? kAdditive : kMultiplicative;
  std::string rhs = Expr(node.args[1], prec + 1);
  // date ± days: the days as a duration.
  if (a.type == ir::Type::kDate && b.type == ir::Type::kInt && b.op == Op::kConst) rhs += "d";
  return {Expr(node.args[0], prec) + " " + Symbol(node.op) + " " + rhs, prec};
}

Text Namer::Logic(const ir::Node& node, const char* word, int prec) {
  std::string out;
  for (size_t i = 0; i < node.args.size(); ++i) {
    out += (i ? word : "") + Expr(node.args[i], prec + 1);
  }
  return {out, prec};
}

Text Namer::Print(ValueId id) {
  if (auto it = outputs_.find(id); it != outputs_.end()) return {OutputName(it->second->name)};
  const ir::Node& node = p_.nodes[id];
  switch (node.op) {
    case Op::kConst:
      return Const(node, ir::kNoValue);
    case Op::kColumn:
      // An aggregate's column is named by its expression, which needs no quoting.
      if (IsAggregate(node)) return {p_.inputs[node.payload.index].name};
      return {ast::FormatName(p_.inputs[node.payload.index].name)};
    case Op::kAggregate:  // a logical program's (the SQL backend names its statistics)
      return {AggregateName(p_, node.payload.index)};
    case Op::kStat:
      if (p_.stats[node.payload.index].kind == ir::StatKind::kScalar) {
        return Node(p_.stats[node.payload.index].input);
      }
      return {Stat(node.payload.index)};
    case Op::kRunInput:
      return {p_.run_inputs[node.payload.index].name};
    case Op::kDerived:
      return {Derived(node.payload.index)};
    case Op::kDictLookup:
      return Node(dicts_[node.payload.index].root);
    case Op::kCast:  // conversions are implicit in the language
    case Op::kIsTrue:
      return Node(node.args[0]);
    case Op::kNeg:
      return {"-" + Expr(node.args[0], kUnary), kUnary};
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
      return Arithmetic(node);
    case Op::kAddMonths: {
      const ir::Node& months = p_.nodes[node.args[1]];
      if (months.op != Op::kConst) return {Call("add_months", node.args)};
      int64_t m = months.payload.i;
      return {fmt::format("{} {} {}mo", Expr(node.args[0], kAdditive), m < 0 ? "-" : "+",
                          m < 0 ? -m : m),
              kAdditive};
    }
    case Op::kAnd:
      return Logic(node, " and ", kAnd);
    case Op::kOr:
      return Logic(node, " or ", kOr);
    case Op::kNot:
      return {"not " + Expr(node.args[0], kNot), kNot};
    case Op::kIsNull:
    case Op::kIsNotNull:
      return {
          Expr(node.args[0], kCompare + 1) + (node.op == Op::kIsNull ? " is null" : " is not null"),
          kCompare};
    case Op::kCoalesce:
      return {Call("coalesce", node.args)};
    case Op::kSelect:  // only reached for an unnamed classify or points score
      return {Call("if", node.args)};
    case Op::kCall: {
      // As written: without the arguments the lowering appended (the evaluation date).
      const stdlib::BuiltinInfo& fn = stdlib::Builtin(stdlib::BuiltinId(node.payload.index));
      std::vector<ValueId> args = node.args;
      args.resize(args.size() - stdlib::ImplicitArgs(fn));
      return {Call(std::string(fn.name), args)};
    }
    default:
      break;
  }
  // Comparisons; a label constant is printed with the classify on the other side.
  auto side = [&](int i) {
    const ir::Node& n = p_.nodes[node.args[size_t(i)]];
    if (n.op != Op::kConst) return Expr(node.args[size_t(i)], kCompare + 1);
    return Const(n, node.args[size_t(1 - i)]).text;
  };
  return {side(0) + " " + Symbol(node.op) + " " + side(1), kCompare};
}

}  // namespace

std::string AggregateName(const ir::Program& g, uint32_t index) {
  const ir::Aggregate& a = g.aggregates[index];
  std::string table = g.event_tables[a.table - 1].name;
  std::string value = a.value == ir::kNoValue ? table
                      : g.nodes[a.value].op == Op::kColumn
                          ? table + "." + g.inputs[g.nodes[a.value].payload.index].name
                          : table + " ...";
  return fmt::format("{}({}{})", ir::AggregateKindName(a.kind), value,
                     a.filter == ir::kNoValue ? "" : " where ...");
}

StatNames NameStatistics(const PhysicalPlan& plan) {
  return NameStatistics(plan.graph, plan.dicts);
}

StatNames NameStatistics(const ir::Program& program, const std::vector<DictTable>& dicts) {
  Namer namer(program, dicts);
  StatNames names;
  for (uint32_t i = 0; i < program.stats.size(); ++i) names.stats.push_back(namer.Stat(i));
  for (uint32_t i = 0; i < program.derived.size(); ++i) names.derived.push_back(namer.Derived(i));
  // The printer drops casts, so two statistics can print alike: number the later ones.
  std::map<std::string, int> seen;
  for (auto* list : {&names.stats, &names.derived}) {
    for (std::string& name : *list) {
      int n = ++seen[name];
      if (n > 1) name += fmt::format(" #{}", n);
    }
  }
  return names;
}

}  // namespace segc::plan
