// Walks a declaration's syntax tree; each sub-expression that has a value becomes a generated
// output copied from its source text, so the engine computes it with everything else.
#include "cli/explain_tree.h"

#include <fmt/format.h>

#include "compiler/ast/ast.h"

namespace segc::cli {
namespace {

constexpr std::string_view kValuePrefix = "__segc_x_";
constexpr std::string_view kStepPrefix = "__segc_step_";

bool IsLiteral(const ast::Expr& e) {
  return std::holds_alternative<ast::IntLit>(e.kind) ||
         std::holds_alternative<ast::FloatLit>(e.kind) ||
         std::holds_alternative<ast::PercentLit>(e.kind) ||
         std::holds_alternative<ast::StringLit>(e.kind) ||
         std::holds_alternative<ast::BoolLit>(e.kind) ||
         std::holds_alternative<ast::DateLit>(e.kind) ||
         std::holds_alternative<ast::DurationLit>(e.kind);
}

class Builder {
 public:
  Builder(const sema::CheckedProject& project, const diag::SourceManager& sources,
          const std::map<std::string, std::string>& params, std::string& rules)
      : project_(project), sources_(sources), params_(params), rules_(rules) {}

  /// The node of expression `e` (text as written) and its children.
  ExplainNode Expr(const ast::Expr& e) {
    Remember(e);
    ExplainNode node;
    node.text = diag::OneLine(sources_.Text(e.range));
    const sema::ExprInfo& info = project_.info(e.id);
    if (const auto* p = std::get_if<ast::PercentileRef>(&e.kind)) {
      // `cltv > p90`: the statistic of the other side, written out as p90(cltv).
      auto borrowed = by_id_.find(info.borrowed);
      if (borrowed != by_id_.end()) {
        node.text = fmt::format("p{}({})", p->percent,
                                diag::OneLine(sources_.Text(borrowed->second->range)));
        Value(node, node.text, info.type.kind());
      }
      return node;
    }
    if (Reference(e, info, node)) return node;
    Value(node, std::string(sources_.Text(e.range)), info.type.kind());
    Children(e, node);
    return node;
  }

  /// A condition node without the line of its own: for score rules and classify arms, whose
  /// line already shows the condition.
  ExplainNode Condition(std::string text, const ast::Expr& when) {
    ExplainNode node = Expr(when);
    node.text = std::move(text);
    return node;
  }

  void Remember(const ast::Expr& e) {
    by_id_[e.id] = &e;
    std::visit(ast::Overloaded{
                   [&](const ast::Binary& b) {
                     Remember(*b.lhs);
                     Remember(*b.rhs);
                   },
                   [&](const ast::Between& b) {
                     Remember(*b.value);
                     Remember(*b.low);
                     Remember(*b.high);
                   },
                   [](const auto&) {},
               },
               e.kind);
  }

 private:
  /// Names: a column is read from the table, a param shown as given, a let expanded, a
  /// segment, score or class read from its own output.
  bool Reference(const ast::Expr& e, const sema::ExprInfo& info, ExplainNode& node) {
    const sema::Symbol& symbol = info.symbol;
    if (symbol.kind == sema::Symbol::Kind::kColumn) {
      node.from = ExplainNode::From::kColumn;
      node.output = project_.schema.columns[symbol.index].name;
      return true;
    }
    if (symbol.kind != sema::Symbol::Kind::kDecl || !std::holds_alternative<ast::NameRef>(e.kind))
      return false;
    const sema::DeclInfo& decl = project_.project().decls[symbol.index];
    switch (decl.kind) {
      case sema::DeclKind::kParam: {
        auto given = params_.find(decl.name);
        node.from = ExplainNode::From::kText;
        node.text_value = given != params_.end()
                              ? given->second
                              : diag::OneLine(sources_.Text(
                                    std::get<ast::ParamDecl>(decl.ast->kind).value->range));
        return true;
      }
      case sema::DeclKind::kLet: {
        const ast::Expr& value = *std::get<ast::LetDecl>(decl.ast->kind).value;
        Value(node, std::string(sources_.Text(e.range)), info.type.kind());
        if (!IsLiteral(value)) node.children.push_back(Expr(value));
        return true;
      }
      case sema::DeclKind::kSegment:
        node.from = ExplainNode::From::kSegment;
        break;
      case sema::DeclKind::kScore:
        node.from = ExplainNode::From::kScore;
        break;
      case sema::DeclKind::kClassify:
        node.from = ExplainNode::From::kClass;
        break;
      case sema::DeclKind::kInput:
      case sema::DeclKind::kMeasure:  // not a value (E0216)
        return false;
    }
    node.output = decl.name;
    return true;
  }

  /// Makes `node` read a generated output holding `text`'s value, for the types a run can
  /// output: bool (as a class "true"/"false"), numbers and dates (as scores).
  void Value(ExplainNode& node, const std::string& text, sema::TypeKind type) {
    std::string name = fmt::format("{}{}", kValuePrefix, count_++);
    // The expression on lines of its own: a comment inside it ends at its newline.
    switch (type) {
      case sema::TypeKind::kBool:
        rules_ += fmt::format(
            "classify {} {{\n  \"true\" when (\n{}\n)\n  \"false\" when not (\n{}\n)\n}}\n", name,
            text, text);
        node.from = ExplainNode::From::kClass;
        node.as_bool = true;
        break;
      case sema::TypeKind::kInt:
      case sema::TypeKind::kFloat:
        rules_ += fmt::format("score {} = (\n{}\n)\n", name, text);
        node.from = ExplainNode::From::kScore;
        node.is_int = type == sema::TypeKind::kInt;
        break;
      case sema::TypeKind::kDate:
        rules_ += fmt::format("score {} = days_since(\n{}\n)\n", name, text);
        node.from = ExplainNode::From::kScore;
        node.days = true;
        break;
      default:
        return;  // strings, durations, labels: the parent's line shows them
    }
    node.output = name;
  }

  void Add(ExplainNode& node, const ast::Expr& child) {
    if (!IsLiteral(child)) node.children.push_back(Expr(child));
  }

  void Children(const ast::Expr& e, ExplainNode& node) {
    std::visit(ast::Overloaded{
                   [&](const ast::Call& c) {
                     if (project_.info(e.id).symbol.kind == sema::Symbol::Kind::kAggregate)
                       return;  // its arguments are about events, not this row
                     for (const ast::ExprPtr& a : c.args) Add(node, *a);
                   },
                   [&](const ast::Unary& u) { Add(node, *u.operand); },
                   [&](const ast::Binary& b) {
                     Add(node, *b.lhs);
                     Add(node, *b.rhs);
                   },
                   [&](const ast::Logical& l) {
                     for (const ast::ExprPtr& o : l.operands) Add(node, *o);
                   },
                   [&](const ast::Between& b) {
                     Add(node, *b.value);
                     Add(node, *b.low);
                     Add(node, *b.high);
                   },
                   [&](const ast::InList& in) { Add(node, *in.value); },
                   [&](const ast::IsNull& n) { Add(node, *n.value); },
                   [&](const ast::Within& w) {
                     Add(node, *w.value);
                     Add(node, *w.duration);
                   },
                   [](const auto&) {},
               },
               e.kind);
  }

  const sema::CheckedProject& project_;
  const diag::SourceManager& sources_;
  const std::map<std::string, std::string>& params_;
  std::string& rules_;
  size_t count_ = 0;
  std::map<ast::NodeId, const ast::Expr*> by_id_;
};

/// An `otherwise` arm: a line without a value of its own.
ExplainNode Otherwise(std::string text) {
  ExplainNode node;
  node.text = std::move(text);
  return node;
}

ExplainDecl Explain(const sema::DeclInfo& decl, Builder& builder,
                    const diag::SourceManager& sources) {
  ExplainDecl out;
  out.name = decl.name;
  out.root.output = decl.name;
  std::visit(ast::Overloaded{
                 [&](const ast::SegmentDecl& d) {
                   out.kind = "segment";
                   out.root.from = ExplainNode::From::kSegment;
                   out.root.children.push_back(builder.Expr(*d.where));
                 },
                 [&](const ast::ScoreDecl& d) {
                   out.kind = "score";
                   out.root.from = ExplainNode::From::kScore;
                   if (d.expr) out.root.children.push_back(builder.Expr(*d.expr));
                   for (const ast::ScoreRule& rule : d.rules) {
                     std::string text = diag::OneLine(sources.Text(rule.range));
                     out.root.children.push_back(rule.when ? builder.Condition(text, *rule.when)
                                                           : builder.Condition(text, *rule.points));
                   }
                 },
                 [&](const ast::ClassifyDecl& d) {
                   out.kind = "classify";
                   out.root.from = ExplainNode::From::kClass;
                   for (const ast::ClassifyArm& arm : d.arms) {
                     std::string text = diag::OneLine(sources.Text(arm.range));
                     out.root.children.push_back(arm.when ? builder.Condition(text, *arm.when)
                                                          : Otherwise(text));
                   }
                 },
                 [&](const ast::AudienceDecl& d) {
                   out.kind = "audience";
                   out.root.from = ExplainNode::From::kSegment;
                   out.root.children.push_back(builder.Expr(*d.segment));
                 },
                 [&](const ast::SplitDecl& d) {
                   out.kind = "split";
                   out.root.from = ExplainNode::From::kClass;
                   out.root.children.push_back(builder.Expr(*d.segment));
                 },
                 [](const auto&) {},
             },
             decl.ast->kind);
  out.root.text = out.kind + " " + decl.name;
  return out;
}

}  // namespace

ExplainPlan PlanExplain(const sema::CheckedProject& project, const diag::SourceManager& sources,
                        const std::string& only, const std::map<std::string, std::string>& params) {
  ExplainPlan plan;
  Builder builder(project, sources, params, plan.extra_rules);
  for (const sema::DeclInfo& decl : project.project().decls) {
    bool output = decl.kind == sema::DeclKind::kSegment || decl.kind == sema::DeclKind::kScore ||
                  decl.kind == sema::DeclKind::kClassify;
    if (!output || decl.ast == nullptr || (!only.empty() && decl.name != only)) continue;
    plan.decls.push_back(Explain(decl, builder, sources));
  }
  return plan;
}

FunnelPlan PlanFunnel(const sema::CheckedProject& project, const diag::SourceManager& sources,
                      const std::string& name) {
  FunnelPlan plan;
  for (const sema::DeclInfo& decl : project.project().decls) {
    if (decl.kind != sema::DeclKind::kSegment || decl.name != name || decl.ast == nullptr) continue;
    const ast::Expr& where = *std::get<ast::SegmentDecl>(decl.ast->kind).where;
    std::vector<const ast::Expr*> conditions = {&where};
    if (const auto* l = std::get_if<ast::Logical>(&where.kind);
        l && l->op == ast::LogicalOp::kAnd) {
      conditions.clear();
      for (const ast::ExprPtr& o : l->operands) conditions.push_back(o.get());
    }
    std::string prefix;
    for (size_t k = 0; k < conditions.size(); ++k) {
      std::string_view text = sources.Text(conditions[k]->range);
      plan.steps.push_back(diag::OneLine(text));
      prefix += fmt::format("{}(\n{}\n)", k == 0 ? "" : " and ", text);
      plan.extra_rules += fmt::format("segment {} where {}\n", FunnelOutput(k), prefix);
    }
  }
  return plan;
}

std::string FunnelOutput(size_t k) { return fmt::format("{}{}", kStepPrefix, k); }

bool IsExplainOutput(const std::string& name) {
  return name.rfind(kValuePrefix, 0) == 0 || name.rfind(kStepPrefix, 0) == 0;
}

}  // namespace segc::cli
