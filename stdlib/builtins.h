// The built-in function registry, generated from stdlib/builtins.def.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace segc::stdlib {

/// One value per built-in function (BuiltinId::kDaysSince, ...), in builtins.def order.
enum class BuiltinId : uint8_t {
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, lowering, implicit, interp, \
                     jit)                                                                        \
  id,
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
};

/// The number of rows of builtins.def (backends size their dispatch tables by it).
inline constexpr size_t kBuiltinCount = 0
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, lowering, implicit, interp, \
                     jit)                                                                        \
  +1
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
    ;

/// How the checker types a call's arguments and result.
enum class Signature : uint8_t {
  kDateToInt,           ///< (date) → int
  kNumericSame,         ///< (int|float) → same type
  kRound,               ///< (int|float[, int constant digits]) → same type
  kOrderedCommon,       ///< (T, T, ...) with T numeric (int+float → float) or date → T
  kStringToString,      ///< (string) → string; enums and labels are strings
  kStringToInt,         ///< (string) → int
  kStringPredicate,     ///< (string, string) → bool
  kMatches,             ///< (string, constant string regex) → bool
  kSameType,            ///< (T, T, ...) → T (numbers mix)
  kPercentile,          ///< (numeric|date x, constant q in [0, 1]) → float (date for dates)
  kStatOfColumn,        ///< (numeric|date x) → float (date for dates)
  kStatSame,            ///< (numeric|date x) → type of x
  kStatToFloat,         ///< (numeric|date x) → float
  kNumericStatToFloat,  ///< (numeric x) → float
  kNtile,               ///< (positive int constant n, numeric|date x) → int in 1..n
  kSplitBucket,         ///< (int|string key, packed salt ints...) → int; internal to `split`
};

/// Null behaviour of a call (Gandiva's kResultNullIfNull and friends).
enum class NullPolicy : uint8_t {
  kNullIfAnyNull,            ///< null iff any argument is null
  kNullIfAnyNullOrOverflow,  ///< also null (and counted) when the result overflows: abs, round
  kNeverNull,                ///< never null
  kInternal,                 ///< the function decides (coalesce, statistics)
};

/// When a function is evaluated: per row, once over the table, or per row after a population pass.
enum class BuiltinKind : uint8_t { kScalar, kAggregate, kWindow };

/// What a call becomes in the IR, and so which backends implement the row.
enum class Lowering : uint8_t {
  kCall,      ///< an Op::kCall node evaluated per row by the interpreter and the JIT
  kPerEntry,  ///< an Op::kCall on strings that the planner folds into a per-dictionary-entry
              ///< table (compiler/ir/ir.h): only the interpreter evaluates it
  kIrOp,      ///< a dedicated IR op every backend implements (coalesce → Op::kCoalesce)
  kStat,      ///< Op::kStat nodes, computed before the row pass (zscore: arithmetic over them)
  kDerived,   ///< an Op::kDerived column, computed before the row pass
};

/// Arguments the lowering appends after the user's (min_args/max_args count the user's only).
enum class Implicit : uint8_t {
  kNone,
  kAsOf,  ///< the evaluation date (a date value), last: backends never read Program::as_of
};

/// Static facts about one built-in function.
struct BuiltinInfo {
  BuiltinId id;
  std::string_view name;
  int min_args;
  int max_args;  ///< -1 = any number ≥ min_args
  Signature signature;
  NullPolicy null_policy;
  BuiltinKind kind;
  Lowering lowering;
  Implicit implicit;
};

/// All built-ins in builtins.def order (index = static_cast<size_t>(BuiltinId)).
const std::vector<BuiltinInfo>& AllBuiltins();
/// The entry for `id`.
const BuiltinInfo& Builtin(BuiltinId id);
/// Finds a built-in by its source name ("days_since"); nullptr if there is none.
const BuiltinInfo* FindBuiltin(std::string_view name);
/// True for population statistics and ranks (they need a pass over the table).
inline bool IsStatistic(const BuiltinInfo& info) { return info.kind != BuiltinKind::kScalar; }
/// How many IR arguments the lowering appends after the user's (1 for kAsOf).
inline size_t ImplicitArgs(const BuiltinInfo& info) {
  return info.implicit == Implicit::kAsOf ? 1 : 0;
}
/// True for rows whose calls stay Op::kCall nodes in the IR (kCall and kPerEntry).
inline bool IsIrCall(const BuiltinInfo& info) {
  return info.lowering == Lowering::kCall || info.lowering == Lowering::kPerEntry;
}

}  // namespace segc::stdlib
