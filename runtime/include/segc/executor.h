// Executor: runs a planned, compiled program (stage kernels behind the kernel ABI) over a Table
// with morsel-driven parallelism, computing population statistics between stages.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "segc/column.h"
#include "segc/kernel_abi.h"
#include "segc/result.h"
#include "segc/table.h"

namespace segc::rt {

/// Physical value kinds of slots, stats inputs and dictionary tables.
enum class ValueKind : uint8_t {
  kBool,   ///< bits (columns, slots) or bytes 0/1 (dictionary tables)
  kInt,    ///< int64
  kFloat,  ///< double
  kDate,   ///< int32 days since 1970-01-01
  kLabel,  ///< int32 label code
};

/// A table column the kernels read (ir::Program::inputs, same order).
struct ExecInput {
  std::string name;
  /// Expected column type; kString also accepts kEnum columns and vice versa.
  ColumnType type = ColumnType::kInt;
  /// false: the program never reads it (it need not be in the table).
  bool used = true;
  /// 0: a column of the customer table; t >= 1: of ExecProgram::event_tables[t - 1].
  uint32_t table = 0;
  /// >= 0: not read from any table but computed by ExecProgram::aggregates[aggregate].
  int32_t aggregate = -1;
};

/// A per-customer aggregate over an event table (runtime/include/segc/events.h).
enum class AggregateKind : uint8_t {
  kCount,          ///< events (or non-null values) that pass the filter; 0 without any
  kCountDistinct,  ///< distinct non-null values; 0 without any
  kSum,            ///< sum of non-null values; 0 without any; overflow → null (counted)
  kAvg,            ///< mean of non-null values (float); null without any
  kMin,            ///< null without any
  kMax,            ///< null without any
  kFirst,          ///< value of the earliest event by the time column (ties: earlier row)
  kLast,           ///< value of the latest event by the time column (ties: later row)
};

/// An event table: its rows belong to the customer whose key its column `key_input` holds.
struct ExecEventTable {
  std::string name;
  int32_t key_input = -1;  ///< ExecProgram::inputs index of the event table's key column
};

/// A per-customer aggregate over the rows of one event table, computed after the stages of its
/// table and before the customer stages. Each source is an input column (`*_input`) or a slot an
/// event stage wrote (`*_slot`); both -1: none (no filter; count of events).
struct ExecAggregate {
  AggregateKind kind = AggregateKind::kCount;
  uint32_t table = 1;  ///< as ExecInput::table
  int32_t filter_input = -1, filter_slot = -1;
  int32_t value_input = -1, value_slot = -1;
  int32_t order_input = -1;  ///< first/last: the event table's time column
  ColumnType result = ColumnType::kInt;
  uint32_t output_input = 0;  ///< the ExecProgram::inputs entry it fills
};

/// kScalar: a value computed once per run from the run inputs (as_of, params) by the compiler's
/// ScalarEvaluator, before anything else; not a statistic of the data (not reported).
enum class StatKind : uint8_t { kPercentile, kMean, kStddev, kMinOf, kMaxOf, kScalar };
enum class DerivedKind : uint8_t { kNtile, kCumshare, kPercentRank };

/// A scalar statistic computed before stage `stage`, over input column `input` or, when
/// `source_slot` >= 0, over the slot an earlier stage materialized.
struct ExecStat {
  StatKind kind = StatKind::kMean;
  double q = 0;
  int32_t input = -1;        ///< ExecProgram::inputs index (when source_slot < 0)
  int32_t source_slot = -1;  ///< ExecProgram::slots index, or -1
  uint32_t stage = 0;
  bool integer_result = false;  ///< min_of/max_of of an int or date: fill i64, else f64
  std::string name;             ///< for the run summary: "p90(cltv)", "mean(total_spent)"
};

/// A per-row derived column (ntile, cumshare, percent_rank), like ExecStat.
struct ExecDerived {
  DerivedKind kind = DerivedKind::kNtile;
  int64_t n = 0;
  int32_t input = -1;
  int32_t source_slot = -1;
  uint32_t stage = 0;
  std::string name;  ///< for the run summary: "ntile(5, orders)"
};

/// A writable per-row buffer of the kernels.
struct ExecSlot {
  ValueKind kind = ValueKind::kBool;
  bool nullable = false;
  uint32_t table = 0;  ///< as ExecInput::table: the slot has one entry per row of that table
};

/// A per-dictionary-entry table of string column `input` (see segc_dict_table).
struct ExecDict {
  int32_t input = -1;
  ValueKind kind = ValueKind::kBool;
  /// A rank table (kind kInt) when >= 0: each entry's rank among the sorted strings of both
  /// `input`'s and this input's dictionaries, built by the executor (plan::DictTable).
  int32_t rank_partner = -1;
};

/// Storage of one dictionary table: `size` = dictionary size + 1 entries (the last one for null
/// rows); values are bytes (bool), int64, double or int32 by ExecDict::kind.
struct DictTable {
  std::vector<uint8_t> values;
  std::vector<uint8_t> valid;
  int64_t size = 0;
};

/// Fills `out` for dictionary table `dict` given the column's dictionary (nullptr for a column
/// without one, e.g. an all-null column): the compiler evaluates the IR once per entry. `stats`
/// holds the run's kScalar values (the other statistics are not computed yet).
using DictEvaluator = std::function<void(uint32_t dict, const Dictionary* dictionary,
                                         const segc_stat_value* stats, DictTable& out)>;

/// A value given to one run (ExecProgram::run_inputs): int and date values in `i64`, floats in
/// `f64`, bools as 0/1 in `i64`; `valid` = 1.
using RunInputValue = segc_stat_value;

/// Computes kScalar statistic `stat` from the run's input values (ExecProgram::run_inputs order).
using ScalarEvaluator =
    std::function<segc_stat_value(uint32_t stat, const std::vector<RunInputValue>& inputs)>;

/// A value a run must be given (as_of, a param); see RunOptions::inputs.
struct ExecRunInput {
  std::string name;
  ValueKind kind = ValueKind::kDate;
};

/// One stage kernel (JIT function or interpreter trampoline) and its opaque state.
struct StageKernel {
  segc_kernel_fn fn = nullptr;
  const void* state = nullptr;
};

enum class OutputKind : uint8_t { kSegment, kScore, kClass, kMeasure };

/// How a measure folds its per-row values (see MeasureSummary).
enum class MeasureKind : uint8_t { kSum, kMean, kMin, kMax, kCount };

/// A named result read from slot `slot` after the last stage.
struct ExecOutput {
  OutputKind kind = OutputKind::kSegment;
  std::string name;
  std::string description;
  uint32_t slot = 0;
  std::vector<std::string> labels;          ///< kClass
  MeasureKind measure = MeasureKind::kSum;  ///< kMeasure
};

/// Everything the executor needs; built from a planned ir::Program by the compiler
/// (compiler/plan/exec_program.h). `keep_alive` owns whatever the kernels' state points to.
struct ExecProgram {
  std::vector<ExecInput> inputs;
  std::vector<ExecRunInput> run_inputs;
  std::vector<ExecStat> stats;
  std::vector<ExecDerived> derived;
  std::vector<ExecDict> dicts;
  std::vector<ExecSlot> slots;
  std::vector<StageKernel> stages;
  std::vector<uint32_t> stage_tables;  ///< by stage: the table it runs over (as ExecInput::table)
  std::vector<ExecEventTable> event_tables;
  std::vector<ExecAggregate> aggregates;
  std::string customer_table;  ///< the customer table's name, for messages
  std::string customer_key;    ///< its key column (event tables link to it)
  std::vector<ExecOutput> outputs;
  DictEvaluator dict_evaluator;
  ScalarEvaluator scalar_evaluator;
  std::shared_ptr<const void> keep_alive;
};

struct RunOptions {
  /// One value per ExecProgram::run_inputs entry, in that order (as_of first).
  std::vector<RunInputValue> inputs;
  int threads = 0;  ///< <= 0: all cores
  /// Event rows whose key is not a customer (or empty) are counted in
  /// RunResult::unknown_event_keys instead of failing the run.
  bool allow_unknown_event_keys = false;
  int64_t morsel_rows = 65536;  ///< rounded up to a multiple of 64
};

struct SegmentResult {
  std::string name;
  std::string description;
  std::shared_ptr<Buffer> bitmap;  ///< bit i set iff row i is a member (Arrow layout)
  int64_t count = 0;
};

struct ScoreResult {
  std::string name;
  Column values;                      ///< kFloat with validity
  int64_t count = 0;                  ///< non-null rows
  double sum = 0;                     ///< in row order; 0 when count == 0
  double min = 0, max = 0, mean = 0;  ///< meaningful when count > 0
};

struct ClassResult {
  std::string name;
  std::vector<std::string> labels;
  Column values;                      ///< kEnum over `labels`, null where no arm matched
  std::vector<int64_t> label_counts;  ///< by label code
  int64_t null_count = 0;
};

/// A measure's per-row values (kFloat with validity; null rows are skipped by its aggregator).
/// For count the value is 1 on the rows that count and null elsewhere.
struct MeasureResult {
  std::string name;
  std::string description;
  MeasureKind kind = MeasureKind::kSum;
  Column values;
};

/// Every measure folded over one group of rows (the whole table, a segment's members or the
/// rows of one class label).
struct MeasureGroup {
  int64_t rows = 0;  ///< rows in the group
  /// By RunResult::measures: the value; nullopt for a mean, min or max over no non-null value
  /// (sum and count of nothing are 0).
  std::vector<std::optional<double>> values;
  std::vector<int64_t> counts;  ///< by measure: the non-null values folded
};

/// The measures of a run by group. Sums are exact, rounded once to the nearest double (means
/// divide that sum by the count): the same bits for any thread count, any engine and any order
/// of the rows. The folding runs in blocks of kMeasureBlockRows rows, one task each. A sum
/// beyond the range of doubles is nullopt.
struct MeasureSummary {
  MeasureGroup total;
  std::vector<MeasureGroup> segments;  ///< by RunResult::segments
  /// By RunResult::classes, then by label code; the last entry of each holds the null rows.
  std::vector<std::vector<MeasureGroup>> classes;
};

inline constexpr int64_t kMeasureBlockRows = int64_t(1) << 16;

/// A population statistic of the run, reported so users can see the thresholds their rules
/// used: a scalar statistic (`value`), or the cut points of an ntile (`cuts`).
struct StatisticResult {
  std::string name;  ///< ExecStat::name / ExecDerived::name
  /// How to read the numbers: kInt (min_of/max_of of an int column, exact in `int_value`),
  /// kFloat, or kDate (days since 1970-01-01; percentiles and cut points may be fractional).
  ValueKind kind = ValueKind::kFloat;
  bool is_ntile = false;
  std::optional<double> value;  ///< scalar: nullopt when the statistic is null
  int64_t int_value = 0;        ///< kInt scalar: the exact value
  std::vector<double> cuts;     ///< ntile(n, x): the n - 1 cut points, ascending; empty when x
                                ///< has no non-null value
};

/// What one run produced, outputs in program order per kind.
struct RunResult {
  int64_t rows = 0;
  int64_t overflow_count = 0;  ///< integer overflows / non-finite results turned into nulls
  std::vector<SegmentResult> segments;
  std::vector<ScoreResult> scores;
  std::vector<ClassResult> classes;
  std::vector<MeasureResult> measures;
  /// Filled when `measures` is not empty (SummarizeMeasures).
  MeasureSummary measure_summary;
  /// Every scalar statistic (ExecProgram::stats order), then every ntile's cut points
  /// (ExecProgram::derived order). cumshare and percent_rank have no single value to report.
  std::vector<StatisticResult> statistics;
  /// By ExecProgram::event_tables: rows of the table, and rows not linked to a customer.
  std::vector<std::string> event_tables;
  std::vector<int64_t> event_rows;
  std::vector<int64_t> unknown_event_keys;
};

/// Fills result.measure_summary from its measures, segments and classes (every segment needs
/// its bitmap). `threads` <= 0: all cores; the values do not depend on it.
void SummarizeMeasures(RunResult& result, int threads = 1);

/// Pairwise overlaps of the run's segments: counts[i * n + j] rows are members of both segment
/// i and segment j (the diagonal holds each segment's size). Needs every segment's bitmap.
struct Overlaps {
  std::vector<std::string> names;
  std::vector<int64_t> counts;  ///< n × n, row-major, symmetric
  /// |A ∩ B| / |A ∪ B|; nullopt when both segments are empty.
  std::optional<double> Jaccard(size_t i, size_t j) const;
};
Overlaps ComputeOverlaps(const RunResult& result, int threads = 1);

/// Runs `program` over `table`. Fails with kDataError when a column the rules read is missing or
/// has another type, and with kInvalidArgument when `options.inputs` does not have one value per
/// run input. Results are bit-identical for every thread count and morsel size.
Result<RunResult> Execute(const ExecProgram& program, const Table& table,
                          const RunOptions& options = {});
/// Same, with the event tables in ExecProgram::event_tables order (linked to `table` by key).
Result<RunResult> Execute(const ExecProgram& program, const Table& table,
                          const std::vector<Table>& event_tables, const RunOptions& options = {});

}  // namespace segc::rt
