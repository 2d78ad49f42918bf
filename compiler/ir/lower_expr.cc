// Lowering of expressions: literals, references, operators, comparisons and date desugaring.
#include <limits>

#include "compiler/ir/calendar.h"
#include "compiler/ir/lower_context.h"
#include "segc/check.h"

namespace segc::ir::detail {

namespace {

Op CompareOp(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq:
      return Op::kEq;
    case ast::BinaryOp::kNe:
      return Op::kNe;
    case ast::BinaryOp::kLt:
      return Op::kLt;
    case ast::BinaryOp::kLe:
      return Op::kLe;
    case ast::BinaryOp::kGt:
      return Op::kGt;
    default:
      return Op::kGe;
  }
}

bool IsCompare(ast::BinaryOp op) { return op >= ast::BinaryOp::kEq; }

}  // namespace

ValueId LowerContext::Negate(ValueId value) {
  const Node& node = builder_.node(value);
  if (node.op == Op::kConst && !node.payload.is_null) {
    if (node.type == Type::kFloat) return builder_.Float(-node.payload.f);
    if (node.type == Type::kInt && node.payload.i != std::numeric_limits<int64_t>::min()) {
      return builder_.Int(-node.payload.i);
    }
  }
  return builder_.Add(Op::kNeg, node.type, {value});
}

ValueId LowerContext::AsOf() {
  return builder_.Add(Op::kRunInput, Type::kDate, {}, {.index = kAsOfInput});
}

ValueId LowerContext::Shift(ValueId date, const Duration& duration, int sign) {
  const Node& base = builder_.node(date);
  if (duration.calendar) {
    int64_t months = sign * duration.months;
    if (base.op == Op::kConst && !base.payload.is_null) {
      auto folded = AddMonths(int32_t(base.payload.i), months);
      return folded ? builder_.Date(*folded) : builder_.Null(Type::kDate);
    }
    return builder_.Add(Op::kAddMonths, Type::kDate, {date, builder_.Int(months)});
  }
  const Node& days = builder_.node(duration.days);
  if (base.op == Op::kConst && !base.payload.is_null && days.op == Op::kConst &&
      !days.payload.is_null) {
    __int128 out = __int128(base.payload.i) + __int128(sign) * days.payload.i;
    if (out >= std::numeric_limits<int32_t>::min() && out <= std::numeric_limits<int32_t>::max()) {
      return builder_.Date(int64_t(out));
    }
  }
  return builder_.Binary(sign > 0 ? Op::kAdd : Op::kSub, Type::kDate, date, duration.days);
}

ValueId LowerContext::Compare(ast::BinaryOp op, ValueId a, ValueId b) {
  Type ta = builder_.node(a).type, tb = builder_.node(b).type;
  // A date-typed percentile/mean is a float cast to date: compare as floats (exact).
  auto fractional_date = [&](ValueId v) {
    const Node& n = builder_.node(v);
    return n.op == Op::kCast && n.type == Type::kDate &&
           builder_.node(n.args[0]).type == Type::kFloat;
  };
  if (ta == Type::kDate && tb == Type::kDate && (fractional_date(a) || fractional_date(b))) {
    a = fractional_date(a) ? builder_.node(a).args[0] : builder_.Cast(a, Type::kFloat);
    b = fractional_date(b) ? builder_.node(b).args[0] : builder_.Cast(b, Type::kFloat);
  } else if (ta != tb && (ta == Type::kFloat || tb == Type::kFloat)) {
    a = builder_.Cast(a, Type::kFloat);
    b = builder_.Cast(b, Type::kFloat);
  } else if (ta == Type::kLabel && tb == Type::kLabel) {
    // Codes are only comparable within one classify; sema typed both sides the same.
  } else if (ta != tb && !(ta == Type::kString && tb == Type::kString)) {
    Fail(Status::Internal(std::string("cannot compare ") + TypeName(ta) + " with " + TypeName(tb)));
  }
  return builder_.Binary(CompareOp(op), Type::kBool, a, b);
}

Duration LowerContext::DurationOf(const ast::Expr& expr, uint32_t instance) {
  Duration out;
  if (const auto* lit = std::get_if<ast::DurationLit>(&expr.kind)) {
    switch (lit->unit) {
      case ast::DurationUnit::kDays:
        out.days = builder_.Int(lit->amount);
        break;
      case ast::DurationUnit::kWeeks:
        out.days = builder_.Int(lit->amount * 7);
        break;
      case ast::DurationUnit::kMonths:
        out = {true, lit->amount, kNoValue};
        break;
      case ast::DurationUnit::kYears:
        out = {true, lit->amount * 12, kNoValue};
        break;
    }
    return out;
  }
  if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
    out = DurationOf(*unary->operand, instance);
    if (out.calendar) {
      out.months = -out.months;
    } else {
      out.days = Negate(out.days);
    }
    return out;
  }
  const sema::ExprInfo& inf = info(expr);
  if (inf.symbol.kind == sema::Symbol::Kind::kDecl ||
      inf.symbol.kind == sema::Symbol::Kind::kMember) {
    // A param or let holding a duration: lower its defining expression in its own instance.
    uint32_t target = instance;
    if (inf.symbol.kind == sema::Symbol::Kind::kMember) {
      target = project_.instances[instance].children[inf.symbol.import];
    }
    const sema::Unit& unit = *project_.units[project_.instances[target].unit];
    const sema::DeclInfo& decl = unit.decls[inf.symbol.index];
    std::string name = project_.QualifiedName({target, inf.symbol.index});
    if (decl.kind == sema::DeclKind::kParam) {
      auto it = options_.params.find(name);
      if (it != options_.params.end()) {
        auto parsed = ParseParamLiteral(it->second);
        if (!parsed.ok() || DurationLiteral(**parsed) == nullptr) {
          Fail(Status::InvalidArgument("--param " + name + "=" + it->second +
                                       ": expected a duration like `90d` or `6mo`"));
          return {false, 0, builder_.Null(Type::kInt)};
        }
        overrides_.push_back(std::move(parsed).value());
        return DurationOf(*overrides_.back(), target);
      }
      return DurationOf(*project_.ValueOf(target, inf.symbol.index), target);
    }
    if (decl.kind == sema::DeclKind::kLet) {
      return DurationOf(*std::get<ast::LetDecl>(decl.ast->kind).value, target);
    }
  }
  // `d1 - d2` and anything else: a day count.
  out.days = Expr(expr, instance);
  return out;
}

namespace {

struct ExprLowering {
  LowerContext& cx;
  const ast::Expr& expr;
  uint32_t instance;
  Builder& b;

  ValueId Lower(const ast::Expr& e) { return cx.Expr(e, instance); }
  /// `e` compared with `other`: a string literal against a classify becomes its label code.
  ValueId Against(const ast::Expr& e, const ast::Expr& other) {
    const sema::Type& type = cx.info(other).type;
    const auto* text = std::get_if<ast::StringLit>(&e.kind);
    if (type.kind() != sema::TypeKind::kLabel || text == nullptr) return Lower(e);
    const std::vector<std::string>& labels = type.values();
    for (size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == text->value) return b.Label(int64_t(i));
    }
    return b.Label(-1);  // an undeclared label is a checker error; it never matches
  }
  ValueId AsOf() { return cx.AsOf(); }
  ValueId Ago(const ast::Expr& duration) {
    return cx.Shift(AsOf(), cx.DurationOf(duration, instance), -1);
  }

  ValueId operator()(const ast::IntLit& x) { return b.Int(x.value); }
  ValueId operator()(const ast::FloatLit& x) { return b.Float(x.value); }
  ValueId operator()(const ast::PercentLit& x) { return b.Float(x.value); }
  ValueId operator()(const ast::StringLit& x) { return b.String(x.value); }
  ValueId operator()(const ast::BoolLit& x) { return b.Bool(x.value); }
  ValueId operator()(const ast::DateLit& x) { return b.Date(x.days); }
  ValueId operator()(const ast::DurationLit&) {
    Duration d = cx.DurationOf(expr, instance);
    if (d.calendar) {
      cx.Fail(Status::Internal("a calendar duration cannot be used as a number of days"));
      return b.Null(Type::kInt);
    }
    return d.days;
  }
  ValueId Ref() {
    const sema::Symbol& symbol = cx.info(expr).symbol;
    switch (symbol.kind) {
      case sema::Symbol::Kind::kColumn:
        return b.Column(symbol.index);
      case sema::Symbol::Kind::kEventColumn:
        return cx.EventColumn(symbol.table, symbol.index);
      case sema::Symbol::Kind::kDecl:
        return cx.Decl(instance, symbol.index);
      case sema::Symbol::Kind::kMember: {
        uint32_t child = cx.project().instances[instance].children[symbol.import];
        return cx.Decl(child, symbol.index);
      }
      default:
        cx.Fail(Status::Internal("unresolved name in lowering"));
        return b.Null(Type::kBool);
    }
  }
  ValueId operator()(const ast::NameRef&) { return Ref(); }
  ValueId operator()(const ast::QualifiedRef&) { return Ref(); }
  ValueId operator()(const ast::PercentileRef&) {
    const sema::ExprInfo& inf = cx.info(expr);
    const ast::Expr* borrowed = cx.FindExpr(inf.borrowed);
    if (inf.desugar != sema::Desugar::kPercentileOf || borrowed == nullptr) {
      cx.Fail(Status::Internal("percentile shorthand without a borrowed column"));
      return b.Null(Type::kFloat);
    }
    ValueId stat = cx.Stat(StatKind::kPercentile, Lower(*borrowed), inf.quantile, Type::kFloat);
    return inf.type.kind() == sema::TypeKind::kDate ? b.Cast(stat, Type::kDate) : stat;
  }
  ValueId operator()(const ast::Call& call) { return cx.Call(expr, call, instance); }
  ValueId operator()(const ast::Unary& u) {
    ValueId operand = Lower(*u.operand);
    if (u.op == ast::UnaryOp::kNot) return b.Not(operand);
    return cx.Negate(operand);
  }
  ValueId operator()(const ast::Binary& x) {
    const sema::ExprInfo& inf = cx.info(expr);
    if (inf.desugar == sema::Desugar::kRecency) {
      const ast::Expr& date = x.lhs->id == inf.date_side ? *x.lhs : *x.rhs;
      const ast::Expr& duration = x.lhs->id == inf.date_side ? *x.rhs : *x.lhs;
      ValueId lhs = Lower(date);
      return cx.Compare(inf.recency_op, lhs, Ago(duration));
    }
    if (IsCompare(x.op)) {
      ValueId lhs = Against(*x.lhs, *x.rhs);  // sequenced: node numbering must be stable
      ValueId rhs = Against(*x.rhs, *x.lhs);
      return cx.Compare(x.op, lhs, rhs);
    }
    return Arithmetic(x);
  }
  ValueId Arithmetic(const ast::Binary& x) {
    sema::TypeKind lk = cx.info(*x.lhs).type.kind(), rk = cx.info(*x.rhs).type.kind();
    using TK = sema::TypeKind;
    if (lk == TK::kDate && rk == TK::kDuration) {
      return cx.Shift(Lower(*x.lhs), cx.DurationOf(*x.rhs, instance),
                      x.op == ast::BinaryOp::kAdd ? 1 : -1);
    }
    if (lk == TK::kDuration && rk == TK::kDate) {
      return cx.Shift(Lower(*x.rhs), cx.DurationOf(*x.lhs, instance), 1);
    }
    ValueId l = Lower(*x.lhs), r = Lower(*x.rhs);
    if (lk == TK::kDate && rk == TK::kDate) return b.Binary(Op::kSub, Type::kInt, l, r);
    Type type = x.op == ast::BinaryOp::kDiv ? Type::kFloat : cx.Common({l, r});
    Op op = x.op == ast::BinaryOp::kAdd   ? Op::kAdd
            : x.op == ast::BinaryOp::kSub ? Op::kSub
            : x.op == ast::BinaryOp::kMul ? Op::kMul
                                          : Op::kDiv;
    l = b.Cast(l, type);
    r = b.Cast(r, type);
    return b.Binary(op, type, l, r);
  }
  ValueId operator()(const ast::Logical& x) {
    std::vector<ValueId> args;
    for (const auto& operand : x.operands) args.push_back(Lower(*operand));
    return b.Logic(x.op == ast::LogicalOp::kAnd ? Op::kAnd : Op::kOr, std::move(args));
  }
  ValueId operator()(const ast::Between& x) {
    const sema::ExprInfo& inf = cx.info(expr);
    ValueId value = Lower(*x.value);
    ValueId low, high;
    if (inf.desugar == sema::Desugar::kRecencyBetween) {
      low = Ago(*x.high);  // `d between 30d and 90d`: as_of - 90d <= d <= as_of - 30d
      high = Ago(*x.low);
    } else {
      low = Against(*x.low, *x.value);
      high = Against(*x.high, *x.value);
    }
    ValueId in = b.Logic(Op::kAnd, {cx.Compare(ast::BinaryOp::kGe, value, low),
                                    cx.Compare(ast::BinaryOp::kLe, value, high)});
    return x.negated ? b.Not(in) : in;
  }
  ValueId operator()(const ast::InList& x) {
    ValueId value = Lower(*x.value);
    std::vector<ValueId> args;
    for (const auto& item : x.items) {
      args.push_back(cx.Compare(ast::BinaryOp::kEq, value, Against(*item, *x.value)));
    }
    ValueId any = args.empty() ? b.Bool(false) : b.Logic(Op::kOr, std::move(args));
    return x.negated ? b.Not(any) : any;
  }
  ValueId operator()(const ast::IsNull& x) {
    return b.Add(x.negated ? Op::kIsNotNull : Op::kIsNull, Type::kBool, {Lower(*x.value)});
  }
  ValueId operator()(const ast::Within& x) {
    ValueId value = Lower(*x.value);
    return b.Logic(Op::kAnd, {cx.Compare(ast::BinaryOp::kGe, value, Ago(*x.duration)),
                              cx.Compare(ast::BinaryOp::kLe, value, AsOf())});
  }
  ValueId operator()(const ast::Ago& x) { return Ago(*x.duration); }
};

}  // namespace

ValueId LowerContext::Expr(const ast::Expr& expr, uint32_t instance) {
  return std::visit(ExprLowering{*this, expr, instance, builder_}, expr.kind);
}

}  // namespace segc::ir::detail
