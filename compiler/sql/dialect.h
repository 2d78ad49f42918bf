// SQL dialects: how one engine spells the few constructs the emitter cannot write portably
// (quoting, percentiles, calendar fields, month arithmetic, byte-order string comparison).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
  /// An exact integer type wide enough for the product of two BIGINTs (overflow checks).
  virtual std::string WideInt() const = 0;
  /// The double nearest the exact quotient of the exact sum `sum` (WideInt) by the count `n`.
  virtual std::string ExactMean(const std::string& sum, const std::string& n) const = 0;
  /// The aggregate `sum(x)` adding in the order of `order` (an ORDER BY list).
  virtual std::string OrderedSum(const std::string& x, const std::string& order) const;
};

/// The dialect named `name` ("postgres", "duckdb"), or nullptr.
std::unique_ptr<Dialect> MakeDialect(std::string_view name);
/// "postgres, duckdb": the names MakeDialect knows, for help texts and errors.
const char* DialectNames();

}  // namespace segc::sql
