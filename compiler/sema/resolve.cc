// Name resolution: bare names, `module.member` and calls → symbols, plus dependency edges
// (E0101, E0102, E0103, E0117, E0216).
#include <cctype>
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"
#include "compiler/sema/detail/percentile.h"
#include "compiler/sema/detail/walk.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool IsMemberKind(DeclKind kind) { return kind != DeclKind::kInput; }

class Resolver {
 public:
  Resolver(Context& ctx, uint32_t unit) : ctx_(ctx), unit_(*ctx.project.units[unit]) {}

  void Run() {
    for (DeclInfo& decl : unit_.decls) {
      deps_ = &decl.deps;
      ForEachExpr(*decl.ast, [&](const ast::Expr& expr) { Resolve(expr); });
    }
    for (Import& import : unit_.imports) {
      for (const auto& [decl, value] : import.bindings) {
        deps_ = &import.binding_deps[decl];
        Resolve(*value);
      }
    }
  }

 private:
  void Resolve(const ast::Expr& expr) {
    std::visit(ast::Overloaded{
                   [&](const ast::NameRef& name) { ResolveName(expr, name); },
                   [&](const ast::QualifiedRef& ref) { ResolveMember(expr, ref); },
                   [&](const ast::Call& call) { ResolveCall(expr, call); },
                   [](const auto&) {},
               },
               expr.kind);
    ForEachChild(expr, [&](const ast::Expr& child) { Resolve(child); });
  }

  void ResolveName(const ast::Expr& expr, const ast::NameRef& name) {
    ExprInfo& info = ctx_.Info(expr.id);
    uint32_t decl = unit_.Find(name.name);
    if (decl != kNone) {
      info.symbol = {Symbol::Kind::kDecl, decl, kNone};
      unit_.decls[decl].used = true;
      deps_->push_back({DepRef::Kind::kLocal, decl, kNone});
      return;
    }
    if (!unit_.is_module) {
      uint32_t column = ctx_.project.schema.Find(name.name);
      if (column != kNone) {
        info.symbol = {Symbol::Kind::kColumn, column, kNone};
        return;
      }
    }
    if (unit_.aliases.contains(name.name)) {
      NotAValue(expr, name.name, "a module",
                "use one of its declarations, e.g. `" + name.name + ".NAME`");
    } else if (!unit_.is_module && name.name == ctx_.project.schema.table) {
      NotAValue(expr, name.name, "the table", "refer to one of its columns");
    } else if (unit_.is_module || !ctx_.project.schema.table.empty()) {
      UnknownName(expr, name.name);
    }  // else: no table (E0113) is the root cause; the name stays unresolved (kError)
  }

  void NotAValue(const ast::Expr& expr, const std::string& name, const std::string& what,
                 std::string help) {
    diag::Diagnostic d =
        Make(Code::kNotAValue, expr.range, Quote(name) + " is " + what + ", not a value");
    d.help = std::move(help);
    ctx_.Report(std::move(d));
  }

  /// E0101 when the name most likely meant a column, E0102 otherwise (see docs/errors/E0101.md).
  void UnknownName(const ast::Expr& expr, const std::string& name) {
    std::vector<std::string> columns, decls;
    if (!unit_.is_module) {
      for (const Column& column : ctx_.project.schema.columns) columns.push_back(column.name);
    }
    for (const DeclInfo& decl : unit_.decls) decls.push_back(decl.name);
    std::string column_hint = diag::DidYouMean(name, columns);
    std::string decl_hint = diag::DidYouMean(name, decls);
    size_t column_distance = Distance(name, columns), decl_distance = Distance(name, decls);
    bool column_like =
        !unit_.is_module && (column_hint.empty() && decl_hint.empty()
                                 ? std::islower(static_cast<unsigned char>(name[0])) != 0
                                 : !column_hint.empty() && column_distance <= decl_distance);
    diag::Diagnostic d = column_like
                             ? Make(Code::kUnknownColumn, expr.range,
                                    "unknown column " + Quote(name) + " in table " +
                                        Quote(ctx_.project.schema.table))
                             : Make(Code::kUnknownName, expr.range, "unknown name " + Quote(name));
    d.label = column_like
                  ? "not a column"
                  : (unit_.is_module ? "not an input or declaration of module " + Quote(unit_.name)
                                     : "not a column or declaration");
    d.help = column_like ? column_hint : decl_hint;
    if (d.help.empty()) d.help = QuoteHint(name);
    ctx_.Report(std::move(d));
  }

  static size_t Distance(const std::string& name, const std::vector<std::string>& candidates) {
    std::vector<std::string> best = diag::ClosestNames(name, candidates);
    return best.empty() ? SIZE_MAX : diag::EditDistance(name, best[0]);
  }

  /// `stage == lead`: the name is an enum value or label that lost its quotes.
  std::string QuoteHint(const std::string& name) const {
    auto mentions = [&](const Type& type) {
      return type.values().size() > 0 && ValueSet{"", type.values()}.Contains(name);
    };
    bool value = false;
    if (!unit_.is_module) {
      for (const Column& column : ctx_.project.schema.columns) value |= mentions(column.type);
    }
    for (const DeclInfo& decl : unit_.decls) value |= mentions(decl.type);
    if (!value) return "";
    return "to compare with the value \"" + name + "\", write it as a string: \"" + name + "\"";
  }

  void ResolveMember(const ast::Expr& expr, const ast::QualifiedRef& ref) {
    auto alias = unit_.aliases.find(ref.module.name);
    if (alias == unit_.aliases.end() && !unit_.is_module &&
        ref.module.name == ctx_.project.schema.table) {
      return TableQualified(expr, ref);
    }
    if (alias == unit_.aliases.end()) {
      std::vector<std::string> aliases;
      for (const Import& import : unit_.imports) aliases.push_back(import.alias);
      diag::Diagnostic d = Make(Code::kUnknownName, ref.module.range,
                                "unknown module " + Quote(ref.module.name) + " in " +
                                    Quote(ref.module.name + "." + ref.member.name));
      d.label = "not imported";
      d.help = diag::DidYouMean(ref.module.name, aliases);
      if (d.help.empty()) d.help = "import it first: `import " + ref.module.name + "(...)`";
      ctx_.Report(std::move(d));
      return;
    }
    const Import& import = unit_.imports[alias->second];
    if (import.unit == kNone) return;  // the import itself was reported
    Unit& module = *ctx_.project.units[import.unit];
    uint32_t decl = module.Find(ref.member.name);
    if (decl == kNone || !IsMemberKind(module.decls[decl].kind)) {
      UnknownMember(module, ref);
      return;
    }
    module.decls[decl].used = true;
    ctx_.Info(expr.id).symbol = {Symbol::Kind::kMember, decl, alias->second};
    deps_->push_back({DepRef::Kind::kMember, decl, alias->second});
  }

  /// `customers.cltv`: a column written with its table's name (the language has one table).
  void TableQualified(const ast::Expr& expr, const ast::QualifiedRef& ref) {
    const Schema& schema = ctx_.project.schema;
    const std::string& column = ref.member.name;
    if (schema.Find(column) == kNone) return UnknownName(expr, column);
    diag::Diagnostic d =
        Make(Code::kUnknownName, ref.module.range,
             "column " + Quote(column) + " is written with the table name " + Quote(schema.table));
    d.label = "not needed";
    d.help = "columns are used without the table name: write " + Quote(column);
    ctx_.Report(std::move(d));
  }

  void UnknownMember(const Unit& module, const ast::QualifiedRef& ref) {
    std::vector<std::string> members;
    for (const DeclInfo& decl : module.decls) {
      if (IsMemberKind(decl.kind)) members.push_back(decl.name);
    }
    diag::Diagnostic d =
        Make(Code::kUnknownModuleMember, ref.member.range,
             "module " + Quote(module.name) + " has no declaration " + Quote(ref.member.name));
    d.help = diag::DidYouMean(ref.member.name, members);
    if (d.help.empty() && !members.empty()) {
      d.help = "it declares:";
      for (size_t i = 0; i < members.size() && i < 12; ++i) d.help += (i ? ", " : " ") + members[i];
    }
    ctx_.Report(std::move(d));
  }

  void ResolveCall(const ast::Expr& expr, const ast::Call& call) {
    ExprInfo& info = ctx_.Info(expr.id);
    if (std::optional<double> percent = ParsePercentileName(call.callee.name)) {
      info.symbol = {Symbol::Kind::kBuiltin, static_cast<uint32_t>(stdlib::BuiltinId::kPercentile),
                     kNone};
      return;
    }
    if (const stdlib::BuiltinInfo* builtin = stdlib::FindBuiltin(call.callee.name)) {
      info.symbol = {Symbol::Kind::kBuiltin, static_cast<uint32_t>(builtin->id), kNone};
      return;
    }
    std::vector<std::string> names;
    for (const stdlib::BuiltinInfo& builtin : stdlib::AllBuiltins()) {
      names.emplace_back(builtin.name);
    }
    diag::Diagnostic d = Make(Code::kUnknownFunction, call.callee.range,
                              "unknown function " + Quote(call.callee.name));
    d.help = diag::DidYouMean(call.callee.name, names);
    if (d.help.empty()) d.help = "the functions are listed in docs/language.md";
    ctx_.Report(std::move(d));
  }

  Context& ctx_;
  Unit& unit_;
  std::vector<DepRef>* deps_ = nullptr;
};

}  // namespace

void ResolveUnit(Context& ctx, uint32_t unit) { Resolver(ctx, unit).Run(); }

}  // namespace segc::sema::detail
