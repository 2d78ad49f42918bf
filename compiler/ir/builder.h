// Builder: appends hash-consed nodes to an ir::Program, deriving each node's nullability.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ir/ir.h"

namespace segc::ir {

/// Adds nodes to a Program so that structurally equal nodes (op, type, args, payload) share one
/// ValueId (common subexpressions are computed once). Nullability is derived, never supplied.
class Builder {
 public:
  /// Indexes the nodes already in `program` so new nodes can share them.
  explicit Builder(Program& program);

  /// Adds (or finds) a node; `nullable` is recomputed from the op and the arguments.
  ValueId Add(Op op, Type type, std::vector<ValueId> args, Payload payload = {},
              diag::SourceRange origin = {});

  ValueId Bool(bool value) { return Add(Op::kConst, Type::kBool, {}, {.i = value}); }
  ValueId Int(int64_t value) { return Add(Op::kConst, Type::kInt, {}, {.i = value}); }
  ValueId Float(double value) { return Add(Op::kConst, Type::kFloat, {}, {.f = value}); }
  ValueId Date(int64_t days) { return Add(Op::kConst, Type::kDate, {}, {.i = days}); }
  ValueId Label(int64_t code) { return Add(Op::kConst, Type::kLabel, {}, {.i = code}); }
  ValueId Null(Type type) { return Add(Op::kConst, type, {}, {.is_null = true}); }
  ValueId String(std::string_view value);

  /// A kDictLookup of per-entry table `table` (a plan's), whose entries are `root` evaluated over
  /// string column node `column`; as nullable as `root`.
  ValueId DictLookup(Type type, ValueId column, ValueId root, uint32_t table,
                     diag::SourceRange origin = {});
  /// kColumn for input `input` (see Program::inputs).
  ValueId Column(uint32_t input);
  /// a converted to `type` (no node when it already has that type).
  ValueId Cast(ValueId a, Type type);
  /// Strict binary/unary helpers with the result type given.
  ValueId Binary(Op op, Type type, ValueId a, ValueId b) { return Add(op, type, {a, b}); }
  ValueId Not(ValueId a) { return Add(Op::kNot, Type::kBool, {a}); }
  /// n-ary and/or; one operand returns it unchanged.
  ValueId Logic(Op op, std::vector<ValueId> args);

  Program& program() { return program_; }
  const Node& node(ValueId id) const { return program_.nodes[id]; }

 private:
  bool Nullable(Op op, Type type, const std::vector<ValueId>& args, const Payload& payload) const;
  std::string Key(Op op, Type type, const std::vector<ValueId>& args, const Payload& payload) const;

  Program& program_;
  std::unordered_map<std::string, ValueId> index_;
  std::unordered_map<std::string, uint32_t> strings_;
};

}  // namespace segc::ir
