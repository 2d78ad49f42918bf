// The built-in function registry, generated from stdlib/builtins.def.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace segc::stdlib {

/// One value per built-in function (BuiltinId::kDaysSince, ...), in builtins.def order.
enum class BuiltinId : uint8_t {
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, interp, jit) id,
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
};

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
};

/// Null behaviour of a call (Gandiva's kResultNullIfNull and friends).
enum class NullPolicy : uint8_t { kNullIfAnyNull, kNeverNull, kInternal };

/// When a function is evaluated: per row, once over the table, or per row after a population pass.
enum class BuiltinKind : uint8_t { kScalar, kAggregate, kWindow };

/// Static facts about one built-in function.
struct BuiltinInfo {
  BuiltinId id;
  std::string_view name;
  int min_args;
  int max_args;  ///< -1 = any number ≥ min_args
  Signature signature;
  NullPolicy null_policy;
  BuiltinKind kind;
  std::string_view interp_fn;   ///< name of the reference interpreter's implementation
  std::string_view jit_symbol;  ///< runtime helper symbol the JIT calls (segc_rt_ prefix)
};

/// All built-ins in builtins.def order (index = static_cast<size_t>(BuiltinId)).
const std::vector<BuiltinInfo>& AllBuiltins();
/// The entry for `id`.
const BuiltinInfo& Builtin(BuiltinId id);
/// Finds a built-in by its source name ("days_since"); nullptr if there is none.
const BuiltinInfo* FindBuiltin(std::string_view name);
/// True for population statistics and ranks (they need a pass over the table).
inline bool IsStatistic(const BuiltinInfo& info) { return info.kind != BuiltinKind::kScalar; }

}  // namespace segc::stdlib
