// Random schemas and tables for the differential tests: every column type, nulls at random rates
// (including all-null and null-free columns), extreme integers and zeros.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segc/table.h"
#include "tests/differential/rng.h"

namespace segc::difftest {

enum class ColKind : uint8_t { kInt, kFloat, kBool, kDate, kString, kEnum };

/// One declared column.
struct GenColumn {
  std::string name;
  ColKind kind = ColKind::kInt;
  std::vector<std::string> labels;  ///< kEnum: the declared values
  std::vector<std::string> pool;    ///< kString/kEnum: values the data (and literals) draw from
};

/// A random table declaration; column 0 is the int key `id`.
struct GenSchema {
  std::vector<GenColumn> columns;
  /// The event table `ev` of `t`, linked by its column 0 `id` and timed by its first date
  /// column; empty when the schema has no events.
  std::vector<GenColumn> event_columns;
  /// The schema as `table ... { ... }` (and `events ...`) source text.
  std::string Text() const;
  /// Columns of one kind (never the key).
  std::vector<const GenColumn*> OfKind(ColKind kind) const;
  /// Event columns of one kind (never the key).
  std::vector<const GenColumn*> EventsOfKind(ColKind kind) const;
  bool has_events() const { return !event_columns.empty(); }
};

/// The name of the generated event table.
inline constexpr const char* kEventTable = "ev";

/// 3..9 data columns of random kinds, at least one int, float, date and bool.
GenSchema RandomSchema(Rng& rng);

/// `rows` rows of random data over `schema`.
rt::Table RandomTable(const GenSchema& schema, int64_t rows, Rng& rng);

/// Random events over `schema.event_columns` for a customer table of `customers` rows (ids
/// 0..customers-1): 0 to 3 per customer on average, in random order; with `unknown_keys`, a
/// few events whose key is not a customer.
rt::Table RandomEvents(const GenSchema& schema, int64_t customers, bool unknown_keys, Rng& rng);

/// The table as CSV (header, then one line per row; empty = null; floats as %.17g).
std::string TableCsv(const rt::Table& table);

}  // namespace segc::difftest
