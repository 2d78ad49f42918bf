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

ValueId LowerContext::Call(const ast::Expr& expr, const ast::Call& call, uint32_t instance) {
  const sema::ExprInfo& inf = info(expr);
  std::vector<ValueId> args;
  for (const auto& arg : call.args) args.push_back(Expr(*arg, instance));
  bool date_result = inf.type.kind() == sema::TypeKind::kDate;
  auto float_stat = [&](StatKind kind, double q) {
    ValueId stat = Stat(kind, args[0], q, Type::kFloat);
    return date_result ? builder_.Cast(stat, Type::kDate) : stat;
  };
  if (inf.desugar == sema::Desugar::kPercentileCall) {
    return float_stat(StatKind::kPercentile, inf.quantile);
  }
  auto id = static_cast<BuiltinId>(inf.symbol.index);
  auto call_node = [&](Type type, std::vector<ValueId> call_args) {
    return builder_.Add(Op::kCall, type, std::move(call_args), {.index = Index(id)}, expr.range);
  };
  auto constant = [&](size_t i, const ConstantRule& rule) {
    return ConstantArg(*call.args[i], args[i], instance, rule);
  };
  switch (id) {
    case BuiltinId::kDaysSince:
      return builder_.Binary(Op::kSub, Type::kInt, AsOf(), args[0]);
    case BuiltinId::kYear:
    case BuiltinId::kMonth:
    case BuiltinId::kWeekday:
    case BuiltinId::kLength:
      return call_node(Type::kInt, args);
    case BuiltinId::kAbs:
    case BuiltinId::kFloor:
    case BuiltinId::kCeil:
    case BuiltinId::kRound:
      if (args.size() == 2) {
        args[1] =
            builder_.Int(int64_t(constant(1, {"the number of digits of 'round'", -15, 15, true})));
      }
      return call_node(builder_.node(args[0]).type, args);
    case BuiltinId::kMin:
    case BuiltinId::kMax:
    case BuiltinId::kClamp:
    case BuiltinId::kCoalesce: {
      Type type = Common(args);
      for (ValueId& a : args) a = builder_.Cast(a, type);
      if (id == BuiltinId::kCoalesce) return builder_.Add(Op::kCoalesce, type, std::move(args));
      return call_node(type, args);
    }
    case BuiltinId::kLower:
    case BuiltinId::kUpper:
      return call_node(Type::kString, args);
    case BuiltinId::kStartsWith:
    case BuiltinId::kEndsWith:
    case BuiltinId::kContains:
      return call_node(Type::kBool, args);
    case BuiltinId::kMatches:
      CheckPattern(*call.args[1], args[1], instance);
      return call_node(Type::kBool, args);
    case BuiltinId::kPercentile:
      return float_stat(StatKind::kPercentile,
                        constant(1, {"the fraction of 'percentile'", 0, 1, false}));
    case BuiltinId::kMedian:
      return float_stat(StatKind::kPercentile, 0.5);
    case BuiltinId::kMean:
      return float_stat(StatKind::kMean, 0);
    case BuiltinId::kStddev:
      return Stat(StatKind::kStddev, args[0], 0, Type::kFloat);
    case BuiltinId::kMinOf:
    case BuiltinId::kMaxOf:
      return Stat(id == BuiltinId::kMinOf ? StatKind::kMinOf : StatKind::kMaxOf, args[0], 0,
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
  }
  Fail(Status::Internal("unknown builtin in lowering"));
  return builder_.Null(Type::kInt);
}

}  // namespace segc::ir::detail
