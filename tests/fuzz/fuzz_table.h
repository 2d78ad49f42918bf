// Small in-memory tables for the check fuzzer: a few rows of every declared column, with a null
// and edge values in each, so that whatever schema a fuzzed program declares can be run.
#pragma once

#include <cstdint>

#include "segc/schema.h"
#include "segc/table.h"

namespace segc::fuzz {

/// Rows of every customer table.
inline constexpr int64_t kCustomerRows = 5;
/// Rows of every event table: more than the customers, so some have several events.
inline constexpr int64_t kEventRows = 9;

/// The customer table of `schema`: distinct non-null keys, and for every other column a cycle
/// of values of its type (zero, negatives, extremes, empty strings) with one null.
rt::Table CustomerTable(const rt::Schema& schema);

/// An event table of `schema` (its `key` names the column linking to the customers): row i
/// belongs to customer i % kCustomerRows, except the last row, whose key is null.
rt::Table EventTable(const rt::Schema& schema);

}  // namespace segc::fuzz
