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
      body = d_.PercentileCont(Float(stat.q), xd) + " AS " + v;
      break;
    case ir::StatKind::kMean:
      if (p_.node(stat.input).type == Type::kFloat) {  // float sum in row order, one division
        body = fmt::format("{} / NULLIF(count({}), 0) AS {}", d_.OrderedSum(xd, row), x, v);
      } else {  // exact sum of the ints (dates: days), one rounding
        std::string wide =
            "CAST(" +
            (p_.node(stat.input).type == Type::kDate ? d_.DaysBetween(x, "DATE '1970-01-01'") : x) +
            " AS " + d_.WideInt() + ")";
        body = d_.ExactMean("sum(" + wide + ")", "NULLIF(count(" + x + "), 0)") + " AS " + v;
      }
      break;
    case ir::StatKind::kStddev: {  // two passes: the mean in doubles, then the squares
      std::string mean = fmt::format("(SELECT {} / count({}) FROM {})", d_.OrderedSum(xd, row), x,
                                     Source(stat_source_[index]));
      std::string dev = "(" + xd + " - " + d_.Ident("m") + ")";
      body = fmt::format(
          "CASE WHEN count({0}) >= 2 THEN sqrt({1} / CAST(count({0}) - 1 AS DOUBLE PRECISION)) "
          "END AS {2} FROM (SELECT *, {3} AS {4} FROM {5}) AS {6}",
          x, d_.OrderedSum(dev + " * " + dev, row), v, mean, d_.Ident("m"),
          Source(stat_source_[index]), d_.Ident("segc#m"));
      return fmt::format("{} AS (SELECT {})", d_.Ident(StatName(index)), body);
    }
    case ir::StatKind::kMinOf:
      body = "min(" + x + ") AS " + v;
      break;
    case ir::StatKind::kMaxOf:
      body = "max(" + x + ") AS " + v;
      break;
    case ir::StatKind::kScalar:
      SEGC_UNREACHABLE();
  }
  return fmt::format("{} AS (SELECT {} FROM {})", d_.Ident(StatName(index)), body,
                     Source(stat_source_[index]));
}

// ntile: the cut points percentile(x, k/n); cumshare: the total, added in descending order as
// the runtime's running sum adds it. percent_rank needs none.
std::string Emitter::DerivedCte(uint32_t index) const {
  const ir::Derived& derived = p_.derived[index];
  std::string xd = AsDouble(derived.input);
  std::vector<std::string> columns;
  if (derived.kind == ir::DerivedKind::kNtile) {
    for (int64_t k = 1; k < derived.n; ++k) {
      columns.push_back(d_.PercentileCont(Float(double(k) / double(derived.n)), xd) + " AS " +
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
