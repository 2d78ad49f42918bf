// The interpreter's implementations of scalar builtins, one per identifier named in the `interp`
// column of stdlib/builtins.def (internal to interp/; the table is in builtins.cc).
#pragma once

#include <vector>

#include "compiler/interp/value.h"

namespace segc::interp::detail::fn {

/// The arguments of one call, in IR order (an implicit as_of last), none of them null: the
/// dispatcher answers null first, as the row's null policy says.
using Args = std::vector<const Value*>;

/// Every implementation has this shape: `node` gives the result type; an overflow sets
/// row.overflow and returns null.
using Impl = Value (*)(const ir::Node& node, const Args& args, Row& row);

// Dates and numbers (builtins.cc).
Value DaysSince(const ir::Node& node, const Args& args, Row& row);
Value YearsSince(const ir::Node& node, const Args& args, Row& row);
Value MonthsSince(const ir::Node& node, const Args& args, Row& row);
Value Year(const ir::Node& node, const Args& args, Row& row);
Value Month(const ir::Node& node, const Args& args, Row& row);
Value Weekday(const ir::Node& node, const Args& args, Row& row);
Value Abs(const ir::Node& node, const Args& args, Row& row);
Value Round(const ir::Node& node, const Args& args, Row& row);
Value Floor(const ir::Node& node, const Args& args, Row& row);
Value Ceil(const ir::Node& node, const Args& args, Row& row);
Value Min(const ir::Node& node, const Args& args, Row& row);
Value Max(const ir::Node& node, const Args& args, Row& row);
Value Clamp(const ir::Node& node, const Args& args, Row& row);
/// The split bucket of an int or string key (compiler/ir/split_hash.h).
Value SplitBucket(const ir::Node& node, const Args& args, Row& row);

// Strings, evaluated per dictionary entry (builtins_text.cc).
Value Lower(const ir::Node& node, const Args& args, Row& row);
Value Upper(const ir::Node& node, const Args& args, Row& row);
Value Length(const ir::Node& node, const Args& args, Row& row);
Value StartsWith(const ir::Node& node, const Args& args, Row& row);
Value EndsWith(const ir::Node& node, const Args& args, Row& row);
Value Contains(const ir::Node& node, const Args& args, Row& row);
Value Matches(const ir::Node& node, const Args& args, Row& row);

}  // namespace segc::interp::detail::fn
