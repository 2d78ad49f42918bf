// Event tables: linking event rows to their customer, grouping them per customer, and the
// per-customer aggregates the rules ask for (count, sum, avg, min, max, first, last,
// count_distinct). Internal to the runtime (not installed): the executor calls these;
// CustomersFromEvents is public so a run whose only data is an event log can make its customer
// table from the log's keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segc/column.h"
#include "segc/executor.h"
#include "segc/result.h"
#include "segc/stats.h"
#include "segc/table.h"

namespace segc::rt {

/// The event rows of each customer, in file order: rows[offsets[c] .. offsets[c + 1]) are the
/// event rows of customer row c (CSR layout, built by a stable counting sort).
struct EventGroups {
  std::vector<int64_t> offsets;  ///< customers + 1 entries
  std::vector<uint32_t> rows;
  int64_t unknown = 0;  ///< event rows whose key is null or not a customer (not grouped)
};

/// Groups `event_keys` by the customer row whose `customer_keys` value they hold. Keys are int
/// or string (enum) columns of the same kind. kDataError when a customer key repeats or is empty,
/// or (unless `allow_unknown`) when an event key is empty or not a customer; the message names
/// the event table `events_name` and the first offending record (1-based). The key lookups run
/// on `threads` threads.
Result<EventGroups> GroupEvents(const Column& customer_keys, const Column& event_keys,
                                const std::string& customers_name, const std::string& events_name,
                                bool allow_unknown, int threads = 1);

/// What one aggregate reads: optional filter (bool, TRUE passes), optional value (none: count
/// events), optional time column (first/last: int, float or date).
struct AggregateInputs {
  const Column* filter = nullptr;
  const Column* value = nullptr;
  const Column* order = nullptr;
};

/// One value per customer (groups.offsets.size() - 1 rows) of type `result`: kInt for counts,
/// the value's type for sum (int/float), min, max, first, last; kFloat for avg. Adds the sums
/// that overflowed (turned into nulls) to `*overflow`. Same result for every thread count.
Column Aggregate(AggregateKind kind, ColumnType result, const EventGroups& groups,
                 const AggregateInputs& in, const ParallelFor& parallel, int64_t* overflow);

/// A customer table of one column `key_name`: the distinct non-null keys of `event_keys` (int or
/// string columns), in order of first appearance (table by table).
Result<Table> CustomersFromEvents(const std::string& key_name,
                                  const std::vector<const Column*>& event_keys);

}  // namespace segc::rt
