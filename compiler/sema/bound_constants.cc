// Import bindings against the constant arguments of the module: `import tiles(n = 0)` where the
// module writes `ntile(n, x)` is an error at the binding (E0214, E0213, E0204). The module itself
// was checked once, with its params' defaults; a binding changes a param's value for that
// import only, so each use that depends on a bound param is evaluated again with the bound value.
#include <optional>
#include <string>

#include "compiler/sema/detail/context.h"
#include "compiler/sema/regex.h"

namespace segc::sema::detail {
namespace {

using diag::Make;

/// A constant argument's value with one import's bindings, and the binding it depends on.
struct BoundValue {
  std::optional<double> number;
  const ast::StringLit* text = nullptr;
  const ast::Expr* binding = nullptr;  ///< the first bound param the value depends on
  uint32_t param = kNone;              ///< that param's decl index in the module
};

class BoundConstantChecker {
 public:
  BoundConstantChecker(Context& ctx, const Unit& module, const Import& import)
      : ctx_(ctx), module_(module), import_(import) {}

  /// One error per import: the first use its bindings break.
  void Run() {
    for (const ConstantUse& use : module_.constant_uses) {
      BoundValue value = Evaluate(*use.arg);
      if (value.binding != nullptr && !Valid(use, value)) return Report(use, value);
    }
  }

 private:
  /// Mirrors sema's folding (typecheck_expr.cc) with the import's bound params substituted.
  BoundValue Evaluate(const ast::Expr& expr) const {
    if (const auto* literal = std::get_if<ast::StringLit>(&expr.kind)) return {{}, literal};
    if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
      BoundValue value = Evaluate(*unary->operand);
      if (unary->op == ast::UnaryOp::kNeg && value.number) value.number = -*value.number;
      return value;
    }
    if (const auto* binary = std::get_if<ast::Binary>(&expr.kind)) {
      BoundValue lhs = Evaluate(*binary->lhs), rhs = Evaluate(*binary->rhs);
      BoundValue value = lhs.binding != nullptr ? lhs : rhs;
      value.text = nullptr;
      value.number =
          lhs.number && rhs.number ? Fold(binary->op, *lhs.number, *rhs.number) : std::nullopt;
      return value;
    }
    const ExprInfo& info = ctx_.Info(expr.id);
    if (info.symbol.kind != Symbol::Kind::kDecl) return {info.number};
    const DeclInfo& decl = module_.decls[info.symbol.index];
    if (decl.kind == DeclKind::kLet) return Evaluate(*std::get<ast::LetDecl>(decl.ast->kind).value);
    if (decl.kind != DeclKind::kParam) return {info.number};
    auto bound = import_.bindings.find(info.symbol.index);
    if (bound == import_.bindings.end()) {
      return Evaluate(*std::get<ast::ParamDecl>(decl.ast->kind).value);
    }
    BoundValue value = Evaluate(*bound->second);
    value.binding = bound->second;
    value.param = info.symbol.index;
    return value;
  }

  static bool Valid(const ConstantUse& use, const BoundValue& value) {
    if (use.pattern) return value.text == nullptr || !RegexError(value.text->value);
    // Not a number with the bound values (a division by zero): the lowering reports it.
    return !value.number || use.Accepts(*value.number);
  }

  void Report(const ConstantUse& use, const BoundValue& value) {
    std::string setting = "with " + Quote(module_.decls[value.param].name) + " = " +
                          std::string(ctx_.sources.Text(value.binding->range)) + ", " + use.what +
                          " in module " + Quote(import_.module);
    std::string range =
        use.integer ? "an integer in " + use.Range() : "a number in 0..1 (`0.9` or `90%`)";
    std::string message =
        use.pattern
            ? setting + " is not a valid regular expression: " + *RegexError(value.text->value)
            : setting + " is " + NumberText(*value.number) + ", but it must be " + range;
    diag::Diagnostic d = Make(use.code, value.binding->range, message);
    d.help = use.pattern
                 ? "write an RE2 regular expression (no look-around or back-references)"
                 : "set " + Quote(module_.decls[value.param].name) + " to a value that gives " +
                       range + ", or leave the module's default";
    d.secondary.push_back({use.arg->range, "used here as " + use.what});
    ctx_.Report(std::move(d));
  }

  Context& ctx_;
  const Unit& module_;
  const Import& import_;
};

}  // namespace

void CheckBoundConstants(Context& ctx, uint32_t unit_index) {
  for (const Import& import : ctx.project.units[unit_index]->imports) {
    if (import.unit == kNone) continue;
    BoundConstantChecker(ctx, *ctx.project.units[import.unit], import).Run();
  }
}

}  // namespace segc::sema::detail
