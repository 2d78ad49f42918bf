// Expression typing: literals, names, arithmetic, logic (E0202, E0205, E0207, E0213).
#include <cmath>

#include "compiler/sema/detail/expr_checker.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

std::string ConditionHelp(const Type& type) {
  if (type.is_numeric()) return "compare it with a number, e.g. `x > 0`";
  if (type.is_stringlike()) return "compare it with a string, e.g. `x == \"value\"`";
  if (type.kind() == TypeKind::kDate) return "compare it with a date or a duration, e.g. `x < 30d`";
  return "a condition must be true or false for each row";
}

const char* OpVerb(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kAdd:
      return "add";
    case ast::BinaryOp::kSub:
      return "subtract";
    case ast::BinaryOp::kMul:
      return "multiply";
    default:
      return "divide";
  }
}

}  // namespace

std::optional<double> Fold(ast::BinaryOp op, double a, double b) {
  switch (op) {
    case ast::BinaryOp::kAdd:
      return a + b;
    case ast::BinaryOp::kSub:
      return a - b;
    case ast::BinaryOp::kMul:
      return a * b;
    case ast::BinaryOp::kDiv:
      return b == 0 ? std::nullopt : std::optional<double>(a / b);
    default:
      return std::nullopt;
  }
}

const ExprInfo& ExprChecker::Check(const ast::Expr& expr) {
  ExprInfo& info = ctx_.Info(expr.id);
  CheckKind(expr, info);
  return info;
}

void ExprChecker::CheckKind(const ast::Expr& expr, ExprInfo& info) {
  auto literal = [&](Type type, std::optional<double> number = std::nullopt) {
    info.type = std::move(type);
    info.never_null = true;
    info.number = number;
  };
  std::visit(
      ast::Overloaded{
          [&](const ast::IntLit& lit) { literal(Type::Int(), static_cast<double>(lit.value)); },
          [&](const ast::FloatLit& lit) { literal(Type::Float(), lit.value); },
          [&](const ast::PercentLit& lit) { literal(Type::Float(), lit.value); },
          [&](const ast::StringLit&) { literal(Type::String()); },
          [&](const ast::BoolLit&) { literal(Type::Bool()); },
          [&](const ast::DateLit&) { literal(Type::Date()); },
          [&](const ast::DurationLit&) { literal(Type::Duration()); },
          [&](const ast::NameRef&) { Name(expr, info); },
          [&](const ast::QualifiedRef&) { Member(expr, info); },
          [&](const ast::PercentileRef& ref) { LonePercentile(expr, ref); },
          [&](const ast::Call& call) { Call(expr, call, info); },
          [&](const ast::Unary& unary) { Unary(expr, unary, info); },
          [&](const ast::Binary& binary) {
            if (binary.op <= ast::BinaryOp::kDiv) {
              Arithmetic(binary, info);
            } else {
              Compare(expr, binary, info);
            }
          },
          [&](const ast::Logical& logical) { Logical(logical, info); },
          [&](const ast::Between& between) { Between(expr, between, info); },
          [&](const ast::InList& in) { InList(expr, in, info); },
          [&](const ast::IsNull& is_null) {
            info.row_dependent = Check(*is_null.value).row_dependent;
            info.type = Type::Bool();
            info.never_null = true;
          },
          [&](const ast::Within& within) { Within(expr, within, info); },
          [&](const ast::Ago& ago) { Ago(expr, ago, info); },
      },
      expr.kind);
}

void ExprChecker::Name(const ast::Expr&, ExprInfo& info) {
  switch (info.symbol.kind) {
    case Symbol::Kind::kColumn:
      info.type = ctx_.project.schema.columns[info.symbol.index].type;
      info.row_dependent = true;
      return;
    case Symbol::Kind::kDecl:
      FromDecl(unit_.decls[info.symbol.index], info);
      return;
    case Symbol::Kind::kEventColumn:
      info.type = ctx_.project.events[info.symbol.table].table.columns[info.symbol.index].type;
      info.row_dependent = true;
      return;
    default:
      info.type = Type::Error();
      return;  // reported by resolution
  }
}

void ExprChecker::Member(const ast::Expr&, ExprInfo& info) {
  if (info.symbol.kind == Symbol::Kind::kEventColumn) {
    info.type = ctx_.project.events[info.symbol.table].table.columns[info.symbol.index].type;
    info.row_dependent = true;
    return;
  }
  if (info.symbol.kind != Symbol::Kind::kMember) {
    info.type = Type::Error();
    return;
  }
  const Import& import = unit_.imports[info.symbol.import];
  FromDecl(ctx_.project.units[import.unit]->decls[info.symbol.index], info);
}

void ExprChecker::FromDecl(const DeclInfo& decl, ExprInfo& info) {
  // A declaration in a reference cycle has no type; the cycle was reported (E0105).
  info.type = decl.in_cycle ? Type::Error() : decl.type;
  info.never_null = decl.kind == DeclKind::kSegment;  // LANGUAGE.md §4: segments are non-null
  info.row_dependent = decl.kind != DeclKind::kParam;
  if (decl.kind == DeclKind::kLet) {
    const auto& let = std::get<ast::LetDecl>(decl.ast->kind);
    info.row_dependent = ctx_.Info(let.value->id).row_dependent;
    info.number = ctx_.Info(let.value->id).number;
  }
  if (decl.kind == DeclKind::kParam) {
    const auto& param = std::get<ast::ParamDecl>(decl.ast->kind);
    info.number = ctx_.Info(param.value->id).number;
  }
}

void ExprChecker::Unary(const ast::Expr& expr, const ast::Unary& unary, ExprInfo& info) {
  if (unary.op == ast::UnaryOp::kNot) {
    info.type = CheckCondition(*unary.operand, "the operand of 'not'");
    info.row_dependent = ctx_.Info(unary.operand->id).row_dependent;
    return;
  }
  const ExprInfo& operand = Check(*unary.operand);
  info.row_dependent = operand.row_dependent;
  if (operand.type.is_error()) return;
  if (operand.type.is_numeric() || operand.type.kind() == TypeKind::kDuration) {
    info.type = operand.type;
    if (operand.number) info.number = -*operand.number;
    return;
  }
  diag::Diagnostic d =
      Make(Code::kInvalidArithmetic, expr.range,
           "cannot negate " + Show(*unary.operand) + ", which is " + Described(operand.type));
  d.help = "'-' applies to numbers and durations";
  info.type = Fail(std::move(d));
}

void ExprChecker::Arithmetic(const ast::Binary& binary, ExprInfo& info) {
  const ExprInfo& lhs = Check(*binary.lhs);
  const ExprInfo& rhs = Check(*binary.rhs);
  info.row_dependent = lhs.row_dependent || rhs.row_dependent;
  if (lhs.type.is_error() || rhs.type.is_error()) return;
  TypeKind a = lhs.type.kind(), b = rhs.type.kind();
  bool add = binary.op == ast::BinaryOp::kAdd, sub = binary.op == ast::BinaryOp::kSub;
  if (lhs.type.is_numeric() && rhs.type.is_numeric()) {
    info.type =
        binary.op == ast::BinaryOp::kDiv ? Type::Float() : CommonNumeric(lhs.type, rhs.type);
    if (lhs.number && rhs.number) info.number = Fold(binary.op, *lhs.number, *rhs.number);
    return;
  }
  if (sub && a == TypeKind::kDate && b == TypeKind::kDate) {
    info.type = Type::Duration();  // LANGUAGE.md §5: d - d is a duration in days
    return;
  }
  if ((add || sub) && a == TypeKind::kDate && b == TypeKind::kDuration) {
    info.type = Type::Date();
    return;
  }
  if (add && a == TypeKind::kDuration && b == TypeKind::kDate) {
    info.type = Type::Date();
    return;
  }
  diag::Diagnostic d = Make(Code::kInvalidArithmetic, binary.op_range,
                            std::string("cannot ") + OpVerb(binary.op) + " " + Described(lhs.type) +
                                " and " + Described(rhs.type));
  d.label = Show(*binary.lhs) + " is " + Described(lhs.type) + ", " + Show(*binary.rhs) + " is " +
            Described(rhs.type);
  d.help = "arithmetic works on numbers, and on dates with durations (`d - 30d`, `d1 - d2`)";
  if (a == TypeKind::kDuration && b == TypeKind::kDuration) {
    d.help = "durations cannot be combined; write one duration (`90d`, `3mo`)";
  }
  info.type = Fail(std::move(d));
}

void ExprChecker::Logical(const ast::Logical& logical, ExprInfo& info) {
  const char* op = logical.op == ast::LogicalOp::kAnd ? "'and'" : "'or'";
  bool error = false;
  for (const ast::ExprPtr& operand : logical.operands) {
    error |= CheckCondition(*operand, std::string("an operand of ") + op).is_error();
    info.row_dependent |= ctx_.Info(operand->id).row_dependent;
  }
  info.type = error ? Type::Error() : Type::Bool();
}

Type ExprChecker::CheckCondition(const ast::Expr& expr, const std::string& what) {
  const ExprInfo& info = Check(expr);
  if (info.type.is_error() || info.type.kind() == TypeKind::kBool) return info.type;
  diag::Diagnostic d = Make(Code::kConditionNotBool, expr.range,
                            what + " is " + Described(info.type) + ", not a boolean");
  d.label = Show(expr) + " is " + Described(info.type);
  d.help = ConditionHelp(info.type);
  return Fail(std::move(d));
}

void ExprChecker::LonePercentile(const ast::Expr& expr, const ast::PercentileRef& ref) {
  // Reached only when no comparison lent a column (Operand() handles the borrowing case).
  std::string name = std::string(ctx_.sources.Text(expr.range));
  if (name.empty()) name = "p" + std::to_string(static_cast<int>(ref.percent));
  diag::Diagnostic d = Make(Code::kPercentileWithoutColumn, expr.range,
                            "percentile shorthand " + Quote(name) + " has no column to borrow");
  d.label = partner_ != nullptr ? "only a bare pNN next to a comparison operator borrows a column"
                                : "not compared with a column";
  d.help = "write the explicit form: `" + name + "(" + PercentileSubject() + ")`";
  Fail(std::move(d));
}

void ExprChecker::Ago(const ast::Expr& expr, const ast::Ago& ago, ExprInfo& info) {
  const ExprInfo& duration = Check(*ago.duration);
  info.row_dependent = duration.row_dependent;
  if (duration.type.is_error()) return;
  if (duration.type.kind() == TypeKind::kDuration) {
    info.type = Type::Date();
    info.desugar = Desugar::kAgo;
    return;
  }
  diag::Diagnostic d = Make(
      Code::kTypeMismatch, expr.range,
      "'ago' needs a duration, but " + Show(*ago.duration) + " is " + Described(duration.type));
  d.help = "write a duration with a unit: `30d ago`, `6mo ago`";
  info.type = Fail(std::move(d));
}

Type ExprChecker::Fail(diag::Diagnostic d) {
  ctx_.Report(std::move(d));
  return Type::Error();
}

std::string ExprChecker::Show(const ast::Expr& expr) const {
  std::string_view text = ctx_.sources.Text(expr.range);
  if (text.empty() || text.size() > 40 || text.find('\n') != std::string_view::npos) {
    return "this expression";
  }
  return "'" + std::string(text) + "'";
}

std::string ExprChecker::ExampleColumn() const {
  if (!unit_.is_module) {
    for (const Column& column : ctx_.project.schema.columns) {
      if (column.type.is_numeric() && column.name != ctx_.project.schema.key) return column.name;
    }
  }
  for (const DeclInfo& decl : unit_.decls) {
    if (decl.kind == DeclKind::kInput && decl.type.is_numeric()) return decl.name;
  }
  return "column";
}

}  // namespace segc::sema::detail
