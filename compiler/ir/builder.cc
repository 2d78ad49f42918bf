// Builder: hash-consing and nullability rules of the IR (see ir.h for each op's semantics).
#include "compiler/ir/builder.h"

#include <cstring>

#include "segc/check.h"
#include "stdlib/builtins.h"

namespace segc::ir {

Builder::Builder(Program& program) : program_(program) {
  for (ValueId id = 0; id < program_.nodes.size(); ++id) {
    const Node& n = program_.nodes[id];
    index_.emplace(Key(n.op, n.type, n.args, n.payload), id);
  }
  for (uint32_t i = 0; i < program_.strings.size(); ++i) strings_.emplace(program_.strings[i], i);
}

std::string Builder::Key(Op op, Type type, const std::vector<ValueId>& args,
                         const Payload& payload) const {
  std::string key;
  key.reserve(32 + 4 * args.size());
  auto put = [&key](const void* data, size_t size) {
    key.append(static_cast<const char*>(data), size);
  };
  put(&op, sizeof op);
  put(&type, sizeof type);
  put(&payload.i, sizeof payload.i);
  put(&payload.f, sizeof payload.f);
  put(&payload.index, sizeof payload.index);
  put(&payload.is_null, sizeof payload.is_null);
  for (ValueId arg : args) put(&arg, sizeof arg);
  return key;
}

bool Builder::Nullable(Op op, Type type, const std::vector<ValueId>& args,
                       const Payload& payload) const {
  auto any = [&] {
    for (ValueId a : args) {
      if (program_.nodes[a].nullable) return true;
    }
    return false;
  };
  switch (op) {
    case Op::kConst:
      return payload.is_null;
    case Op::kStat:
      // A hoisted run-input expression is as nullable as the expression.
      if (payload.index < program_.stats.size() &&
          program_.stats[payload.index].kind == StatKind::kScalar) {
        return program_.nodes[program_.stats[payload.index].input].nullable;
      }
      return true;
    case Op::kRunInput:
      return false;  // as_of and param values are never null
    case Op::kAggregate: {
      // Counts are 0 for a customer without events; the others are null then (sum: overflow).
      AggregateKind kind = program_.aggregates[payload.index].kind;
      return kind != AggregateKind::kCount && kind != AggregateKind::kCountDistinct;
    }
    case Op::kColumn:
    case Op::kDerived:
    case Op::kDiv:
    case Op::kAddMonths:
      return true;
    case Op::kNeg:
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
      return true;  // overflow (int, date) or a non-finite float
    case Op::kCast:
      return any() || type == Type::kDate;
    case Op::kDictLookup:
      return true;  // DictLookup() gives it its table's nullability
    case Op::kIsNull:
    case Op::kIsNotNull:
    case Op::kIsTrue:
      return false;
    case Op::kCoalesce:
      for (ValueId a : args) {
        if (!program_.nodes[a].nullable) return false;
      }
      return true;
    case Op::kSelect: {
      for (size_t i = 1; i < args.size(); i += 2) {
        if (program_.nodes[args[i]].nullable) return true;
      }
      return program_.nodes[args.back()].nullable;
    }
    case Op::kCall:
      // The row's null policy (stdlib/builtins.def).
      switch (stdlib::Builtin(static_cast<stdlib::BuiltinId>(payload.index)).null_policy) {
        case stdlib::NullPolicy::kNullIfAnyNull:
          return any();
        case stdlib::NullPolicy::kNeverNull:
          return false;
        default:
          return true;
      }
    default:
      return any();
  }
}

ValueId Builder::Add(Op op, Type type, std::vector<ValueId> args, Payload payload,
                     diag::SourceRange origin) {
  for (ValueId a : args) SEGC_CHECK(a < program_.nodes.size());
  std::string key = Key(op, type, args, payload);
  if (auto it = index_.find(key); it != index_.end()) return it->second;
  Node node;
  node.op = op;
  node.type = type;
  node.nullable = Nullable(op, type, args, payload);
  node.args = std::move(args);
  node.payload = payload;
  node.origin = origin;
  auto id = static_cast<ValueId>(program_.nodes.size());
  program_.nodes.push_back(std::move(node));
  index_.emplace(std::move(key), id);
  return id;
}

ValueId Builder::DictLookup(Type type, ValueId column, ValueId root, uint32_t table,
                            diag::SourceRange origin) {
  SEGC_CHECK(root < program_.nodes.size());
  ValueId id = Add(Op::kDictLookup, type, {column}, {.index = table}, origin);
  program_.nodes[id].nullable = program_.nodes[root].nullable;
  return id;
}

ValueId Builder::String(std::string_view value) {
  auto [it, inserted] =
      strings_.emplace(std::string(value), static_cast<uint32_t>(program_.strings.size()));
  if (inserted) program_.strings.emplace_back(value);
  return Add(Op::kConst, Type::kString, {}, {.index = it->second});
}

ValueId Builder::Column(uint32_t input) {
  SEGC_CHECK(input < program_.inputs.size());
  return Add(Op::kColumn, program_.inputs[input].type, {}, {.index = input});
}

ValueId Builder::Cast(ValueId a, Type type) {
  const Node& node = program_.nodes[a];
  if (node.type == type) return a;
  if (node.op == Op::kConst && node.payload.is_null) return Null(type);
  if (node.op == Op::kConst && type == Type::kFloat && node.type == Type::kInt) {
    return Float(double(node.payload.i));
  }
  return Add(Op::kCast, type, {a});
}

ValueId Builder::Logic(Op op, std::vector<ValueId> args) {
  SEGC_CHECK(!args.empty());
  if (args.size() == 1) return args[0];
  return Add(op, Type::kBool, std::move(args));
}

}  // namespace segc::ir
