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
  if (p_.node(id).type == Type::kDate) x = d_.DaysOf(x);
  if (p_.node(id).type == Type::kFloat) return x;
  return "CAST(" + x + " AS " + TypeName(Type::kFloat) + ")";
}

std::string Emitter::StatRef(uint32_t stat) const {
  return fmt::format("(SELECT {} FROM {})", d_.Ident("v"), d_.Ident(StatName(stat)));
}

// Means and standard deviations add in row order (the row number of the customer table), as
// the runtime does, so that the rounding is the same.
void Emitter::StatCte(uint32_t index, std::vector<Cte>& out) const {
  const ir::Stat& stat = p_.stats[index];
  std::string x = Ref(stat.input), xd = AsDouble(stat.input);
  std::string row = d_.Ident(kRowColumn), v = d_.Ident("v");
  std::string body;
  switch (stat.kind) {
    case ir::StatKind::kPercentile:
      if (p_.node(stat.input).type == Type::kInt && d_.Decimal()) {
        WideIntPercentile(index, out);
        return;
      }
      // PostgreSQL interpolates without an overflow check (an infinite percentile); the
      // runtime reads a statistic that is not finite as null.
      body = fmt::format("CASE WHEN abs({0}) <= {1} THEN {0} END AS {2}",
                         Percentile(stat.q, stat.input), Float(0x1.fffffffffffffp1023), v);
      break;
    case ir::StatKind::kMean:
      if (p_.node(stat.input).type == Type::kFloat) {  // float sum in row order, one division
        body = FloatArith(ir::Op::kDiv, d_.OrderedSum(xd, row),
                          "CAST(NULLIF(count(" + x + "), 0) AS " + TypeName(Type::kFloat) + ")") +
               " AS " + v;
      } else {  // exact sum of the ints (dates: days), one rounding
        std::string wide = "CAST(" + (p_.node(stat.input).type == Type::kDate ? d_.DaysOf(x) : x) +
                           " AS " + d_.WideInt() + ")";
        body = d_.ExactMean("sum(" + wide + ")", "NULLIF(count(" + x + "), 0)") + " AS " + v;
      }
      break;
    case ir::StatKind::kStddev: {  // two passes: the mean in doubles, then the squares
      std::string n = "CAST(count(" + x + ") AS " + TypeName(Type::kFloat) + ")";
      std::string mean =
          fmt::format("(SELECT {} FROM {})", FloatArith(ir::Op::kDiv, d_.OrderedSum(xd, row), n),
                      Source(stat_source_[index]));
      // Each square through the guarded arithmetic: one that overflows makes the deviation
      // infinite in the runtime, so the statistic null.
      std::string sq = FloatArith(ir::Op::kMul, d_.Ident("segc#dev"), d_.Ident("segc#dev"));
      std::string dev = FloatArith(ir::Op::kSub, xd, d_.Ident("m"));
      std::string doubles = fmt::format(
          "WHEN count({0}) >= 2 AND NOT {4} THEN sqrt({3})", x, d_.Ident("segc#dev"), sq,
          FloatArith(ir::Op::kDiv, d_.OrderedSum(sq, row),
                     "CAST(count(" + x + ") - 1 AS " + TypeName(Type::kFloat) + ")"),
          d_.BoolOr(fmt::format("{0} IS NOT NULL AND ({1} IS NULL OR {2} IS NULL)", x,
                                d_.Ident("segc#dev"), sq)));
      body = fmt::format(
          "CASE {0} {1} END AS {2} FROM (SELECT *, {3} AS {4} FROM (SELECT *, {5} AS {6}{7} FROM "
          "{8}) AS {9}) AS {10}",
          ExactIntStddev(index), doubles, v, dev, d_.Ident("segc#dev"), mean, d_.Ident("m"),
          ExactIntMean(index), Source(stat_source_[index]), d_.Ident("segc#m"), d_.Ident("segc#d"));
      out.push_back({d_.Ident(StatName(index)), "SELECT " + body});
      return;
    }
    case ir::StatKind::kMinOf:
    case ir::StatKind::kMaxOf:
      body = Extreme(index) + " AS " + v;
      break;
    case ir::StatKind::kScalar:
      SEGC_UNREACHABLE();
  }
  out.push_back(
      {d_.Ident(StatName(index)), "SELECT " + body + " FROM " + Source(stat_source_[index])});
}

// A percentile of an int column holding values beyond +-2^53, as runtime/stats does it: the
// order statistics a <= b at ranks floor(pos) and floor(pos) + 1 in exact int order, then
// a + (b - a) * f in x87 long double (64-bit significands, each operation rounded to nearest
// even), rounded once more to a double. The long double arithmetic is emulated exactly in
// NUMERIC: f = M * 2^-k (M < 2^53 an integer), so every value is an integer times 2^-k, and
// rounding an integer N to B significant bits is integer division by 2^(bits(N) - B). Columns
// within +-2^53 take percentile_cont, which the runtime matches there. Three CTEs: W (count,
// whether wide, the plain percentile), R (the ranked non-null values, only when wide), and the
// statistic.
void Emitter::WideIntPercentile(uint32_t index, std::vector<Cte>& out) const {
  const ir::Stat& stat = p_.stats[index];
  const std::string num = *d_.Decimal(), x = Ref(stat.input), src = Source(stat_source_[index]);
  const std::string w_cte = d_.Ident(StatName(index) + "w"),
                    r_cte = d_.Ident(StatName(index) + "r");
  // The chain below reads only its own columns (no user column), so short names are safe.
  auto c = [&](const std::string& name) { return d_.Ident(name); };
  std::string w_body = fmt::format(
      "SELECT count({0}) AS {1}, bool_or({0} > 9007199254740992 OR {0} < -9007199254740992) AS "
      "{2}, {3} AS {4} FROM {5}",
      x, c("n"), c("w"), Percentile(stat.q, stat.input), c("p"), src);
  std::string r_body = fmt::format(
      "SELECT {0} AS {1}, row_number() OVER (ORDER BY {0}) AS {2} FROM {3} WHERE {0} IS NOT NULL "
      "AND (SELECT {4} FROM {5})",
      x, c("x"), c("rn"), src, c("w"), w_cte);
  int alias = 0;
  std::string chain = w_cte;
  // SELECT *, columns FROM (chain); OFFSET 0 keeps PostgreSQL from pulling the levels up into
  // one target list, which would repeat each column's text wherever the next level reads it.
  auto level = [&](const std::string& columns) {
    chain = fmt::format("(SELECT *, {} FROM {} AS {} OFFSET 0)", columns, chain,
                        c(fmt::format("l{}", alias++)));
  };
  const std::string two = "CAST(2 AS " + num + ")", f2 = "CAST(2 AS DOUBLE PRECISION)";
  // Rounds the non-negative integer column `v` to `bits` significant bits, half to even: the
  // result is v+"q" * v+"u" (v+"u" = 2^(v+"s")).
  auto round_bits = [&](const std::string& v, int bits) {
    std::string e = c(v + "e"), sh = c(v + "s"), q0 = c(v + "q0"), q = c(v + "q"), u = c(v + "u");
    level(
        fmt::format("CASE WHEN {0} > 0 THEN floor(log({1}, {0})) ELSE 0 END AS {2}", c(v), two, e));
    level(fmt::format(
        "CASE WHEN {2} = 0 THEN 0 ELSE greatest({0} - CASE WHEN power({1}, {0}) > {2} THEN 1 ELSE "
        "0 END + CASE WHEN power({1}, {0} + 1) <= {2} THEN 1 ELSE 0 END + 1 - {3}, 0) END AS {4}",
        e, two, c(v), bits, sh));
    level(fmt::format("div({0}, power({1}, {2})) AS {3}, power({1}, {2}) AS {4}", c(v), two, sh, q0,
                      u));
    level(fmt::format(
        "{0} + CASE WHEN 2 * ({1} - {0} * {2}) > {2} OR (2 * ({1} - {0} * {2}) = {2} AND mod({0}, "
        "2) = 1) THEN 1 ELSE 0 END AS {3}",
        q0, c(v), u, q));
  };
  // pos = q (n - 1) in doubles, f = pos - floor(pos): the runtime's Position.
  chain = fmt::format("(SELECT *, {0} * CAST({1} - 1 AS DOUBLE PRECISION) AS {2} FROM {3})",
                      Float(stat.q), c("n"), c("pos"), w_cte);
  level(fmt::format("{0} - floor({0}) AS {1}, CAST(floor({0}) AS BIGINT) AS {2}", c("pos"), c("f"),
                    c("lo")));
  level(
      fmt::format("(SELECT {0} FROM {1} WHERE {2} = {3} + 1) AS {4}, (SELECT {0} FROM {1} WHERE "
                  "{2} = {3} + 2) AS {5}",
                  c("x"), r_cte, c("rn"), c("lo"), c("a"), c("b")));
  // f = M 2^-k with 2^52 <= M < 2^53: k = 52 - floor(log2 f), the float log corrected.
  level(fmt::format("CASE WHEN {0} > 0 THEN CAST(floor(ln({0}) / ln(2)) AS INTEGER) END AS {1}",
                    c("f"), c("e0")));
  level(fmt::format(
      "52 - ({0} - CASE WHEN power({1}, {0}) > {2} THEN 1 ELSE 0 END + CASE WHEN power({1}, {0} + "
      "1) <= {2} THEN 1 ELSE 0 END) AS {3}",
      c("e0"), f2, c("f"), c("k")));
  // (b - a) M, exact; the long double product is it rounded to 64 bits (times 2^-k).
  level(fmt::format(
      "CAST(CAST({0} * power({1}, {2} / 2) * power({1}, {2} - {2} / 2) AS BIGINT) AS {3}) * "
      "(CAST({4} AS {3}) - {5}) AS {6}",
      c("f"), f2, c("k"), num, c("b"), c("a"), c("d")));
  round_bits("d", 64);
  // a + that, exact, then rounded to 64 bits, then to the double's 53.
  level(fmt::format("CAST({0} AS {1}) * power({2}, {3}) + {4} * {5} AS {6}", c("a"), num, two,
                    c("k"), c("dq"), c("du"), c("s")));
  level(fmt::format("abs({}) AS {}", c("s"), c("t")));
  round_bits("t", 64);
  level(fmt::format("{} * {} AS {}", c("tq"), c("tu"), c("z")));
  round_bits("z", 53);
  // zq 2^(zs - k), exact in doubles (two factors: each power of two stays a normal double).
  level(fmt::format("CAST({} AS INTEGER) - {} AS {}", c("zs"), c("k"), c("j")));
  std::string value =
      fmt::format("CAST({0} AS DOUBLE PRECISION) * power({1}, {2} / 2) * power({1}, {2} - {2} / 2)",
                  c("zq"), f2, c("j"));
  std::string body = fmt::format(
      "SELECT CASE WHEN {0} IS NOT TRUE THEN {1} WHEN {2} = 0 THEN CAST({3} AS DOUBLE PRECISION) "
      "WHEN {4} < 0 THEN -({5}) ELSE {5} END AS {6} FROM {7} AS {8}",
      c("w"), c("p"), c("f"), c("a"), c("s"), value, c("v"), chain, c("l"));
  out.push_back({w_cte, w_body});
  out.push_back({r_cte, r_body});
  out.push_back({d_.Ident(StatName(index)), body});
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
  std::string pos =
      fmt::format("({} * CAST(count({}) - 1 AS {}))", Float(q), xd, TypeName(Type::kFloat));
  std::string below = fmt::format("count(CASE WHEN {} THEN 1 END)", d_.SignBit(xd));
  return fmt::format(
      "CASE WHEN {0} = 0 THEN CASE WHEN {1} = floor({1}) AND {1} < {2} THEN {3} ELSE {4} END ELSE "
      "{0} END",
      p, pos, below, Float(-0.0), Float(0.0));
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
std::optional<Cte> Emitter::DerivedCte(uint32_t index) const {
  const ir::Derived& derived = p_.derived[index];
  std::string xd = AsDouble(derived.input);
  std::string name = d_.Ident(DerivedName(index)), source = Source(derived_source_[index]);
  if (!d_.WindowFunctions() && derived.kind == ir::DerivedKind::kCumshare) {
    return Cte{name, d_.RunningSumArrays(xd, source)};
  }
  if (!d_.WindowFunctions() && derived.kind == ir::DerivedKind::kPercentRank) {
    return Cte{name, d_.PercentRankArrays(xd, source)};
  }
  std::vector<std::string> columns;
  if (derived.kind == ir::DerivedKind::kNtile) {
    for (int64_t k = 1; k < derived.n; ++k) {
      columns.push_back(Percentile(double(k) / double(derived.n), derived.input) + " AS " +
                        d_.Ident(fmt::format("c{}", k)));
    }
  } else if (derived.kind == ir::DerivedKind::kCumshare) {
    columns.push_back(d_.OrderedSum(xd, xd + " DESC") + " AS " + d_.Ident("t"));
  }
  if (columns.empty()) return std::nullopt;
  std::string list;
  for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
  return Cte{name, "SELECT " + list + " FROM " + source};
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
      return fmt::format("CASE WHEN {} IS NOT NULL THEN CAST({} AS {}) END", x, sum,
                         TypeName(Type::kInt));
    }
    case ir::DerivedKind::kCumshare: {
      auto read = [&](const char* column) {
        return fmt::format("(SELECT {} FROM {})", d_.Ident(column), cte);
      };
      std::string running = d_.WindowFunctions() ? "" : d_.ArrayLookup(xd, read("k"), read("c"));
      if (running.empty())
        running = fmt::format(
            "sum({0}) OVER (ORDER BY {0} DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND "
            "CURRENT ROW)",
            xd);
      std::string total = fmt::format("(SELECT NULLIF({}, 0) FROM {})", d_.Ident("t"), cte);
      return fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", x,
                         FloatArith(ir::Op::kDiv, running, total));
    }
    case ir::DerivedKind::kPercentRank:
      if (!d_.WindowFunctions()) {
        return fmt::format(
            "CASE WHEN {} IS NOT NULL THEN {} END", x,
            d_.ArrayLookup(xd, fmt::format("(SELECT {} FROM {})", d_.Ident("k"), cte),
                           fmt::format("(SELECT {} FROM {})", d_.Ident("v"), cte)));
      }
      return fmt::format(
          "CASE WHEN {0} IS NOT NULL THEN percent_rank() OVER (PARTITION BY ({0} IS NULL) ORDER "
          "BY {1}) END",
          x, xd);
  }
  SEGC_UNREACHABLE();
}

}  // namespace segc::sql::detail
