// `segc graph RULES [--format dot|mermaid|json]`: what each declaration of a project uses
// (segments, scores, classes, lets, params, columns, event tables, imported modules).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <unordered_map>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/load_rules.h"
#include "compiler/api/pipeline.h"

namespace segc::cli {
namespace {

struct GraphArgs {
  std::vector<std::string> paths;
  std::string format = "dot";
  std::vector<std::string> lib_dirs;
  std::string color = "auto";
};

struct Node {
  std::string kind;  // segment score classify let param module events column
  std::string name;
};

/// `from` uses `to`; an edge to a module lists the members used (`At_Risk, Champions`).
struct Edge {
  size_t from = 0;
  size_t to = 0;
  std::vector<std::string> members;
};

/// Nodes in a stable order (declarations in source order, then modules, event tables and the
/// columns used, in declaration order); edges from a user to what it uses, each once.
class GraphBuilder {
 public:
  explicit GraphBuilder(const sema::CheckedProject& project)
      : project_(project), unit_(project.project()) {}

  void Build() {
    for (uint32_t d = 0; d < unit_.decls.size(); ++d) {
      const sema::DeclInfo& decl = unit_.decls[d];
      if (decl.kind == sema::DeclKind::kInput) continue;
      decl_by_index_[d] = Add(KindName(decl.kind), decl.name);
      decl_node_.push_back(decl_by_index_[d]);
    }
    for (const sema::Import& import : unit_.imports)
      module_node_.push_back(Add("module", import.alias));
    // Columns and event tables become nodes only when used, but in declaration order.
    for (size_t d = 0, n = 0; d < unit_.decls.size(); ++d) {
      const sema::DeclInfo& decl = unit_.decls[d];
      if (decl.kind == sema::DeclKind::kInput) continue;
      from_ = decl_node_[n++];
      ForEachExpr(*decl.ast, [&](const ast::Expr& e) { Visit(e); });
    }
    for (size_t i = 0; i < unit_.imports.size(); ++i) {
      from_ = module_node_[i];
      for (const ast::Binding& binding : unit_.imports[i].ast->bindings) Visit(*binding.value);
    }
    // Now the pending edges to columns and events, with their nodes numbered in schema order.
    std::map<uint32_t, size_t> events_node, column_node;
    for (const auto& [from, target, member] : pending_) {
      if (target.first == kEvents) events_node[target.second] = 0;
      if (target.first == kColumn) column_node[target.second] = 0;
    }
    for (auto& [index, node] : events_node)
      node = Add("events", project_.events[index].table.table);
    for (auto& [index, node] : column_node)
      node = Add("column", project_.schema.columns[index].name);
    for (const auto& [from, target, member] : pending_) {
      size_t to = target.first == kDecl     ? decl_by_index_.at(target.second)
                  : target.first == kModule ? module_node_[target.second]
                  : target.first == kEvents ? events_node.at(target.second)
                                            : column_node.at(target.second);
      auto [it, added] = edge_index_.try_emplace({from, to}, edges.size());
      if (added) edges.push_back({from, to, {}});
      std::vector<std::string>& members = edges[it->second].members;
      if (!member.empty() && std::find(members.begin(), members.end(), member) == members.end())
        members.push_back(member);
    }
  }

  std::vector<Node> nodes;
  std::vector<Edge> edges;

 private:
  enum TargetKind { kDecl, kModule, kEvents, kColumn };

  static const char* KindName(sema::DeclKind kind) {
    switch (kind) {
      case sema::DeclKind::kSegment:
        return "segment";
      case sema::DeclKind::kScore:
        return "score";
      case sema::DeclKind::kClassify:
        return "classify";
      case sema::DeclKind::kLet:
        return "let";
      case sema::DeclKind::kParam:
        return "param";
      case sema::DeclKind::kMeasure:
        return "measure";
      case sema::DeclKind::kInput:
        break;
    }
    return "input";
  }

  size_t Add(std::string kind, std::string name) {
    nodes.push_back({std::move(kind), std::move(name)});
    return nodes.size() - 1;
  }

  template <class F>
  static void ForEachExpr(const ast::Decl& decl, F&& f) {
    std::visit(ast::Overloaded{
                   [&](const ast::SegmentDecl& d) { f(*d.where); },
                   [&](const ast::ScoreDecl& d) {
                     if (d.expr) f(*d.expr);
                     for (const ast::ScoreRule& rule : d.rules) {
                       f(*rule.points);
                       if (rule.when) f(*rule.when);
                     }
                   },
                   [&](const ast::ClassifyDecl& d) {
                     for (const ast::ClassifyArm& arm : d.arms)
                       if (arm.when) f(*arm.when);
                   },
                   [&](const ast::LetDecl& d) { f(*d.value); },
                   [&](const ast::ParamDecl& d) { f(*d.value); },
                   [&](const ast::MeasureDecl& d) {
                     for (const ast::ExprPtr& arg : d.args) f(*arg);
                     if (d.filter) f(*d.filter);
                   },
                   [&](const ast::AudienceDecl& d) { f(*d.segment); },
                   [&](const ast::SplitDecl& d) { f(*d.segment); },
                   [](const auto&) {},
               },
               decl.kind);
  }

  void Use(TargetKind kind, uint32_t index, std::string member = "") {
    pending_.push_back({from_, {kind, index}, std::move(member)});
  }

  std::string MemberName(const sema::Symbol& symbol) const {
    uint32_t unit = unit_.imports[symbol.import].unit;
    if (unit == sema::kNone || symbol.index >= project_.units[unit]->decls.size()) return "";
    return project_.units[unit]->decls[symbol.index].name;
  }

  void Visit(const ast::Expr& e) {
    const sema::Symbol& symbol = project_.info(e.id).symbol;
    switch (symbol.kind) {
      case sema::Symbol::Kind::kColumn:
        Use(kColumn, symbol.index);
        break;
      case sema::Symbol::Kind::kDecl:
        Use(kDecl, symbol.index);
        break;
      case sema::Symbol::Kind::kMember:
        Use(kModule, symbol.import, MemberName(symbol));
        break;
      case sema::Symbol::Kind::kEventTable:
      case sema::Symbol::Kind::kEventColumn:
      case sema::Symbol::Kind::kAggregate:
        if (symbol.table != sema::kNone) Use(kEvents, symbol.table);
        break;
      default:
        break;
    }
    std::visit(ast::Overloaded{
                   [&](const ast::Call& c) {
                     for (const ast::ExprPtr& a : c.args) Visit(*a);
                     if (c.filter) Visit(*c.filter);
                   },
                   [&](const ast::Unary& u) { Visit(*u.operand); },
                   [&](const ast::Binary& b) {
                     Visit(*b.lhs);
                     Visit(*b.rhs);
                   },
                   [&](const ast::Logical& l) {
                     for (const ast::ExprPtr& o : l.operands) Visit(*o);
                   },
                   [&](const ast::Between& b) {
                     Visit(*b.value);
                     Visit(*b.low);
                     Visit(*b.high);
                   },
                   [&](const ast::InList& in) {
                     Visit(*in.value);
                     for (const ast::ExprPtr& item : in.items) Visit(*item);
                   },
                   [&](const ast::IsNull& n) { Visit(*n.value); },
                   [&](const ast::Within& w) {
                     Visit(*w.value);
                     Visit(*w.duration);
                   },
                   [&](const ast::Ago& a) { Visit(*a.duration); },
                   [](const auto&) {},
               },
               e.kind);
  }

 private:
  const sema::CheckedProject& project_;
  const sema::Unit& unit_;
  std::vector<size_t> decl_node_, module_node_;
  std::unordered_map<uint32_t, size_t> decl_by_index_;
  size_t from_ = 0;
  std::vector<std::tuple<size_t, std::pair<TargetKind, uint32_t>, std::string>> pending_;
  std::map<std::pair<size_t, size_t>, size_t> edge_index_;
};

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Members(const Edge& edge) {
  std::string out;
  for (const std::string& m : edge.members) out += (out.empty() ? "" : ", ") + m;
  return out;
}

std::string Dot(const std::vector<Node>& nodes, const std::vector<Edge>& edges) {
  static const std::map<std::string, std::string> kShape = {
      {"segment", "box"},     {"score", "ellipse"},       {"classify", "hexagon"},
      {"let", "note"},        {"param", "parallelogram"}, {"module", "component"},
      {"events", "cylinder"}, {"column", "cylinder"},     {"measure", "invtrapezium"}};
  std::string out = "digraph segc {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (size_t i = 0; i < nodes.size(); ++i) {
    out += fmt::format("  n{} [label={}, shape={}];\n", i,
                       Quote(nodes[i].kind + " " + nodes[i].name), kShape.at(nodes[i].kind));
  }
  for (const Edge& e : edges) {
    if (e.members.empty()) {
      out += fmt::format("  n{} -> n{};\n", e.from, e.to);
    } else {
      out += fmt::format("  n{} -> n{} [label={}];\n", e.from, e.to, Quote(Members(e)));
    }
  }
  return out + "}\n";
}

std::string Mermaid(const std::vector<Node>& nodes, const std::vector<Edge>& edges) {
  static const std::map<std::string, std::pair<std::string, std::string>> kShape = {
      {"segment", {"[", "]"}},  {"score", {"([", "])"}},  {"classify", {"{{", "}}"}},
      {"let", {"(", ")"}},      {"param", {">", "]"}},    {"module", {"[[", "]]"}},
      {"events", {"[(", ")]"}}, {"column", {"[(", ")]"}}, {"measure", {"[/", "\\]"}}};
  std::string out = "flowchart LR\n";
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& [open, close] = kShape.at(nodes[i].kind);
    std::string label = nodes[i].kind + " " + nodes[i].name;
    for (char& c : label)
      if (c == '"') c = '\'';
    out += fmt::format("  n{}{}\"{}\"{}\n", i, open, label, close);
  }
  for (const Edge& e : edges) {
    if (e.members.empty()) {
      out += fmt::format("  n{} --> n{}\n", e.from, e.to);
    } else {
      out += fmt::format("  n{} -->|\"{}\"| n{}\n", e.from, Members(e), e.to);
    }
  }
  return out;
}

std::string Json(const std::vector<Node>& nodes, const std::vector<Edge>& edges) {
  nlohmann::ordered_json out;
  out["nodes"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < nodes.size(); ++i) {
    out["nodes"].push_back(
        {{"id", fmt::format("n{}", i)}, {"kind", nodes[i].kind}, {"name", nodes[i].name}});
  }
  out["edges"] = nlohmann::ordered_json::array();
  for (const Edge& e : edges) {
    nlohmann::ordered_json edge = {{"from", fmt::format("n{}", e.from)},
                                   {"to", fmt::format("n{}", e.to)}};
    if (!e.members.empty()) edge["members"] = e.members;
    out["edges"].push_back(std::move(edge));
  }
  return out.dump(2) + "\n";
}

int RunGraph(const GraphArgs& args) {
  diag::SourceManager sources;
  std::vector<api::CheckedRules> projects;
  if (auto code =
          LoadOneProject({"graph", args.paths, args.lib_dirs, args.color, {}}, sources, projects)) {
    return *code;
  }
  GraphBuilder builder(*projects[0].project);
  builder.Build();
  std::string out = args.format == "mermaid" ? Mermaid(builder.nodes, builder.edges)
                    : args.format == "json"  ? Json(builder.nodes, builder.edges)
                                             : Dot(builder.nodes, builder.edges);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace

Subcommand AddGraphCommand(CLI::App& root) {
  auto args = std::make_shared<GraphArgs>();
  CLI::App* app = root.add_subcommand(
      "graph", "Print what each segment, score, class, let and param of a project uses");
  app->add_option("RULES", args->paths, "The project: a directory or .seg files of one directory")
      ->required()
      ->type_name("");
  app->add_option("--format", args->format, "Graph format on stdout")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}))
      ->capture_default_str();
  app->add_option("--lib", args->lib_dirs, "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--color", args->color, "Colour in diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Nodes: the project's declarations (source order), imported modules (by alias), event\n"
      "tables and the columns used; an edge goes from a declaration to what it uses.\n"
      "Render dot with Graphviz ('dot -Tsvg'), mermaid in Markdown. See docs/cli.md.\n"
      "Exit status: 0 ok, 1 errors in the rules, 2 usage, 4 internal error.");
  return {app, [args] { return RunGraph(*args); }};
}

}  // namespace segc::cli
