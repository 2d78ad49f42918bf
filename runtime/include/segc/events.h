// Event tables: linking event rows to their customer, grouping them per customer, and the
// per-customer aggregates the rules ask for (count, sum, avg, min, max, first, last,
// count_distinct). Internal to the runtime (not installed): the executor calls these;
// CustomersFromEvents is public so a run whose only data is an event log can make its customer
// table from the log's keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/column/huge_array.h"
#include "segc/column.h"
#include "segc/executor.h"
#include "segc/result.h"
#include "segc/stats.h"
#include "segc/table.h"

namespace segc::rt {

/// Customer rows [begin, end) that one task aggregates.
struct CustomerRange {
  int64_t begin = 0, end = 0;
};

/// The events of one event table linked to their customers: owner[e] is the customer row of
/// event row e, or -1 when its key is not a customer (allowed only with `allow_unknown`). The
/// customers are split into `ranges`, one per thread; with more than one, the event rows of
/// range r, in file order, are part[part_start[r] .. part_start[r + 1]).
struct EventGroups {
  HugeArray<int32_t> owner;
  int64_t customers = 0;  ///< rows of the customer table
  int64_t unknown = 0;    ///< event rows whose key is null or not a customer
  std::vector<CustomerRange> ranges;
  HugeArray<uint32_t> part;
  std::vector<int64_t> part_start;
};

/// Links `event_keys` to the customer row whose `customer_keys` value they hold. Keys are int
/// or string (enum) columns of the same kind. kDataError when a customer key repeats or is empty,
/// or (unless `allow_unknown`) when an event key is empty or not a customer; the message names
/// the event table `events_name` and the first offending record (1-based), or when the table has
/// 2^32 rows or more. The key lookups and the partition run on `threads` threads.
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

/// One value per customer (groups.customers rows) of type `result`: kInt for counts, the
/// value's type for sum (int/float), min, max, first, last; kFloat for avg. Each customer's
/// events are folded in file order by the task of its range (tasks run through `parallel`), so
/// the result has the same bits for every thread count. Adds the sums that overflowed (turned
/// into nulls) to `*overflow`.
Column Aggregate(AggregateKind kind, ColumnType result, const EventGroups& groups,
                 const AggregateInputs& in, const ParallelFor& parallel, int64_t* overflow);

/// A customer table of one column `key_name`: the distinct non-null keys of `event_keys` (int or
/// string columns), in order of first appearance (table by table).
Result<Table> CustomersFromEvents(const std::string& key_name,
                                  const std::vector<const Column*>& event_keys);

}  // namespace segc::rt
