// Names of IR enums and the program hash.
#include "compiler/ir/ir.h"

#include "compiler/ir/printer.h"

namespace segc::ir {

const char* TypeName(Type type) {
  switch (type) {
    case Type::kBool:
      return "bool";
    case Type::kInt:
      return "int";
    case Type::kFloat:
      return "float";
    case Type::kDate:
      return "date";
    case Type::kString:
      return "string";
    case Type::kLabel:
      return "label";
  }
  return "?";
}

const char* OpName(Op op) {
  static constexpr const char* kNames[] = {
      "const",       "column",  "stat",     "derived", "dict", "aggregate",  "run_input", "neg",
      "add",         "sub",     "mul",      "div",     "cast", "add_months", "eq",        "ne",
      "lt",          "le",      "gt",       "ge",      "and",  "or",         "not",       "is_null",
      "is_not_null", "is_true", "coalesce", "select",  "call"};
  static_assert(sizeof kNames / sizeof kNames[0] == static_cast<size_t>(Op::kCall) + 1);
  return kNames[static_cast<size_t>(op)];
}

const char* StatKindName(StatKind kind) {
  switch (kind) {
    case StatKind::kPercentile:
      return "percentile";
    case StatKind::kMean:
      return "mean";
    case StatKind::kStddev:
      return "stddev";
    case StatKind::kMinOf:
      return "min_of";
    case StatKind::kMaxOf:
      return "max_of";
    case StatKind::kScalar:
      return "scalar";
  }
  return "?";
}

const char* DerivedKindName(DerivedKind kind) {
  switch (kind) {
    case DerivedKind::kNtile:
      return "ntile";
    case DerivedKind::kCumshare:
      return "cumshare";
    case DerivedKind::kPercentRank:
      return "percent_rank";
  }
  return "?";
}

const char* AggregateKindName(AggregateKind kind) {
  static constexpr const char* kNames[] = {"count", "count_distinct", "sum", "avg", "min",
                                           "max",   "first",          "last"};
  return kNames[static_cast<size_t>(kind)];
}

const char* MeasureKindName(MeasureKind kind) {
  static constexpr const char* kNames[] = {"sum", "mean", "min", "max", "count"};
  return kNames[static_cast<size_t>(kind)];
}

bool IsComparison(Op op) { return op >= Op::kEq && op <= Op::kGe; }

uint64_t Program::Hash() const { return HashText(Print(*this)); }

uint64_t HashText(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace segc::ir
