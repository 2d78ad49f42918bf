// The segc logical IR: the meaning of a rule project as a typed, hash-consed DAG of row
// expressions over the customer table, with the population statistics, derived columns,
// per-customer aggregates over event tables and named outputs it defines. Nodes over the columns
// of an event table (an aggregate's value and filter) form a second row domain; only kAggregate
// leaves carry their result into the customer domain. No syntax, no LLVM, and no engine decisions:
// how the engine evaluates it (dictionary tables, stages, slots) is the physical plan
// (compiler/plan/physical.h), made by plan::Plan. Semantics of every op are documented on Op
// below and in docs/semantics.md; the interpreter is the reference.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source.h"

namespace segc::ir {

/// Value types. Physical row representation in kernels:
/// kBool: bit-packed in columns/bitmaps, i1 in registers; kInt: int64; kFloat: double (never NaN
/// or ±inf: a non-finite result is null); kDate: int32 days since 1970-01-01; kString: int32
/// dictionary code of one string/enum input column; kLabel: int32 label code of one classify
/// (index into Output::labels of that classify).
enum class Type : uint8_t { kBool, kInt, kFloat, kDate, kString, kLabel };

/// Index of a node in Program::nodes.
using ValueId = uint32_t;
inline constexpr ValueId kNoValue = UINT32_MAX;

/// Operations. Unless stated otherwise an op is null when any argument is null ("strict").
enum class Op : uint8_t {
  // ---- leaves ----
  kConst,  ///< Payload: i (bool/int/date/label code), f (float), index (kString: Program::strings);
           ///< is_null
  kColumn,      ///< Input column; Payload::index = Program::inputs index.
  kStat,        ///< Scalar population statistic; Payload::index = Program::stats index. Nullable.
  kDerived,     ///< Per-row derived column; Payload::index = Program::derived index. Nullable.
  kDictLookup,  ///< Physical plans only. args {kColumn of a string column}; Payload::index =
                ///< plan::PhysicalPlan::dicts index. value = table[code] (table[size-1] for
                ///< null rows); see plan::DictTable.
  kAggregate,   ///< Per-customer aggregate over an event table; Payload::index =
                ///< Program::aggregates index. Null as AggregateKind says.
  kRunInput,    ///< A value given per run (as_of, a param); Payload::index = Program::run_inputs
                ///< index. Never in a physical stage: the planner hoists every expression over
                ///< run inputs into a kScalar statistic, computed once per run.
  // ---- arithmetic (int: int64 wrap detected → null + overflow counted; float: non-finite → null
  //      + overflow counted; division by zero → null, not counted) ----
  kNeg,  ///< -a (int or float). INT64_MIN → overflow.
  kAdd,  ///< a + b: int, float; date + int days → date (outside int32 → overflow).
  kSub,  ///< a - b: int, float; date - int days → date; date - date → int days.
  kMul,  ///< a * b: int, float.
  kDiv,  ///< a / b: float only (sema makes `/` float; ints are kCast first). b == 0 → null.
  kCast,  ///< int→float, date→int (days), date→float (days), float→date (floor; outside int32 →
          ///< null + overflow), bool→int (0/1), int→date (outside int32 → null + overflow).
  kAddMonths,  ///< args {date, int months}: calendar arithmetic, day clamped to month end
               ///< (2026-03-31 + -1 → 2026-02-28). Result outside int32 → null + overflow.
  // ---- comparisons (same-typed args: bool, int, float, date, label, string (bytes)) → bool ----
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  // ---- logic ----
  kAnd,        ///< n-ary Kleene AND: false if any false; else null if any null; else true.
  kOr,         ///< n-ary Kleene OR: true if any true; else null if any null; else false.
  kNot,        ///< Kleene NOT.
  kIsNull,     ///< never null.
  kIsNotNull,  ///< never null.
  kIsTrue,     ///< bool: true iff a is TRUE (null → false). Never null.
  kCoalesce,   ///< n-ary: first non-null argument, null if all are null.
  kSelect,  ///< args {c1, v1, c2, v2, ..., else}: v_i of the first c_i that is TRUE, else `else`.
            ///< Not strict: only the chosen value's nullness matters.
  kCall,    ///< Scalar builtin; Payload::index = stdlib::BuiltinId of a row whose Lowering is
            ///< kCall or kPerEntry. args: the user's arguments, then the row's implicit ones
            ///< (Implicit::kAsOf: the evaluation date, a date value, last). Null as the row's
            ///< NullPolicy says: when any argument is null (abs, round: also on overflow).
            ///< Each backend dispatches through a table expanded from stdlib/builtins.def;
            ///< semantics in docs/semantics.md. kPerEntry rows (lower, upper, length,
            ///< starts_with, ends_with, contains, matches) appear only before planning.
};

/// Population statistics (one value per run, nulls excluded; all over every row of the table).
enum class StatKind : uint8_t {
  kPercentile,  ///< percentile_cont(input, q); median is q = 0.5. Type kFloat.
  kMean,        ///< Type kFloat.
  kStddev,      ///< Sample standard deviation (n - 1); null with < 2 values. Type kFloat.
  kMinOf,       ///< Type of the input (int, float, date).
  kMaxOf,       ///< Type of the input (int, float, date).
  kScalar,      ///< Physical plans only: a row-invariant expression over run inputs and
                ///< constants (`input`), evaluated once per run before any stage. Any type but
                ///< kString.
};

/// Per-row columns that need the whole population (null where the input is null).
enum class DerivedKind : uint8_t {
  kNtile,        ///< 1 + count(k in 1..n-1: x > percentile(x, k/n)); Type kInt.
  kCumshare,     ///< sum(x' >= x) / sum(x); Type kFloat.
  kPercentRank,  ///< (rank - 1) / (n - 1), 0 when n == 1; Type kFloat.
};

/// Per-customer aggregates over the events of each customer that pass the filter (filter TRUE).
/// Values that are null are skipped. A customer without such events gets 0 (count,
/// count_distinct, sum) or null (the others).
enum class AggregateKind : uint8_t {
  kCount,          ///< events (value given: non-null values). Type kInt, never null.
  kCountDistinct,  ///< distinct non-null values. Type kInt, never null.
  kSum,            ///< int or float, never null; int overflow / non-finite → null + counted.
  kAvg,            ///< Type kFloat.
  kMin,            ///< Type of the value (int, float, date).
  kMax,            ///< Type of the value (int, float, date).
  kFirst,          ///< Value of the earliest event by the table's time column (ties: earlier row).
  kLast,           ///< Value of the latest event by the table's time column (ties: later row).
};

/// Leaf payloads. Which fields are meaningful depends on Node::op (see Op).
struct Payload {
  int64_t i = 0;  ///< kConst of bool (0/1), int, date (days), label (code)
  double f = 0;   ///< kConst of float
  uint32_t index =
      0;  ///< kConst string / kColumn / kStat / kDerived / kRunInput / kDictLookup / kCall
  bool is_null = false;  ///< kConst: the null constant of `type`
  bool operator==(const Payload&) const = default;
};

/// One IR value. Args always have smaller ValueIds than the node (topological order).
struct Node {
  Op op = Op::kConst;
  Type type = Type::kBool;
  bool nullable = false;  ///< false only when the value can never be null
  std::vector<ValueId> args;
  Payload payload;
  diag::SourceRange origin;  ///< where it came from (for explain); not part of identity
};

/// A column the program reads. Its kernel slot is its index in Program::inputs.
struct Input {
  std::string name;           ///< schema column name
  uint32_t schema_index = 0;  ///< index into the checked schema's columns
  Type type = Type::kInt;     ///< kString for string and enum columns
  bool is_enum = false;
  std::vector<std::string> enum_values;  ///< enum columns: declared values
  /// 0: a column of the customer table; t >= 1: of Program::event_tables[t - 1].
  uint32_t table = 0;
  /// Physical plans only: >= 0 when the column is computed by aggregate `aggregate` (the planner
  /// turns each kAggregate leaf into a kColumn of such an input).
  int32_t aggregate = -1;
};

/// An event table: many rows per customer, linked by a key column.
struct EventTable {
  std::string name;
  uint32_t key_input = 0;   ///< Program::inputs index of its column holding the customer key
  int32_t time_input = -1;  ///< its time column (first/last order), or -1
};

/// A per-customer aggregate; its value and filter are nodes over the event table's columns.
struct Aggregate {
  AggregateKind kind = AggregateKind::kCount;
  uint32_t table = 1;         ///< as Input::table (>= 1)
  ValueId value = kNoValue;   ///< kNoValue: count of events
  ValueId filter = kNoValue;  ///< bool; kNoValue: every event
  ValueId order = kNoValue;   ///< first/last: kColumn of the time column
  Type type = Type::kInt;     ///< type of the kAggregate node
};

/// A value given per run, not compiled into the kernels (ARCHITECTURE.md v2: one compiled
/// program serves many runs and dates). Index 0 is always the evaluation date `as_of`.
struct RunInput {
  std::string name;  ///< "as_of", or a qualified param name
  Type type = Type::kDate;
  /// Params: the value a run uses when it gives none (the declared default, or the value the
  /// program was compiled with). Not part of the program's identity (not printed, not hashed).
  Payload value;
  /// Params: the compiler needed the value as a constant (ntile's n, percentile's q, round's
  /// digits), so it is part of the code and a run may not change it.
  bool pinned = false;
};

/// Index of `as_of` in Program::run_inputs.
inline constexpr uint32_t kAsOfInput = 0;

/// A scalar statistic; its kernel slot is its index in Program::stats.
struct Stat {
  StatKind kind = StatKind::kMean;
  ValueId input = kNoValue;  ///< row expression (int, float or date)
  double q = 0;              ///< kPercentile: quantile in [0, 1]
  Type type = Type::kFloat;  ///< type of the kStat node
};

/// A derived per-row column; its kernel slot is its index in Program::derived.
struct Derived {
  DerivedKind kind = DerivedKind::kNtile;
  ValueId input = kNoValue;  ///< row expression (int, float or date)
  int64_t n = 0;             ///< kNtile: number of tiles (>= 1)
  Type type = Type::kInt;
};

enum class OutputKind : uint8_t { kSegment, kScore, kClass, kMeasure };

/// How a measure folds its per-row values (nulls skipped) over a segment, a class label or the
/// whole table. kCount counts the non-null rows: the lowering makes the value 1 where the
/// argument counts (not null; true for a bool) and null elsewhere.
enum class MeasureKind : uint8_t { kSum, kMean, kMin, kMax, kCount };

/// A named result. Segment values are non-null kBool (member iff TRUE, via kIsTrue); scores are
/// nullable kFloat (int scores cast, range clamp applied); classes are nullable kLabel; measures
/// are the nullable kFloat per-row values their aggregator folds (filter applied: null where it
/// does not hold).
struct Output {
  OutputKind kind = OutputKind::kSegment;
  std::string name;  ///< qualified: "VIP", "rfm.Champions"
  std::string description;
  ValueId value = kNoValue;
  std::vector<std::string> labels;          ///< kClass: label text by code
  MeasureKind measure = MeasureKind::kSum;  ///< kMeasure
  diag::SourceRange origin;
};

/// A whole logical program, as ir::Lower makes it.
struct Program {
  std::vector<Node> nodes;
  std::vector<std::string> strings;  ///< string constants
  std::vector<Input> inputs;
  std::vector<RunInput> run_inputs;  ///< [kAsOfInput] is as_of
  std::vector<Stat> stats;
  std::vector<Derived> derived;
  std::vector<Output> outputs;  ///< in dependency order
  std::string customer_table;   ///< the table's name and key column (event tables link to it)
  std::string customer_key;
  std::vector<EventTable> event_tables;
  std::vector<Aggregate> aggregates;

  const Node& node(ValueId id) const { return nodes[id]; }
  /// Stable 64-bit hash of the printed program (FNV-1a), for compiled-kernel caches. Run input
  /// values are not part of the program, so they do not change it.
  uint64_t Hash() const;
};

/// "bool", "int", "float", "date", "string", "label".
const char* TypeName(Type type);
/// "const", "column", "add", ... (the printer's spelling).
const char* OpName(Op op);
const char* StatKindName(StatKind kind);
const char* DerivedKindName(DerivedKind kind);
/// "sum", "mean", "min", "max", "count".
const char* MeasureKindName(MeasureKind kind);
/// "count", "count_distinct", "sum", "avg", "min", "max", "first", "last".
const char* AggregateKindName(AggregateKind kind);
/// Stable 64-bit FNV-1a hash of `text` (printed programs and plans).
uint64_t HashText(std::string_view text);
/// True for kEq..kGe.
bool IsComparison(Op op);

}  // namespace segc::ir
