// ExprGen: random well-typed expressions as source text over a schema and the names declared so
// far. Every compound result is parenthesized, so texts compose without precedence surprises
// (and unary minus never starts a new score rule).
#pragma once

#include <string>
#include <vector>

#include "tests/differential/gen_table.h"
#include "tests/differential/rng.h"

namespace segc::difftest {

/// Value types of the generator (strings only appear inside predicates and `length`).
enum class T : uint8_t { kInt, kFloat, kBool, kDate, kDuration };

/// `(text)`: every compound expression the generator writes is parenthesized.
inline std::string Paren(const std::string& text) { return "(" + text + ")"; }

/// Percentile shorthands, the edge fractions included.
inline const std::vector<std::string> kPercentiles = {"p10",   "p25", "p50", "p90",
                                                      "p99.5", "p0",  "p100"};

/// A declared name usable in later expressions.
struct Named {
  std::string name;
  T type;
};

/// A declared classify and its labels.
struct ClassRef {
  std::string name;
  std::vector<std::string> labels;
};

/// Generates expressions; `names` and `classes` grow as the program declares them.
class ExprGen {
 public:
  ExprGen(const GenSchema& schema, Rng& rng) : schema_(schema), rng_(rng) {}

  std::string Bool(int depth);
  /// Numeric; `want_int` restricts to int-typed expressions.
  std::string Num(int depth, bool want_int);
  std::string Date(int depth);
  std::string Duration();
  /// A literal duration in days or weeks (what a date difference compares with).
  std::string DayDuration();
  /// A literal of `type` valid after `param NAME =`.
  std::string ParamLiteral(T type);

  std::vector<Named> names;
  std::vector<ClassRef> classes;

 private:
  std::string NumLeaf(bool want_int);
  std::string NumCompound(int depth, bool want_int);
  std::string NumStat(bool want_int);
  std::string BoolLeaf();
  std::string Compare(int depth);
  std::string DatePredicate(int depth);
  std::string Membership();
  std::string StringPredicate();
  std::string LabelPredicate();
  /// A row-dependent numeric expression (statistic input).
  std::string RowNum(bool int_only);
  /// A string-valued expression of one string/enum column; `raw` tells if it is the bare enum.
  std::string StrExpr(const GenColumn& column, bool& raw_enum);
  std::string IntLit();
  std::string FloatLit();
  std::string DateLit();
  std::string Column(ColKind kind);
  std::string NameOf(T type);
  bool Has(ColKind kind) const { return !schema_.OfKind(kind).empty(); }
  /// A per-customer aggregate over the event table of `type` (int, float or date), with a
  /// `where` filter at random; "" when the schema has no events.
  std::string Aggregate(T type);
  /// An aggregate's value: a bare event column of `kind`, sometimes in arithmetic.
  std::string EventValue(ColKind kind);
  /// A condition over the event columns (an aggregate's filter).
  std::string EventPred(int depth);
  std::string EventColumn(ColKind kind, bool qualified);

  const GenSchema& schema_;
  Rng& rng_;
};

}  // namespace segc::difftest
