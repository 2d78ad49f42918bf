// Population statistics and derived columns: one common table expression each, computed once
// over every row (docs/semantics.md, "Population statistics").
#include <fmt/format.h>

#include "compiler/sql/emitter.h"
#include "segc/check.h"

namespace segc::sql::detail {

using ir::Type;

namespace {

std::string StatName(uint32_t stat) { return fmt::format("segc#s{}", stat); }
std::string DerivedName(uint32_t derived) { return fmt::format("segc#d{}", derived); }

}  // namespace

// The statistics work on doubles (dates as days), as runtime/stats does.
std::string Emitter::AsDouble(ir::ValueId id) const {
  std::string x = Ref(id);
  if (p_.node(id).type == Type::kDate) x = d_.DaysBetween(x, "DATE '1970-01-01'");
  if (p_.node(id).type == Type::kFloat) return x;
  return "CAST(" + x + " AS DOUBLE PRECISION)";
}

std::string Emitter::StatRef(uint32_t stat) const {
  return fmt::format("(SELECT {} FROM {})", d_.Ident("v"), d_.Ident(StatName(stat)));
}

// Means and standard deviations add in row order (the row number of the customer table), as
// the runtime does, so that the rounding is the same.
std::string Emitter::StatCte(uint32_t index) const {
  const ir::Stat& stat = p_.stats[index];
  std::string x = Ref(stat.input), xd = AsDouble(stat.input);
  std::string row = d_.Ident(kRowColumn), v = d_.Ident("v");
  std::string body;
  switch (stat.kind) {
    case ir::StatKind::kPercentile:
      // PostgreSQL interpolates without an overflow check (an infinite percentile); the
      // runtime reads a statistic that is not finite as null.
      body = fmt::format("CASE WHEN abs({0}) <= {1} THEN {0} END AS {2}",
                         Percentile(stat.q, stat.input), Float(0x1.fffffffffffffp1023), v);
      break;
    case ir::StatKind::kMean:
      if (p_.node(stat.input).type == Type::kFloat) {  // float sum in row order, one division
        body = FloatArith(ir::Op::kDiv, d_.OrderedSum(xd, row),
                          "CAST(NULLIF(count(" + x + "), 0) AS DOUBLE PRECISION)") +
               " AS " + v;
      } else {  // exact sum of the ints (dates: days), one rounding
        std::string wide =
            "CAST(" +
            (p_.node(stat.input).type == Type::kDate ? d_.DaysBetween(x, "DATE '1970-01-01'") : x) +
            " AS " + d_.WideInt() + ")";
        body = d_.ExactMean("sum(" + wide + ")", "NULLIF(count(" + x + "), 0)") + " AS " + v;
      }
      break;
    case ir::StatKind::kStddev: {  // two passes: the mean in doubles, then the squares
      std::string n = "CAST(count(" + x + ") AS DOUBLE PRECISION)";
      std::string mean =
          fmt::format("(SELECT {} FROM {})", FloatArith(ir::Op::kDiv, d_.OrderedSum(xd, row), n),
                      Source(stat_source_[index]));
      // Each square through the guarded arithmetic: one that overflows makes the deviation
      // infinite in the runtime, so the statistic null.
      std::string sq = FloatArith(ir::Op::kMul, d_.Ident("segc#dev"), d_.Ident("segc#dev"));
      std::string dev = FloatArith(ir::Op::kSub, xd, d_.Ident("m"));
      std::string doubles = fmt::format(
          "WHEN count({0}) >= 2 AND NOT bool_or({0} IS NOT NULL AND ({1} IS NULL OR {2} IS "
          "NULL)) THEN sqrt({3})",
          x, d_.Ident("segc#dev"), sq,
          FloatArith(ir::Op::kDiv, d_.OrderedSum(sq, row),
                     "CAST(count(" + x + ") - 1 AS DOUBLE PRECISION)"));
      body = fmt::format(
          "CASE {0} {1} END AS {2} FROM (SELECT *, {3} AS {4} FROM (SELECT *, {5} AS {6}{7} FROM "
          "{8}) AS {9}) AS {10}",
          ExactIntStddev(index), doubles, v, dev, d_.Ident("segc#dev"), mean, d_.Ident("m"),
          ExactIntMean(index), Source(stat_source_[index]), d_.Ident("segc#m"), d_.Ident("segc#d"));
      return fmt::format("{} AS (SELECT {})", d_.Ident(StatName(index)), body);
    }
    case ir::StatKind::kMinOf:
    case ir::StatKind::kMaxOf:
      body = Extreme(index) + " AS " + v;
      break;
    case ir::StatKind::kScalar:
      SEGC_UNREACHABLE();
  }
  return fmt::format("{} AS (SELECT {} FROM {})", d_.Ident(StatName(index)), body,
                     Source(stat_source_[index]));
}

// The runtime computes the standard deviation of ints beyond +-2^53 exactly (an int128 sum, long
// double squares); a decimal type does it more exactly still, rounded once.
std::string Emitter::ExactIntMean(uint32_t index) const {
  const ir::Stat& stat = p_.stats[index];
  if (p_.node(stat.input).type != Type::kInt || !d_.Decimal()) return "";
  std::string x = Ref(stat.input);
  return fmt::format(
      ", (SELECT sum(CAST({0} AS {1})) * 1.000000000000000000000000 / count({0}) FROM {2}) AS {3}",
      x, *d_.Decimal(), Source(stat_source_[index]), d_.Ident("mn"));
}

std::string Emitter::ExactIntStddev(uint32_t index) const {
  if (ExactIntMean(index).empty()) return "";
  std::string x = "CAST(" + Ref(p_.stats[index].input) + " AS " + *d_.Decimal() + ")";
  std::string dev = "(" + x + " - " + d_.Ident("mn") + ")";
  return fmt::format(
      "WHEN count({0}) >= 2 AND max(abs({0})) > 9007199254740992 THEN CAST(sqrt(sum({1} * {1}) / "
      "(count({0}) - 1)) AS DOUBLE PRECISION)",
      x, dev);
}

// percentile_cont, with the runtime's zero: equal values sort in any order in SQL, but the
// runtime's keys put -0.0 before +0.0, so a percentile that is a zero without interpolation is
// the zero of its rank in that order (interpolating between zeros gives +0.0 in both).
std::string Emitter::Percentile(double q, ir::ValueId input) const {
  std::string xd = AsDouble(input), p = d_.PercentileCont(Float(q), xd);
  std::string pos = fmt::format("({} * CAST(count({}) - 1 AS DOUBLE PRECISION))", Float(q), xd);
  std::string below =
      fmt::format("count(CASE WHEN {0} < 0 OR ({0} = 0 AND atan2({0}, -1) < 0) THEN 1 END)", xd);
  return fmt::format(
      "CASE WHEN {0} = 0 THEN CASE WHEN {1} = floor({1}) AND {1} < {2} THEN "
      "CAST('-0' AS DOUBLE PRECISION) ELSE CAST('0' AS DOUBLE PRECISION) END ELSE {0} END",
      p, pos, below);
}

// min_of/max_of: the runtime keeps the first extreme in row order, which matters only for a
// zero's sign.
std::string Emitter::Extreme(uint32_t index) const {
  const ir::Stat& stat = p_.stats[index];
  std::string x = Ref(stat.input);
  std::string m = (stat.kind == ir::StatKind::kMinOf ? "min(" : "max(") + x + ")";
  if (p_.node(stat.input).type != Type::kFloat) return m;
  return fmt::format(
      "CASE WHEN {0} = 0 THEN (SELECT {1} FROM {2} WHERE {1} = 0 ORDER BY {3} LIMIT 1) ELSE {0} "
      "END",
      m, x, Source(stat_source_[index]), d_.Ident(kRowColumn));
}

// ntile: the cut points percentile(x, k/n); cumshare: the total, added in descending order as
// the runtime's running sum adds it. percent_rank needs none.
std::string Emitter::DerivedCte(uint32_t index) const {
  const ir::Derived& derived = p_.derived[index];
  std::string xd = AsDouble(derived.input);
  std::vector<std::string> columns;
  if (derived.kind == ir::DerivedKind::kNtile) {
    for (int64_t k = 1; k < derived.n; ++k) {
      columns.push_back(Percentile(double(k) / double(derived.n), derived.input) + " AS " +
                        d_.Ident(fmt::format("c{}", k)));
    }
  } else if (derived.kind == ir::DerivedKind::kCumshare) {
    columns.push_back(d_.OrderedSum(xd, xd + " DESC") + " AS " + d_.Ident("t"));
  }
  if (columns.empty()) return "";
  std::string list;
  for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
  return fmt::format("{} AS (SELECT {} FROM {})", d_.Ident(DerivedName(index)), list,
                     Source(derived_source_[index]));
}

std::string Emitter::DerivedSql(const ir::Node& node) const {
  const ir::Derived& derived = p_.derived[node.payload.index];
  std::string x = Ref(derived.input), xd = AsDouble(derived.input);
  std::string cte = d_.Ident(DerivedName(node.payload.index));
  switch (derived.kind) {
    case ir::DerivedKind::kNtile: {  // 1 + the number of cut points below x: ties stay together
      std::string sum = "1";
      for (int64_t k = 1; k < derived.n; ++k) {
        sum += fmt::format(" + CASE WHEN {} > (SELECT {} FROM {}) THEN 1 ELSE 0 END", xd,
                           d_.Ident(fmt::format("c{}", k)), cte);
      }
      return fmt::format("CASE WHEN {} IS NOT NULL THEN CAST({} AS BIGINT) END", x, sum);
    }
    case ir::DerivedKind::kCumshare: {
      std::string running = fmt::format(
          "sum({0}) OVER (ORDER BY {0} DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND "
          "CURRENT ROW)",
          xd);
      std::string total = fmt::format("(SELECT NULLIF({}, 0) FROM {})", d_.Ident("t"), cte);
      return fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", x,
                         FloatArith(ir::Op::kDiv, running, total));
    }
    case ir::DerivedKind::kPercentRank:
      return fmt::format(
          "CASE WHEN {0} IS NOT NULL THEN percent_rank() OVER (PARTITION BY ({0} IS NULL) ORDER "
          "BY {1}) END",
          x, xd);
  }
  SEGC_UNREACHABLE();
}

}  // namespace segc::sql::detail
