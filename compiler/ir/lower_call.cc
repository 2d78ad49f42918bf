// Lowering of built-in calls: scalar functions, population statistics and ranks.
#include "compiler/ir/lower_context.h"
#include "segc/check.h"

namespace segc::ir::detail {

namespace {

using stdlib::BuiltinId;

uint32_t Index(BuiltinId id) { return static_cast<uint32_t>(id); }

// The index of `entry` in `entries`, appended the first time `key` is seen: one statistic or
// derived column per distinct (kind, input, parameter), however many rules use it.
template <typename Key, typename Entry>
uint32_t Intern(std::map<Key, uint32_t>& index, const Key& key, std::vector<Entry>& entries,
                Entry entry) {
  auto [it, added] = index.emplace(key, uint32_t(entries.size()));
  if (added) entries.push_back(std::move(entry));
  return it->second;
}

}  // namespace

ValueId LowerContext::Stat(StatKind kind, ValueId input, double q, Type type) {
  uint32_t index = Intern(stats_, std::make_tuple(int(kind), input, q), program_.stats,
                          ir::Stat{.kind = kind, .input = input, .q = q, .type = type});
  return builder_.Add(Op::kStat, type, {}, {.index = index});
}

ValueId LowerContext::Derived(DerivedKind kind, ValueId input, int64_t n, Type type) {
  uint32_t index = Intern(derived_, std::make_tuple(int(kind), input, n), program_.derived,
                          ir::Derived{.kind = kind, .input = input, .n = n, .type = type});
  return builder_.Add(Op::kDerived, type, {}, {.index = index});
}

ValueId LowerContext::Aggregate(const ast::Expr& expr, const ast::Call& call, uint32_t instance) {
  const sema::ExprInfo& inf = info(expr);
  const ast::Expr& arg = *call.args[0];
  ir::Aggregate a;
  a.kind = static_cast<AggregateKind>(inf.symbol.index);
  a.table = inf.symbol.table + 1;
  a.type = IrType(inf.type);
  if (info(arg).symbol.kind != sema::Symbol::Kind::kEventTable) a.value = Expr(arg, instance);
  if (call.filter) a.filter = Expr(*call.filter, instance);
  if (a.kind == AggregateKind::kFirst || a.kind == AggregateKind::kLast) {
    a.order = builder_.Column(uint32_t(program_.event_tables[inf.symbol.table].time_input));
  }
  uint32_t index = Intern(aggregates_, std::make_tuple(int(a.kind), a.table, a.value, a.filter),
                          program_.aggregates, a);
  return builder_.Add(Op::kAggregate, a.type, {}, {.index = index}, expr.range);
}

ValueId LowerContext::Call(const ast::Expr& expr, const ast::Call& call, uint32_t instance) {
  const sema::ExprInfo& inf = info(expr);
  if (inf.symbol.kind == sema::Symbol::Kind::kAggregate) return Aggregate(expr, call, instance);
  std::vector<ValueId> args;
  for (const auto& arg : call.args) args.push_back(Expr(*arg, instance));
  if (inf.desugar == sema::Desugar::kPercentileCall) {
    return FloatStat(expr, StatKind::kPercentile, args[0], inf.quantile);
  }
  const stdlib::BuiltinInfo& fn = stdlib::Builtin(static_cast<BuiltinId>(inf.symbol.index));
  if (stdlib::IsIrCall(fn)) return ScalarCall(expr, call, instance, fn, std::move(args));
  return NonCall(expr, call, instance, fn, std::move(args));
}

// Every Op::kCall is built here from the registry row: arguments converted as the signature
// says, constant arguments checked, the implicit evaluation date appended.
ValueId LowerContext::ScalarCall(const ast::Expr& expr, const ast::Call& call, uint32_t instance,
                                 const stdlib::BuiltinInfo& fn, std::vector<ValueId> args) {
  Type type = IrType(info(expr).type);
  switch (fn.signature) {
    case stdlib::Signature::kOrderedCommon:
      type = Common(args);
      for (ValueId& a : args) a = builder_.Cast(a, type);
      break;
    case stdlib::Signature::kRound:
      if (args.size() == 2) {
        args[1] = builder_.Int(int64_t(ConstantArg(
            *call.args[1], args[1], instance, {"the number of digits of 'round'", -15, 15, true})));
      }
      break;
    case stdlib::Signature::kMatches:
      CheckPattern(*call.args[1], args[1], instance);
      break;
    default:
      break;
  }
  if (fn.implicit == stdlib::Implicit::kAsOf) args.push_back(AsOf());
  return builder_.Add(Op::kCall, type, std::move(args), {.index = Index(fn.id)}, expr.range);
}

ValueId LowerContext::FloatStat(const ast::Expr& expr, StatKind kind, ValueId input, double q) {
  ValueId stat = Stat(kind, input, q, Type::kFloat);
  return info(expr).type.kind() == sema::TypeKind::kDate ? builder_.Cast(stat, Type::kDate) : stat;
}

// Rows lowered to something other than Op::kCall (Lowering kIrOp, kStat, kDerived).
ValueId LowerContext::NonCall(const ast::Expr& expr, const ast::Call& call, uint32_t instance,
                              const stdlib::BuiltinInfo& fn, std::vector<ValueId> args) {
  auto constant = [&](size_t i, const ConstantRule& rule) {
    return ConstantArg(*call.args[i], args[i], instance, rule);
  };
  switch (fn.id) {
    case BuiltinId::kCoalesce: {
      Type type = Common(args);
      for (ValueId& a : args) a = builder_.Cast(a, type);
      return builder_.Add(Op::kCoalesce, type, std::move(args));
    }
    case BuiltinId::kPercentile:
      return FloatStat(expr, StatKind::kPercentile, args[0],
                       constant(1, {"the fraction of 'percentile'", 0, 1, false}));
    case BuiltinId::kMedian:
      return FloatStat(expr, StatKind::kPercentile, args[0], 0.5);
    case BuiltinId::kMean:
      return FloatStat(expr, StatKind::kMean, args[0], 0);
    case BuiltinId::kStddev:
      return Stat(StatKind::kStddev, args[0], 0, Type::kFloat);
    case BuiltinId::kMinOf:
    case BuiltinId::kMaxOf:
      return Stat(fn.id == BuiltinId::kMinOf ? StatKind::kMinOf : StatKind::kMaxOf, args[0], 0,
                  builder_.node(args[0]).type);
    case BuiltinId::kZscore: {
      ValueId x = builder_.Cast(args[0], Type::kFloat);
      ValueId mean = Stat(StatKind::kMean, args[0], 0, Type::kFloat);
      ValueId sd = Stat(StatKind::kStddev, args[0], 0, Type::kFloat);
      return builder_.Binary(Op::kDiv, Type::kFloat,
                             builder_.Binary(Op::kSub, Type::kFloat, x, mean), sd);
    }
    case BuiltinId::kNtile:
      return Derived(DerivedKind::kNtile, args[1],
                     int64_t(constant(0, {"the number of tiles of 'ntile'", 1, 1e6, true})),
                     Type::kInt);
    case BuiltinId::kCumshare:
      return Derived(DerivedKind::kCumshare, args[0], 0, Type::kFloat);
    case BuiltinId::kPercentRank:
      return Derived(DerivedKind::kPercentRank, args[0], 0, Type::kFloat);
    default:
      break;
  }
  Fail(Status::Internal("builtin '" + std::string(fn.name) + "' has no lowering"));
  return builder_.Null(Type::kInt);
}

}  // namespace segc::ir::detail
