// Calls of built-in functions, typed from stdlib/builtins.def (E0203, E0204, E0213, E0214).
#include <cmath>

#include "compiler/sema/detail/expr_checker.h"
#include "compiler/sema/detail/percentile.h"
#include "compiler/sema/regex.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;
using stdlib::Signature;

std::string Arity(const stdlib::BuiltinInfo& fn) {
  if (fn.max_args < 0) return "at least " + std::to_string(fn.min_args) + " arguments";
  if (fn.min_args == fn.max_args) {
    return std::to_string(fn.min_args) + (fn.min_args == 1 ? " argument" : " arguments");
  }
  return std::to_string(fn.min_args) + " or " + std::to_string(fn.max_args) + " arguments";
}

std::string Ordinal(size_t index) {
  static const char* const kNames[] = {"first", "second", "third", "fourth"};
  return index < 4 ? kNames[index] : "argument " + std::to_string(index + 1) + " as";
}

bool IsDate(const Type& type) { return type.kind() == TypeKind::kDate; }

}  // namespace

void ExprChecker::Call(const ast::Expr& expr, const ast::Call& call, ExprInfo& info) {
  CallWithoutPopulation(expr, call, info);
  if (call.among) Population(call, info);
}

// `stat(...) among P`: P is a condition; the result is per row (null outside P).
void ExprChecker::Population(const ast::Call& call, ExprInfo& info) {
  const bool builtin = info.symbol.kind == Symbol::Kind::kBuiltin;
  const bool statistic =
      builtin && (info.desugar == Desugar::kPercentileCall ||
                  stdlib::Builtin(static_cast<stdlib::BuiltinId>(info.symbol.index)).kind !=
                      stdlib::BuiltinKind::kScalar);
  const bool population_ok =
      !CheckCondition(*call.among, "the population after 'among'").is_error();
  if (!statistic && (builtin || info.symbol.kind == Symbol::Kind::kAggregate)) {
    diag::Diagnostic d =
        Make(Code::kAmongNotStatistic, call.callee.range,
             Quote(call.callee.name) + " is not a statistic: 'among' does not apply to it");
    d.label = builtin ? "computed per row, not over a population"
                      : "an aggregate: filter its events with `where` inside the parentheses";
    d.help =
        "percentile, pNN(x), median, mean, stddev, min_of, max_of, zscore, ntile, cumshare and "
        "percent_rank take a population: `ntile(5, total_spent) among Buyers`";
    info.type = Fail(std::move(d));
    return;
  }
  if (!population_ok) info.type = Type::Error();
  info.row_dependent = true;
  info.never_null = false;
}

void ExprChecker::CallWithoutPopulation(const ast::Expr& expr, const ast::Call& call,
                                        ExprInfo& info) {
  if (info.symbol.kind == Symbol::Kind::kAggregate) return AggregateCall(expr, call, info);
  bool error = false;
  for (const ast::ExprPtr& arg : call.args) {
    const ExprInfo& checked = Check(*arg);
    error |= checked.type.is_error();
    info.row_dependent |= checked.row_dependent;
  }
  if (info.symbol.kind != Symbol::Kind::kBuiltin || error) return;  // unknown: E0103 reported
  const auto& fn = stdlib::Builtin(static_cast<stdlib::BuiltinId>(info.symbol.index));
  if (std::optional<double> percent = ParsePercentileName(call.callee.name)) {
    // `p90(x)` is percentile(x, 0.90).
    if (*percent > 100) {
      diag::Diagnostic d = Make(Code::kPercentileOutOfRange, call.callee.range,
                                "percentile " + Quote(call.callee.name) + " is outside 0..100");
      d.help = "use p0 (the minimum) to p100 (the maximum)";
      info.type = Fail(std::move(d));
      return;
    }
    stdlib::BuiltinInfo one_arg = fn;
    one_arg.min_args = one_arg.max_args = 1;
    one_arg.name = call.callee.name;
    if (!ArgCount(call, one_arg, expr.range)) return;
    info.type = StatisticArg(call, 0, true);
    if (info.type.is_numeric()) info.type = Type::Float();
    info.desugar = Desugar::kPercentileCall;
    info.quantile = *percent / 100.0;
    info.row_dependent = false;
    return;
  }
  if (!ArgCount(call, fn, expr.range)) return;
  info.type = CallResult(expr, call, fn, info);
  if (fn.kind == stdlib::BuiltinKind::kAggregate) info.row_dependent = false;
  info.never_null = NeverNull(call, fn);
}

bool ExprChecker::NeverNull(const ast::Call& call, const stdlib::BuiltinInfo& fn) const {
  switch (fn.null_policy) {
    case stdlib::NullPolicy::kNeverNull:
      return true;
    case stdlib::NullPolicy::kNullIfAnyNull:
      for (const ast::ExprPtr& arg : call.args) {
        if (!ctx_.Info(arg->id).never_null) return false;
      }
      return true;
    default:  // overflow, or the function decides
      return false;
  }
}

Type ExprChecker::CallResult(const ast::Expr&, const ast::Call& call, const stdlib::BuiltinInfo& fn,
                             ExprInfo& info) {
  auto arg = [&](size_t i) -> const Type& { return TypeOf(*call.args[i]); };
  auto numeric_same = [&] {
    return ArgIs(call, 0, arg(0).is_numeric(), "a number") ? arg(0) : Type::Error();
  };
  switch (fn.signature) {
    case Signature::kDateToInt:
      return ArgIs(call, 0, IsDate(arg(0)), "a date") ? Type::Int() : Type::Error();
    case Signature::kNumericSame:
      return numeric_same();
    case Signature::kRound:
      if (call.args.size() == 2 && !ConstantArg(call, 1, -15, 15, true, "the number of digits")) {
        return Type::Error();
      }
      return numeric_same();
    case Signature::kOrderedCommon:
      return CommonArgs(call, true, false);
    case Signature::kSameType:
      return CommonArgs(call, true, true);
    case Signature::kStringToString:
      return ArgIs(call, 0, arg(0).is_stringlike(), "a string") ? Type::String() : Type::Error();
    case Signature::kStringToInt:
      return ArgIs(call, 0, arg(0).is_stringlike(), "a string") ? Type::Int() : Type::Error();
    case Signature::kStringPredicate:
      return ArgIs(call, 0, arg(0).is_stringlike(), "a string") &&
                     ArgIs(call, 1, arg(1).is_stringlike(), "a string")
                 ? Type::Bool()
                 : Type::Error();
    case Signature::kMatches:
      break;
    case Signature::kPercentile: {
      Type x = StatisticArg(call, 0, true);
      if (x.is_error() || !ConstantArg(call, 1, 0, 1, false, "the quantile")) return Type::Error();
      info.quantile = *ctx_.Info(call.args[1]->id).number;
      return IsDate(x) ? x : Type::Float();
    }
    case Signature::kStatOfColumn: {
      Type x = StatisticArg(call, 0, true);
      return x.is_numeric() ? Type::Float() : x;
    }
    case Signature::kStatSame:
      return StatisticArg(call, 0, true);
    case Signature::kStatToFloat:
      return StatisticArg(call, 0, true).is_error() ? Type::Error() : Type::Float();
    case Signature::kNumericStatToFloat:
      return StatisticArg(call, 0, false).is_error() ? Type::Error() : Type::Float();
    case Signature::kNtile:
      if (!ConstantArg(call, 0, 1, 1e6, true, "the number of tiles")) return Type::Error();
      return StatisticArg(call, 1, true).is_error() ? Type::Error() : Type::Int();
    case Signature::kSplitBucket:  // no name the language can call (lowered from `split`)
      return Type::Error();
  }
  // matches(s, pattern): the pattern is a constant string, validated now with RE2, the engine
  // the runtime uses, so the checker accepts exactly the patterns that will run.
  if (!ArgIs(call, 0, arg(0).is_stringlike(), "a string") ||
      !ArgIs(call, 1, arg(1).is_stringlike(), "a string")) {
    return Type::Error();
  }
  return MatchesPattern(*call.args[1]) ? Type::Bool() : Type::Error();
}

bool ExprChecker::MatchesPattern(const ast::Expr& arg) {
  const ast::Expr* literal = ConstantString(arg);
  if (literal == nullptr) {
    diag::Diagnostic d = Make(Code::kConstantRequired, arg.range,
                              "the pattern of 'matches' must be a string literal or a param");
    d.help =
        "write the regular expression in quotes: `matches(email, \"@example\\\\.com$\")`, "
        "or declare it as a `param`";
    Fail(std::move(d));
    return false;
  }
  const std::string& pattern = std::get<ast::StringLit>(literal->kind).value;
  std::optional<std::string> error = RegexError(pattern);
  if (!error) {
    if (unit_.is_module) {
      unit_.constant_uses.push_back(
          {&arg, "the pattern of 'matches'", Code::kWrongArgumentType, true});
    }
    return true;
  }
  // A param's value is reported once, where it is written, whatever the number of uses.
  if (!bad_patterns_.insert(literal->id).second) return false;
  diag::Diagnostic d = Make(Code::kWrongArgumentType, literal->range,
                            "invalid regular expression \"" + pattern + "\": " + *error);
  if (literal != &arg) d.secondary.push_back({arg.range, "used as the pattern of 'matches' here"});
  d.help =
      "write an RE2 regular expression, e.g. `^[a-z.]+@example\\.com$` (no look-around "
      "or back-references)";
  Fail(std::move(d));
  return false;
}

const ast::Expr* ExprChecker::ConstantString(const ast::Expr& expr) const {
  if (std::holds_alternative<ast::StringLit>(expr.kind)) return &expr;
  // A param (language.md Decision 14), or a let naming one: its declared literal. The lowering
  // takes the value the run uses (a --param override), and validates that one.
  const ExprInfo& info = ctx_.Info(expr.id);
  if (info.symbol.kind != Symbol::Kind::kDecl) return nullptr;
  const DeclInfo& decl = unit_.decls[info.symbol.index];
  if (decl.in_cycle) return nullptr;
  if (decl.kind == DeclKind::kParam) {
    return ConstantString(*std::get<ast::ParamDecl>(decl.ast->kind).value);
  }
  if (decl.kind == DeclKind::kLet) {
    return ConstantString(*std::get<ast::LetDecl>(decl.ast->kind).value);
  }
  return nullptr;
}

bool ExprChecker::ArgCount(const ast::Call& call, const stdlib::BuiltinInfo& fn,
                           diag::SourceRange at) {
  int count = static_cast<int>(call.args.size());
  if (count >= fn.min_args && (fn.max_args < 0 || count <= fn.max_args)) return true;
  diag::Diagnostic d = Make(Code::kWrongArgumentCount, at,
                            Quote(std::string(fn.name)) + " takes " + Arity(fn) + ", but " +
                                std::to_string(count) + (count == 1 ? " was" : " were") + " given");
  bool extreme = fn.name == "min" || fn.name == "max";
  if (extreme && count == 1) {
    d.help = Quote(std::string(fn.name)) + " picks the " +
             (fn.name == "min" ? "smaller" : "larger") + " of its arguments, row by row; for the " +
             (fn.name == "min" ? "smallest" : "largest") + " value over all rows write `" +
             std::string(fn.name) + "_of(" + std::string(ctx_.sources.Text(call.args[0]->range)) +
             ")`";
  }
  Fail(std::move(d));
  return false;
}

bool ExprChecker::ArgIs(const ast::Call& call, size_t index, bool ok, const std::string& expected) {
  if (ok) return true;
  const ast::Expr& arg = *call.args[index];
  diag::Diagnostic d =
      Make(Code::kWrongArgumentType, arg.range,
           "the " + Ordinal(index) + " argument of " + Quote(call.callee.name) + " must be " +
               expected + ", but " + Show(arg) + " is " + Described(TypeOf(arg)));
  if (const auto* lit = std::get_if<ast::StringLit>(&arg.kind); lit && expected == "a date") {
    d.help = "write dates without quotes: `" + lit->value + "`";
  }
  Fail(std::move(d));
  return false;
}

Type ExprChecker::StatisticArg(const ast::Call& call, size_t index, bool allow_date) {
  const ast::Expr& arg = *call.args[index];
  const ExprInfo& info = ctx_.Info(arg.id);
  bool typed = info.type.is_numeric() || (allow_date && IsDate(info.type));
  if (!ArgIs(call, index, typed, allow_date ? "a number or a date" : "a number")) {
    return Type::Error();
  }
  if (info.row_dependent) return info.type;
  diag::Diagnostic d = Make(Code::kWrongArgumentType, arg.range,
                            Quote(call.callee.name) + " is a statistic over the table, but " +
                                Show(arg) + " does not depend on any column");
  d.help = "pass a column or an expression of columns, e.g. `" + call.callee.name + "(" +
           ExampleColumn() + ")`";
  return Fail(std::move(d));
}

bool ExprChecker::ConstantArg(const ast::Call& call, size_t index, double low, double high,
                              bool integer, const std::string& what) {
  const ast::Expr& arg = *call.args[index];
  const ExprInfo& info = ctx_.Info(arg.id);
  bool quantile = call.callee.name == "percentile";
  ConstantUse use{&arg,
                  what + " of " + Quote(call.callee.name),
                  quantile ? Code::kPercentileOutOfRange : Code::kConstantRequired,
                  false,
                  low,
                  high,
                  integer};
  bool constant = info.number.has_value() && (!integer || info.type.kind() == TypeKind::kInt);
  if (!constant) {
    diag::Diagnostic d = Make(Code::kConstantRequired, arg.range,
                              use.what + " must be a constant " + (integer ? "integer" : "number") +
                                  ", but " + Show(arg) + " is not");
    d.help = "write a literal (or a param) in " + use.Range();
    Fail(std::move(d));
    return false;
  }
  if (use.Accepts(*info.number)) {
    if (unit_.is_module) unit_.constant_uses.push_back(std::move(use));
    return true;
  }
  diag::Diagnostic d = Make(
      use.code, arg.range,
      use.what + " is " + std::string(ctx_.sources.Text(arg.range)) + ", outside " + use.Range());
  d.help = quantile ? "the quantile is a fraction: 0.9 (or 90%) for the 90th percentile"
                    : "use a value in " + use.Range();
  Fail(std::move(d));
  return false;
}

Type ExprChecker::CommonArgs(const ast::Call& call, bool allow_date, bool allow_any) {
  Type result = TypeOf(*call.args[0]);
  bool numeric = result.is_numeric();
  for (size_t i = 0; i < call.args.size(); ++i) {
    const Type& type = TypeOf(*call.args[i]);
    bool ok = allow_any
                  ? type.ComparableWith(result)
                  : (numeric ? type.is_numeric() : allow_date && IsDate(type) && IsDate(result));
    std::string expected = allow_any ? Described(result)
                                     : (numeric || !allow_date ? "a number" : "a number or a date");
    if (!ArgIs(call, i, ok, expected)) return Type::Error();
    if (numeric) result = CommonNumeric(result, type);
    if (allow_any && !(type == result) && !numeric) result = Type::String();
  }
  return result;
}

}  // namespace segc::sema::detail
