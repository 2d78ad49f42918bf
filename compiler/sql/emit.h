// SQL from the logical IR (ARCHITECTURE.md v2: SQL reads the logical IR, beside the engine).
// One query per project: one row per key with a column per segment (boolean), score (double)
// and class (label text), the same values the interpreter computes (docs/semantics.md,
// docs/sql.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/source.h"
#include "compiler/ir/ir.h"
#include "compiler/sql/dialect.h"

namespace segc::sql {

/// What to emit against.
struct EmitOptions {
  std::string table;  ///< the customer table's name in the database (quoted when emitted)
  /// The event tables' names in the database, by ir::Program::event_tables index (missing or
  /// empty: the declared name).
  std::vector<std::string> event_tables;
  /// One value per ir::Program::run_inputs entry (as_of, then params): the value the query is
  /// written for (Payload::is_null for a null param).
  std::vector<ir::Payload> run_values;
};

/// A statistic the queries report (the run summary's "statistics"): a scalar statistic by
/// ir::Program::stats index, or the cut points of an ntile by ir::Program::derived index.
struct StatisticColumn {
  bool is_ntile = false;
  uint32_t index = 0;
  std::vector<std::string> columns;  ///< result columns of the statistics query holding it
};

/// The queries of one project. Each is a complete statement.
struct Queries {
  /// One row per customer: the key column, then one column per ir::Program::outputs entry but
  /// measures (named as the output), then "segc_overflows" (operations whose result overflowed on
  /// the row, docs/semantics.md), ordered by the key.
  std::string rows;
  /// One row: "rows", then per output in program order: segments "NAME" (member count);
  /// scores "NAME.count", "NAME.sum", "NAME.min", "NAME.max", "NAME.mean"; classes
  /// "NAME=LABEL" per label and "NAME=" for nulls; then "overflows". (Names longer than the
  /// engine's identifiers are truncated by it: read the columns by position.)
  std::string summary;
  /// `summary` without the score columns (they come from `score_rows`, summed by the caller:
  /// PostgreSQL's sum() raises where a sum of doubles overflows).
  std::string counts;
  /// The scores of every customer, one column per score output (in output order), in the
  /// table's scan order (the order the runtime sums them in); no columns when there are none.
  std::string score_rows;
  /// Every customer's segments (booleans), classes (label text) and measure values (per-row
  /// doubles), one column per such output in output order, in the table's scan order: the
  /// caller folds the measures and the overlaps from them as the runtime does (docs/sql.md,
  /// "Measures and overlaps"). Empty when the program has none of them.
  std::string member_rows;
  /// One row: the columns of `statistics`, in that order (no columns: nothing to report).
  std::string statistics;
  std::vector<StatisticColumn> statistic_columns;
  /// By ir::Program::event_tables: one row with "rows" (the event table's rows), "unknown" (rows
  /// whose key is null or not a customer's) and "first_unknown" (the 1-based scan position of
  /// the first of them, null without) and "first_key" (its key as text, null for a null key).
  std::vector<std::string> events;
};

/// A construct the dialect cannot express yet; the caller reports it, no SQL is produced.
struct Refusal {
  std::string construct;  ///< e.g. "the aggregate 'first' over an event table"
  diag::SourceRange origin;
};

struct EmitResult {
  std::optional<Queries> queries;
  std::optional<Refusal> refusal;
};

/// Emits the queries of `program` for `dialect`. The key column is program.customer_key.
EmitResult Emit(const ir::Program& program, const Dialect& dialect, const EmitOptions& options);

}  // namespace segc::sql
