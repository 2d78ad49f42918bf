// Value and Apply: the reference semantics of every IR op on one row (internal to interp/).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"

namespace segc::interp::detail {

/// One row's value of a node. `i` holds bool (0/1), int, date, label and dictionary codes;
/// `f` floats; `s` strings (only while evaluating dictionary entries).
struct Value {
  bool null = true;
  int64_t i = 0;
  double f = 0;
  std::string s;

  static Value Null() { return {}; }
  static Value Int(int64_t v) { return {false, v, 0, {}}; }
  static Value Bool(bool v) { return {false, v ? 1 : 0, 0, {}}; }
  static Value Float(double v) { return {false, 0, v, {}}; }
  static Value Str(std::string v) { return {false, 0, 0, std::move(v)}; }
};

/// Where leaves read from; Apply never reads columns itself.
struct Row {
  const std::vector<Value>* values = nullptr;  ///< by ValueId: the node's arguments
  bool overflow = false;                       ///< set when a null came from overflow
};

/// The value of `node` given its arguments' values (in `row.values`). Leaves (kConst, kColumn,
/// kStat, kDerived, kDictLookup) are handled by the caller. Sets row.overflow when an integer
/// overflow or non-finite float result became null.
Value Apply(const ir::Program& program, const ir::Node& node, Row& row);

/// The value of a scalar builtin call (kCall) given its arguments.
Value CallBuiltin(const ir::Node& node, const std::vector<const Value*>& args, Row& row);

/// A finite float value, or null (with row.overflow) for inf/NaN.
Value Finite(double v, Row& row);

}  // namespace segc::interp::detail
