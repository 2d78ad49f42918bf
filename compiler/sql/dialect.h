// SQL dialects: how one engine spells the few constructs the emitter cannot write portably
// (quoting, percentiles, calendar fields, month arithmetic, byte-order string comparison).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/ir.h"

namespace segc::sql {

/// One target engine. Every method returns SQL text; arguments are SQL expressions already
/// parenthesised by the caller. Implementations must not evaluate an argument twice when the
/// method's comment says "once" (the emitter counts references to keep the text linear).
class Dialect {
 public:
  virtual ~Dialect() = default;
  /// "postgres", "duckdb".
  virtual std::string Name() const = 0;
  /// A quoted identifier ("a""b"), whatever the name holds.
  virtual std::string Ident(std::string_view name) const;
  /// A string literal, escaped so that any byte sequence without NUL round-trips.
  virtual std::string String(std::string_view text) const = 0;
  /// `percentile_cont(q)` of the double expression `x` (nulls ignored), as an aggregate.
  virtual std::string PercentileCont(const std::string& q, const std::string& x) const = 0;
  /// Calendar fields of a date as BIGINT (proleptic Gregorian).
  virtual std::string Year(const std::string& d) const = 0;
  virtual std::string Month(const std::string& d) const = 0;
  virtual std::string Day(const std::string& d) const = 0;
  /// ISO weekday 1 (Monday) .. 7 (Sunday) as BIGINT.
  virtual std::string IsoWeekday(const std::string& d) const = 0;
  /// Days in the month of date `d` as BIGINT.
  virtual std::string DaysInMonth(const std::string& d) const = 0;
  /// Date `d` plus `n` calendar months (BIGINT), day clamped to the month's end, as a DATE.
  virtual std::string AddMonths(const std::string& d, const std::string& n) const = 0;
  /// `a - b` of two dates, in days, as BIGINT.
  virtual std::string DaysBetween(const std::string& a, const std::string& b) const = 0;
  /// `s` as an operand of <, <=, >, >= that compares bytes (C collation).
  virtual std::string ByteOrder(const std::string& s) const = 0;
  /// Number of code points of a string, BIGINT.
  virtual std::string Length(const std::string& s) const = 0;
  /// Prefix, suffix and substring tests on bytes (boolean).
  virtual std::string StartsWith(const std::string& s, const std::string& p) const = 0;
  virtual std::string EndsWith(const std::string& s, const std::string& p) const = 0;
  virtual std::string Contains(const std::string& s, const std::string& p) const = 0;
  /// `s` searched for the RE2 pattern `re2` (a constant), or nullopt when the engine's regular
  /// expressions could read the pattern differently.
  virtual std::optional<std::string> Matches(const std::string& s, std::string_view re2) const = 0;
  /// An exact decimal type with fractions and sqrt (PostgreSQL NUMERIC), or nullopt.
  virtual std::optional<std::string> Decimal() const { return std::nullopt; }
  /// The MD5 digest of text `s` as 32 lowercase hex digits; nullopt where segc does not
  /// translate it (a split's bucket then is refused).
  virtual std::optional<std::string> Md5Hex(const std::string&) const { return std::nullopt; }
  /// An exact integer type wide enough for the product of two BIGINTs (overflow checks).
  virtual std::string WideInt() const = 0;
  /// The double nearest the exact quotient of the exact sum `sum` (WideInt) by the count `n`.
  virtual std::string ExactMean(const std::string& sum, const std::string& n) const = 0;
  /// The aggregate `sum(x)` adding in the order of `order` (an ORDER BY list).
  virtual std::string OrderedSum(const std::string& x, const std::string& order) const;

  // ---- Spellings most engines share (the defaults are PostgreSQL's and DuckDB's) ----
  /// The type of a CAST to an IR type (BIGINT for ints and label codes).
  virtual std::string TypeName(ir::Type type) const;
  /// A 32-bit integer type for CAST (date arithmetic, booleans as 0/1).
  virtual std::string Int32Type() const { return "INTEGER"; }
  virtual std::string Bool(bool value) const { return value ? "TRUE" : "FALSE"; }
  /// A double constant, every bit kept.
  virtual std::string Float(double value) const;
  virtual std::string Int(int64_t value) const;
  /// The date `days` after 1970-01-01.
  virtual std::string DateLiteral(int64_t days) const;
  /// A date as BIGINT days since 1970-01-01, and back (`n` within the 32-bit range).
  virtual std::string DaysOf(const std::string& d) const;
  virtual std::string FromDays(const std::string& n) const;
  /// Kleene `and`/`or` of boolean expressions. When RepeatsLogicArguments(), the text writes
  /// each argument more than once (the emitter then makes them columns).
  virtual std::string And(const std::vector<std::string>& args) const;
  virtual std::string Or(const std::vector<std::string>& args) const;
  virtual bool RepeatsLogicArguments() const { return false; }
  /// LEAST/GREATEST of two or more values (nulls are tested by the caller).
  virtual std::string Least(const std::vector<std::string>& args) const;
  virtual std::string Greatest(const std::vector<std::string>& args) const;
  /// The remainder (sign of the dividend) of the BIGINT `x`, also given as `wide` (WideInt),
  /// divided by the positive BIGINT constant `unit`, as WideInt.
  virtual std::string WideRemainder(const std::string& x, const std::string& wide,
                                    int64_t unit) const;
  /// A double truncated toward zero, as a double.
  virtual std::string Trunc(const std::string& x) const { return "trunc(" + x + ")"; }
  /// The keyword that keeps a CTE from being inlined ("MATERIALIZED "), or "".
  virtual std::string Materialized() const { return "MATERIALIZED "; }
  /// The label text of a class's code `code` (0, 1, ...: the index in `labels`, literals), null
  /// for a null code.
  virtual std::string Label(const std::string& code, const std::vector<std::string>& labels) const;
  /// -1, 0 or 1 (same type family as x).
  virtual std::string Sign(const std::string& x) const { return "sign(" + x + ")"; }
  /// True when the double `x` is negative or a negative zero.
  virtual std::string SignBit(const std::string& x) const;
  /// The aggregate "some row has x true".
  virtual std::string BoolOr(const std::string& x) const { return "bool_or(" + x + ")"; }
  virtual std::string Lower(const std::string& s) const { return "lower(" + s + ")"; }
  virtual std::string Upper(const std::string& s) const { return "upper(" + s + ")"; }
  /// A column numbering the rows of a scan 1, 2, ... (in scan order where the engine has one).
  virtual std::string RowNumber() const { return "row_number() OVER ()"; }
  /// Whether the engine has window functions (percent_rank, running sums). Without them,
  /// percent_rank and cumshare read arrays built once per population:
  virtual bool WindowFunctions() const { return true; }
  /// the body of a query over `source` with one row: columns "k" (the keys of the distinct
  /// non-null values of the double `x`) and "v" (the percent_rank of each);
  virtual std::string PercentRankArrays(const std::string& x, const std::string& source) const;
  /// likewise "k", "c" (the running sum of the values in descending order at each distinct
  /// value, ties included) and "t" (the sum in descending order, null without values);
  virtual std::string RunningSumArrays(const std::string& x, const std::string& source) const;
  /// and the value for `x` in the parallel constant arrays `keys` and `values`.
  virtual std::string ArrayLookup(const std::string& x, const std::string& keys,
                                  const std::string& values) const;
  /// Whether per-customer aggregates over event tables are translated (grouped queries with
  /// FILTER clauses and ordered aggregates, docs/sql.md "Event aggregates").
  virtual bool EventAggregates() const { return true; }
  /// The aggregate "the value `v` of the row that comes first by `time`, then `row`" (`last`:
  /// the row that comes last by `time`, then `row`) among the rows where `filter` is TRUE;
  /// null without such a row. `v` may be null on the chosen row.
  virtual std::string FirstBy(const std::string& v, const std::string& time, const std::string& row,
                              bool last, const std::string& filter) const;
  /// The common table expressions are written as temporary tables (one statement each,
  /// before the query) rather than a WITH clause (engines without WITH name AS (query)).
  virtual bool TemporaryTables() const { return false; }
};

/// The dialect named `name` ("postgres", "duckdb", "clickhouse", "spark"), or nullptr.
std::unique_ptr<Dialect> MakeDialect(std::string_view name);
/// "postgres, duckdb, clickhouse, spark": the names MakeDialect knows, for help texts and errors.
const char* DialectNames();

}  // namespace segc::sql
