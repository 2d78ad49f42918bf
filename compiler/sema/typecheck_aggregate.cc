// Aggregates over an event table: count(purchases where ...), sum(purchases.amount), ...
// (E0203, E0231). Their argument and filter are per-event expressions; the result is one value
// per customer.
#include "compiler/sema/detail/expr_checker.h"
#include "compiler/sema/detail/walk.h"

namespace segc::sema::detail {

using diag::Code;
using diag::Make;

bool ExprChecker::EventPure(const ast::Expr& expr, const EventSchema& events) {
  const ExprInfo& info = ctx_.Info(expr.id);
  const std::string& table = events.table.table;
  auto refuse = [&](std::string message, std::string help) {
    diag::Diagnostic d = Make(Code::kInvalidAggregate, expr.range, std::move(message));
    d.help = std::move(help);
    Fail(std::move(d));
    return false;
  };
  switch (info.symbol.kind) {
    case Symbol::Kind::kColumn:
      return refuse(Show(expr) + " is a column of table " + Quote(ctx_.project.schema.table) +
                        "; inside an aggregate over events " + Quote(table) +
                        " only their columns, params and constants can be used",
                    "compare the aggregate with it outside: `sum(" + table + ".amount) > " +
                        ctx_.project.schema.columns[info.symbol.index].name + "`");
    case Symbol::Kind::kDecl:
    case Symbol::Kind::kMember:
      if (!info.row_dependent) return true;
      return refuse(Show(expr) + " has one value per customer; inside an aggregate over events " +
                        Quote(table) + " only their columns, params and constants can be used",
                    "compare the aggregate with it outside the parentheses");
    case Symbol::Kind::kBuiltin: {
      const auto& fn = stdlib::Builtin(static_cast<stdlib::BuiltinId>(info.symbol.index));
      if (fn.kind != stdlib::BuiltinKind::kScalar || info.desugar != Desugar::kNone) {
        return refuse("statistics such as " + Show(expr) +
                          " cannot be used inside an aggregate over events " + Quote(table),
                      "aggregate first, then compare with a statistic of the result: `let "
                      "spend = sum(" +
                          table + ".amount)` and `spend > p90`");
      }
      break;
    }
    default:
      break;
  }
  if (std::holds_alternative<ast::PercentileRef>(expr.kind)) {
    return refuse("a percentile cannot be used inside an aggregate over events " + Quote(table),
                  "aggregate first, then compare the result with a percentile");
  }
  bool pure = true;
  ForEachChild(expr, [&](const ast::Expr& child) { pure = pure && EventPure(child, events); });
  return pure;
}

void ExprChecker::AggregateCall(const ast::Expr& expr, const ast::Call& call, ExprInfo& info) {
  const auto fn = static_cast<AggregateFn>(info.symbol.index);
  const EventSchema& events = ctx_.project.events[info.symbol.table];
  const std::string name = AggregateName(fn);
  const std::string& table = events.table.table;
  info.row_dependent = true;
  info.type = Type::Error();
  auto refuse = [&](diag::SourceRange at, std::string message, std::string help) {
    diag::Diagnostic d = Make(Code::kInvalidAggregate, at, std::move(message));
    d.help = std::move(help);
    Fail(std::move(d));
  };
  if (call.args.size() != 1) {
    diag::Diagnostic d =
        Make(Code::kWrongArgumentCount, expr.range,
             Quote(name) + " takes one argument: events " + Quote(table) +
                 (fn == AggregateFn::kCount ? "" : "' values") + ", then optionally `where`");
    d.help = "write `" + name + "(" + (fn == AggregateFn::kCount ? table : table + ".COLUMN") +
             " where CONDITION)`";
    Fail(std::move(d));
    return;
  }
  const ast::Expr& arg = *call.args[0];
  bool whole_table = ctx_.Info(arg.id).symbol.kind == Symbol::Kind::kEventTable;
  bool ok = true;
  Type value;
  if (whole_table && fn != AggregateFn::kCount) {
    refuse(arg.range, Quote(name) + " needs a value of events " + Quote(table) + ", not the table",
           "name a column: `" + name + "(" + table + ".COLUMN)`");
    ok = false;
  } else if (!whole_table) {
    value = Check(arg).type;
    ok = !value.is_error() && EventPure(arg, events);
  }
  if (call.filter) {
    ok = !CheckCondition(*call.filter, "the filter of " + Quote(name)).is_error() && ok;
    ok = ok && EventPure(*call.filter, events);
  }
  if (!ok) return;
  info.never_null = fn == AggregateFn::kCount || fn == AggregateFn::kCountDistinct;
  auto need = [&](bool accepted, const std::string& what) {
    if (accepted) return true;
    refuse(
        arg.range,
        Quote(name) + " needs " + what + ", but " + Show(arg) + " is " + Described(value),
        fn == AggregateFn::kSum || fn == AggregateFn::kAvg
            ? "sum and avg add numbers; count the rows with `count(" + table + " where ...)`"
            : "count_distinct counts values of any type: `count_distinct(" + table + ".COLUMN)`");
    return false;
  };
  bool ordered = value.is_numeric() || value.kind() == TypeKind::kDate;
  switch (fn) {
    case AggregateFn::kCount:
    case AggregateFn::kCountDistinct:
      if (!whole_table &&
          !need(value.kind() != TypeKind::kDuration && value.kind() != TypeKind::kLabel,
                "a value of a column")) {
        return;
      }
      info.type = Type::Int();
      return;
    case AggregateFn::kSum:
      if (need(value.is_numeric(), "a number")) info.type = value;
      return;
    case AggregateFn::kAvg:
      if (need(value.is_numeric(), "a number")) info.type = Type::Float();
      return;
    case AggregateFn::kMin:
    case AggregateFn::kMax:
      if (need(ordered, "a number or a date")) info.type = value;
      return;
    case AggregateFn::kFirst:
    case AggregateFn::kLast:
      if (events.time_column == kNone) {
        refuse(call.callee.range,
               Quote(name) + " orders the events of " + Quote(table) +
                   " by time, but the table has no time column",
               "name it in the declaration: `events " + table + " of " + ctx_.project.schema.table +
                   " by " + events.table.key + " at COLUMN { ... }`");
        return;
      }
      if (need(ordered || value.kind() == TypeKind::kBool, "a number, a date or a boolean")) {
        info.type = value;
      }
      return;
  }
}

}  // namespace segc::sema::detail
