// The PostgreSQL, DuckDB and ClickHouse dialects.
#include "compiler/sql/dialect.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>

#include "compiler/ir/calendar.h"

namespace segc::sql {

std::string Dialect::Ident(std::string_view name) const {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Dialect::OrderedSum(const std::string& x, const std::string& order) const {
  return fmt::format("sum({} ORDER BY {})", x, order);
}

// PostgreSQL and DuckDB: arrays are 1-based, array_agg keeps nulls.
std::string Dialect::FirstBy(const std::string& v, const std::string& time, const std::string& row,
                             bool last, const std::string& filter) const {
  const char* dir = last ? " DESC" : "";
  return fmt::format("(array_agg({} ORDER BY {}{}, {}{}) FILTER (WHERE {}))[1]", v, time, dir, row,
                     dir, filter);
}

std::string Dialect::TypeName(ir::Type type) const {
  switch (type) {
    case ir::Type::kBool:
      return "BOOLEAN";
    case ir::Type::kFloat:
      return "DOUBLE PRECISION";
    case ir::Type::kDate:
      return "DATE";
    case ir::Type::kString:
      return "TEXT";
    default:
      return "BIGINT";  // ints and label codes
  }
}

// Through a string: strtod's correctly rounded parse keeps every bit of the shortest form.
std::string Dialect::Float(double value) const {
  return fmt::format("CAST('{}' AS DOUBLE PRECISION)", value);
}

std::string Dialect::Int(int64_t value) const {
  if (value == std::numeric_limits<int64_t>::min())
    return "CAST('" + fmt::format("{}", value) + "' AS BIGINT)";
  return fmt::format("CAST({} AS BIGINT)", value);
}

std::string Dialect::DateLiteral(int64_t days) const {
  return "DATE '" + ir::FormatDate(days) + "'";
}

std::string Dialect::DaysOf(const std::string& d) const {
  return DaysBetween(d, "DATE '1970-01-01'");
}

std::string Dialect::FromDays(const std::string& n) const {
  return "DATE '1970-01-01' + CAST(" + n + " AS INTEGER)";
}

namespace {

std::string JoinArgs(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : sep) + part;
  return out;
}

}  // namespace

std::string Dialect::And(const std::vector<std::string>& args) const {
  return "(" + JoinArgs(args, " AND ") + ")";
}

std::string Dialect::Or(const std::vector<std::string>& args) const {
  return "(" + JoinArgs(args, " OR ") + ")";
}

std::string Dialect::Least(const std::vector<std::string>& args) const {
  return "LEAST(" + JoinArgs(args, ", ") + ")";
}

std::string Dialect::Greatest(const std::vector<std::string>& args) const {
  return "GREATEST(" + JoinArgs(args, ", ") + ")";
}

std::string Dialect::WideRemainder(const std::string&, const std::string& wide,
                                   int64_t unit) const {
  return fmt::format("({} % {})", wide, unit);
}

std::string Dialect::Label(const std::string& code, const std::vector<std::string>& labels) const {
  std::string out = "CASE " + code;
  for (size_t l = 0; l < labels.size(); ++l) out += fmt::format(" WHEN {} THEN {}", l, labels[l]);
  return out + " END";
}

std::string Dialect::SignBit(const std::string& x) const {
  return fmt::format("{0} < 0 OR ({0} = 0 AND atan2({0}, -1) < 0)", x);
}

std::string Dialect::PercentRankArrays(const std::string&, const std::string&) const { return ""; }
std::string Dialect::RunningSumArrays(const std::string&, const std::string&) const { return ""; }
std::string Dialect::ArrayLookup(const std::string&, const std::string&, const std::string&) const {
  return "";
}

namespace {

std::string DoubledQuotes(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out;
}

/// An RE2 pattern as a PostgreSQL ARE with the same matches, for the subset where the two
/// agree once rewritten: literals, escaped punctuation, ^ $ | ( ) * + ? {m,n}, bracket
/// expressions without escapes or [: :], `.` (RE2 does not match a newline with it: [^\n]),
/// \d (ASCII digits in RE2: [0-9]) and a leading (?i). Anything else gives nullopt.
std::optional<std::string> ReToAre(std::string_view re) {
  std::string out;
  if (re.rfind("(?i)", 0) == 0) {
    out = "(?i)";
    re.remove_prefix(4);
  }
  bool in_class = false;
  size_t class_start = 0;  // index in `re` of the class's first member (after [ or [^)
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (in_class) {
      if (c == '\\' || (c == '[' && i + 1 < re.size() && re[i + 1] == ':')) return std::nullopt;
      if (c == ']' && i > class_start) in_class = false;  // a first ] is a member
      out += c;
      continue;
    }
    if (c == '\\') {
      if (i + 1 == re.size()) return std::nullopt;
      char e = re[++i];
      if (e == 'd') {
        out += "[0-9]";
      } else if (std::isalnum(static_cast<unsigned char>(e)) ||
                 static_cast<unsigned char>(e) >= 0x80) {
        return std::nullopt;  // \w \s \b \pN ...: classes and assertions differ
      } else {
        out += '\\';
        out += e;
      }
      continue;
    }
    if (c == '.') {
      out += "[^\\n]";
      continue;
    }
    if (c == '(' && i + 1 < re.size() && re[i + 1] == '?') return std::nullopt;
    if (c == '[') {
      in_class = true;
      class_start = i + 1 < re.size() && re[i + 1] == '^' ? i + 2 : i + 1;
    }
    out += c;
  }
  if (in_class) return std::nullopt;
  return out;
}

/// PostgreSQL 12 or later (MATERIALIZED CTEs, starts_with).
class Postgres final : public Dialect {
 public:
  std::string Name() const override { return "postgres"; }
  std::optional<std::string> Md5Hex(const std::string& s) const override {
    return "md5(" + s + ")";
  }
  std::string WideInt() const override { return "NUMERIC"; }
  std::optional<std::string> Decimal() const override { return "NUMERIC"; }
  // The dividend's 24 decimals make the quotient exact enough to round once to the double.
  std::string ExactMean(const std::string& sum, const std::string& n) const override {
    return fmt::format("CAST({} * 1.000000000000000000000000 / {} AS DOUBLE PRECISION)", sum, n);
  }
  // E'' strings read backslashes the same whatever standard_conforming_strings says.
  std::string String(std::string_view text) const override {
    std::string out = "E'";
    for (char c : text) {
      if (c == '\'' || c == '\\') out += c;
      out += c;
    }
    return out + "'";
  }
  std::string PercentileCont(const std::string& q, const std::string& x) const override {
    return fmt::format("percentile_cont({}) WITHIN GROUP (ORDER BY {})", q, x);
  }
  std::string Year(const std::string& d) const override { return Field("YEAR", d); }
  std::string Month(const std::string& d) const override { return Field("MONTH", d); }
  std::string Day(const std::string& d) const override { return Field("DAY", d); }
  std::string IsoWeekday(const std::string& d) const override { return Field("ISODOW", d); }
  std::string DaysInMonth(const std::string& d) const override {
    return fmt::format(
        "CAST(EXTRACT(DAY FROM date_trunc('month', {}) + INTERVAL '1 month' - INTERVAL '1 day') "
        "AS BIGINT)",
        d);
  }
  std::string AddMonths(const std::string& d, const std::string& n) const override {
    return fmt::format("CAST({} + {} * INTERVAL '1 month' AS DATE)", d, n);
  }
  std::string DaysBetween(const std::string& a, const std::string& b) const override {
    return fmt::format("CAST({} - {} AS BIGINT)", a, b);
  }
  std::string ByteOrder(const std::string& s) const override {
    return fmt::format("({} COLLATE \"C\")", s);
  }
  std::string Length(const std::string& s) const override {
    return fmt::format("CAST(char_length({}) AS BIGINT)", s);
  }
  std::string StartsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("starts_with({}, {})", s, p);
  }
  std::string EndsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("(right({}, char_length({})) = {})", s, p, p);
  }
  std::string Contains(const std::string& s, const std::string& p) const override {
    return fmt::format("(strpos({}, {}) > 0)", s, p);
  }
  std::optional<std::string> Matches(const std::string& s, std::string_view re2) const override {
    auto are = ReToAre(re2);
    if (!are) return std::nullopt;
    return fmt::format("({} ~ {})", s, String(*are));
  }

 private:
  // EXTRACT gives numeric since PostgreSQL 14; the IR's ints are BIGINT.
  static std::string Field(const char* field, const std::string& d) {
    return fmt::format("CAST(EXTRACT({} FROM {}) AS BIGINT)", field, d);
  }
};

/// DuckDB 0.10 or later.
class DuckDb final : public Dialect {
 public:
  std::string Name() const override { return "duckdb"; }
  std::optional<std::string> Md5Hex(const std::string& s) const override {
    return "md5(" + s + ")";
  }
  std::string WideInt() const override { return "HUGEINT"; }
  std::string ExactMean(const std::string& sum, const std::string& n) const override {
    return fmt::format("CAST({} AS DOUBLE) / {}", sum, n);
  }
  std::string String(std::string_view text) const override {
    return "'" + DoubledQuotes(text) + "'";
  }
  std::string PercentileCont(const std::string& q, const std::string& x) const override {
    return fmt::format("quantile_cont({}, {})", x, q);
  }
  std::string Year(const std::string& d) const override { return Fn("year", d); }
  std::string Month(const std::string& d) const override { return Fn("month", d); }
  std::string Day(const std::string& d) const override { return Fn("day", d); }
  std::string IsoWeekday(const std::string& d) const override { return Fn("isodow", d); }
  std::string DaysInMonth(const std::string& d) const override {
    return fmt::format("CAST(day(last_day({})) AS BIGINT)", d);
  }
  std::string AddMonths(const std::string& d, const std::string& n) const override {
    return fmt::format("CAST({} + to_months(CAST({} AS INTEGER)) AS DATE)", d, n);
  }
  std::string DaysBetween(const std::string& a, const std::string& b) const override {
    return fmt::format("CAST(date_diff('day', {}, {}) AS BIGINT)", b, a);
  }
  std::string ByteOrder(const std::string& s) const override { return s; }
  std::string Length(const std::string& s) const override { return Fn("length", s); }
  std::string StartsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("starts_with({}, {})", s, p);
  }
  std::string EndsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("ends_with({}, {})", s, p);
  }
  std::string Contains(const std::string& s, const std::string& p) const override {
    return fmt::format("contains({}, {})", s, p);
  }
  // DuckDB's regular expressions are RE2's.
  std::optional<std::string> Matches(const std::string& s, std::string_view re2) const override {
    return fmt::format("regexp_matches({}, {})", s, String(re2));
  }

 private:
  static std::string Fn(const char* name, const std::string& d) {
    return fmt::format("CAST({}({}) AS BIGINT)", name, d);
  }
};

/// An RE2 pattern for ClickHouse's match(), which is RE2 in UTF-8 mode but with `.` matching a
/// newline (dot_nl): each `.` outside a class becomes [^\n]. 18.16 also prefilters on a
/// required substring case-sensitively even under (?i): a leading (?i) is dropped and each ASCII
/// letter outside a class written [xX]. Patterns that turn dot_nl on themselves ((?s)), set
/// flags elsewhere, quote with \Q...\E, or fold cases of classes with letters or of non-ASCII
/// text give nullopt.
std::optional<std::string> Re2ForClickHouse(std::string_view re) {
  std::string out;
  bool fold = re.rfind("(?i)", 0) == 0;
  if (fold) re.remove_prefix(4);
  bool in_class = false;
  size_t class_start = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (fold && (u >= 0x80 || (in_class && std::isalpha(u)))) return std::nullopt;
    if (c == '\\') {
      if (i + 1 == re.size() || re[i + 1] == 'Q') return std::nullopt;
      out += c;
      out += re[++i];
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < re.size() && re[i + 1] == ':') {  // [:alpha:] inside a class
        size_t end = re.find(":]", i + 2);
        if (end == std::string_view::npos || fold) return std::nullopt;
        out += re.substr(i, end + 2 - i);
        i = end + 1;
        continue;
      }
      if (c == ']' && i > class_start) in_class = false;  // a first ] is a member
      out += c;
      continue;
    }
    if (c == '(' && i + 1 < re.size() && re[i + 1] == '?') {
      size_t end = re.find_first_of(":)", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      if (end > i + 2) return std::nullopt;  // flags other than a leading (?i)
    }
    if (c == '[') {
      in_class = true;
      class_start = i + 1 < re.size() && re[i + 1] == '^' ? i + 2 : i + 1;
    }
    if (c == '.') {
      out += "[^\\n]";
    } else if (fold && std::isalpha(u)) {
      out += fmt::format("[{}{}]", char(std::tolower(u)), char(std::toupper(u)));
    } else {
      out += c;
    }
  }
  if (in_class) return std::nullopt;
  return out;
}

/// ClickHouse 18.16 (Debian bookworm's clickhouse-server), whose gaps the emitter works around:
/// no WITH name AS (query) (temporary tables instead), no window functions (sorted arrays),
/// no percentile_cont (interpolation on arraySort(groupArray(x))), AND/OR not Kleene with
/// NULL (multiIf), no Date before 1970 or after 2105 (dates are Int32 day numbers, the
/// calendar computed on them), `1/0` = inf (the emitter's guards), backslash escapes in
/// string literals. Lambdas bind a value once: arrayMap(v -> body, [value])[1].
class ClickHouse final : public Dialect {
 public:
  std::string Name() const override { return "clickhouse"; }
  // Double quotes, with ClickHouse's backslash escapes.
  std::string Ident(std::string_view name) const override { return Quoted(name, '"'); }
  std::string String(std::string_view text) const override { return Quoted(text, '\''); }
  std::string TypeName(ir::Type type) const override {
    switch (type) {
      case ir::Type::kBool:
        return "Nullable(UInt8)";
      case ir::Type::kFloat:
        return "Nullable(Float64)";
      case ir::Type::kDate:
        return "Nullable(Int32)";
      case ir::Type::kString:
        return "Nullable(String)";
      default:
        return "Nullable(Int64)";
    }
  }
  std::string Int32Type() const override { return "Nullable(Int32)"; }
  std::string Bool(bool value) const override { return value ? "1" : "0"; }
  // ClickHouse's own float parser is not correctly rounded: other doubles are built from their
  // bits.
  std::string Float(double value) const override {
    if (value == std::trunc(value) && std::abs(value) < 0x1p53 && !std::signbit(value)) {
      return fmt::format("toFloat64({})", int64_t(value));
    }
    uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return fmt::format("reinterpretAsFloat64(reinterpretAsString(toUInt64({})))", bits);
  }
  std::string Int(int64_t value) const override {
    if (value == std::numeric_limits<int64_t>::min()) return "toInt64('-9223372036854775808')";
    return fmt::format("toInt64({})", value);
  }
  std::string DateLiteral(int64_t days) const override { return fmt::format("toInt32({})", days); }
  std::string DaysOf(const std::string& d) const override { return d; }
  std::string FromDays(const std::string& n) const override {
    return "CAST(" + n + " AS Nullable(Int32))";
  }
  // 0 AND NULL is NULL and NULL OR NULL is 0 in ClickHouse 18.16: Kleene logic spelled out.
  std::string And(const std::vector<std::string>& args) const override {
    std::string zero, null;
    for (const std::string& a : args) {
      zero += (zero.empty() ? "" : " OR ") + fmt::format("coalesce({}, 1) = 0", a);
      null += (null.empty() ? "" : " OR ") + fmt::format("({} IS NULL)", a);
    }
    return fmt::format("multiIf({}, 0, {}, NULL, 1)", zero, null);
  }
  std::string Or(const std::vector<std::string>& args) const override {
    std::string one, null;
    for (const std::string& a : args) {
      one += (one.empty() ? "" : " OR ") + fmt::format("coalesce({}, 0) = 1", a);
      null += (null.empty() ? "" : " OR ") + fmt::format("({} IS NULL)", a);
    }
    return fmt::format("multiIf({}, 1, {}, NULL, 0)", one, null);
  }
  bool RepeatsLogicArguments() const override { return true; }
  std::string Least(const std::vector<std::string>& args) const override {
    return Nest("least", args);
  }
  std::string Greatest(const std::vector<std::string>& args) const override {
    return Nest("greatest", args);
  }
  // modulo() takes no Decimal in 18.16; the remainder of an Int64 fits one.
  std::string WideRemainder(const std::string& x, const std::string&, int64_t unit) const override {
    return fmt::format("CAST({} % {} AS {})", x, unit, WideInt());
  }
  // CASE x WHEN ... without ELSE types as Nullable(Nothing) in 18.16.
  std::string Label(const std::string& code,
                    const std::vector<std::string>& labels) const override {
    std::string out = "multiIf(";
    for (size_t l = 0; l < labels.size(); ++l)
      out += fmt::format("{} = {}, {}, ", code, l, labels[l]);
    return out + "NULL)";
  }
  std::string Sign(const std::string& x) const override {
    return fmt::format("multiIf({0} > 0, 1, {0} < 0, -1, 0)", x);
  }
  std::string SignBit(const std::string& x) const override {
    return fmt::format("{0} < 0 OR ({0} = 0 AND 1 / {0} < 0)", x);  // 1 / -0 = -inf
  }
  std::string BoolOr(const std::string& x) const override { return "max(" + x + ")"; }
  std::string Lower(const std::string& s) const override { return "lowerUTF8(" + s + ")"; }
  std::string Upper(const std::string& s) const override { return "upperUTF8(" + s + ")"; }
  std::string RowNumber() const override { return "rowNumberInAllBlocks() + 1"; }
  bool WindowFunctions() const override { return false; }
  bool TemporaryTables() const override { return true; }
  // 18.16 has -If combinators but no ordered aggregates; the event aggregates are refused.
  bool EventAggregates() const override { return false; }
  std::string WideInt() const override { return "Nullable(Decimal(38, 0))"; }
  // The exact sum rounded to a double, then divided: two roundings (docs/sql.md).
  std::string ExactMean(const std::string& sum, const std::string& n) const override {
    return fmt::format("CAST({} AS Nullable(Float64)) / {}", sum, n);
  }
  // sum() adds in no particular order (docs/sql.md).
  std::string OrderedSum(const std::string& x, const std::string&) const override {
    return "sum(" + x + ")";
  }
  // PostgreSQL's percentile_cont on the sorted values: a + (b - a)(pos - floor(pos)) with
  // pos = q (n - 1), in doubles, as the runtime computes it.
  std::string PercentileCont(const std::string& q, const std::string& x) const override {
    const std::string lo = "segc_s[toUInt64(floor(segc_p)) + 1]",
                      hi = "segc_s[toUInt64(floor(segc_p)) + 2]";
    return fmt::format(
        "arrayMap(segc_s -> if(length(segc_s) = 0, NULL, arrayMap(segc_p -> if(segc_p = "
        "floor(segc_p), {0}, {0} + ({1} - {0}) * (segc_p - floor(segc_p))), [{2} * "
        "(toFloat64(length(segc_s)) - 1)])[1]), [arraySort(groupArray({3}))])[1]",
        lo, hi, q, x);
  }
  std::string PercentRankArrays(const std::string& x, const std::string& source) const override {
    const std::string firsts =
        "(segc_v, segc_i) -> segc_i = 1 OR segc_v != segc_s[greatest(segc_i, 2) - 1]";
    return fmt::format(
        "SELECT arrayMap(segc_v -> {0}, arrayFilter({1}, segc_s, arrayEnumerate(segc_s))) AS "
        "\"k\", arrayMap(segc_i -> if(length(segc_s) = 1, toFloat64(0), (segc_i - 1) / "
        "(length(segc_s) - 1)), arrayFilter((segc_i, segc_v) -> segc_i = 1 OR segc_v != "
        "segc_s[greatest(segc_i, 2) - 1], arrayEnumerate(segc_s), segc_s)) AS \"v\" FROM (SELECT "
        "arraySort(groupArray({2})) AS segc_s FROM {3})",
        Key("segc_v"), firsts, x, source);
  }
  std::string RunningSumArrays(const std::string& x, const std::string& source) const override {
    const std::string last = "segc_i = length(segc_d) OR segc_d[segc_i] != segc_d[segc_i + 1]";
    return fmt::format(
        "SELECT arrayMap(segc_v -> {0}, arrayFilter((segc_v, segc_i) -> {1}, segc_d, "
        "arrayEnumerate(segc_d))) AS \"k\", arrayFilter((segc_c, segc_i) -> {1}, segc_cs, "
        "arrayEnumerate(segc_d)) AS \"c\", if(length(segc_d) = 0, NULL, "
        "segc_cs[length(segc_d)]) AS \"t\" FROM (SELECT segc_d, arrayCumSum(segc_d) AS segc_cs "
        "FROM (SELECT arrayReverseSort(groupArray({2})) AS segc_d FROM {3}))",
        Key("segc_v"), last, x, source);
  }
  // transform() looks a value up in constant arrays by hashing; it does not find doubles, so
  // the keys are their bits (x + 0 makes -0 the key of +0).
  std::string ArrayLookup(const std::string& x, const std::string& keys,
                          const std::string& values) const override {
    // A sentinel pair (a NaN's bits, which no key has): transform() refuses empty arrays.
    return fmt::format(
        "transform({}, arrayPushBack({}, toUInt64(9218868437227405313)), arrayPushBack({}, nan), "
        "nan)",
        Key("assumeNotNull(" + x + ")"), keys, values);
  }
  // Calendar on day numbers (proleptic Gregorian, H. Hinnant's civil_from_days).
  std::string Year(const std::string& d) const override {
    return Civil(d, "segc_y + (segc_m <= 2)");
  }
  std::string Month(const std::string& d) const override { return Civil(d, "segc_m"); }
  std::string Day(const std::string& d) const override { return Civil(d, "segc_dd"); }
  std::string IsoWeekday(const std::string& d) const override {
    return fmt::format("CAST((({} + 3) % 7 + 7) % 7 + 1 AS Nullable(Int64))", d);
  }
  std::string DaysInMonth(const std::string& d) const override {
    return Civil(d, MonthLength("segc_y + (segc_m <= 2)", "segc_m"));
  }
  std::string AddMonths(const std::string& d, const std::string& n) const override {
    // Month index y * 12 + m - 1 plus n, split back; the day clamped to the month's length.
    std::string body = fmt::format(
        "arrayMap(segc_t -> arrayMap((segc_ny, segc_nm) -> {0}, [intDiv(segc_t - "
        "if(segc_t < 0, 11, 0), 12)], [segc_t - intDiv(segc_t - if(segc_t < 0, 11, 0), 12) * 12 + "
        "1])[1], [(segc_y + (segc_m <= 2)) * 12 + segc_m - 1 + {1}])[1]",
        FromCivil("segc_ny", "segc_nm",
                  "least(segc_dd, " + MonthLength("segc_ny", "segc_nm") + ")"),
        n);
    return "CAST(" + Civil(d, body) + " AS Nullable(Int32))";
  }
  std::string DaysBetween(const std::string& a, const std::string& b) const override {
    return fmt::format("CAST({} - {} AS Nullable(Int64))", a, b);
  }
  std::string ByteOrder(const std::string& s) const override { return s; }
  std::string Length(const std::string& s) const override {
    return "CAST(lengthUTF8(" + s + ") AS Nullable(Int64))";
  }
  std::string StartsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("startsWith({}, {})", s, p);
  }
  std::string EndsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("endsWith({}, {})", s, p);
  }
  std::string Contains(const std::string& s, const std::string& p) const override {
    return fmt::format("(position({}, {}) > 0)", s, p);
  }
  std::optional<std::string> Matches(const std::string& s, std::string_view re2) const override {
    auto pattern = Re2ForClickHouse(re2);
    if (!pattern) return std::nullopt;
    return fmt::format("match({}, {})", s, String(*pattern));
  }

 private:
  static std::string Quoted(std::string_view text, char quote) {
    std::string out(1, quote);
    for (char c : text) {
      if (c == quote || c == '\\') out += '\\';
      out += c;
    }
    return out + quote;
  }
  static std::string Nest(const char* fn, const std::vector<std::string>& args) {
    std::string out = args.back();
    for (size_t i = args.size() - 1; i-- > 0;) out = fmt::format("{}({}, {})", fn, args[i], out);
    return out;
  }
  static std::string Key(const std::string& x) {
    return "reinterpretAsUInt64(reinterpretAsString(" + x + " + toFloat64(0)))";
  }
  // `body` with segc_y, segc_m (March-based year and month: the civil year is
  // segc_y + (segc_m <= 2)), segc_dd bound to the civil date of day number `d`.
  static std::string Civil(const std::string& d, const std::string& body) {
    return fmt::format(
        "arrayMap(segc_z -> arrayMap(segc_era -> arrayMap(segc_doe -> arrayMap(segc_yoe -> "
        "arrayMap(segc_doy -> arrayMap(segc_mp -> arrayMap((segc_y, segc_m, segc_dd) -> {1}, "
        "[segc_yoe + segc_era * 400], [if(segc_mp < 10, segc_mp + 3, segc_mp - 9)], [segc_doy - "
        "intDiv(153 * segc_mp + 2, 5) + 1])[1], [intDiv(5 * segc_doy + 2, 153)])[1], [segc_doe - "
        "(365 * segc_yoe + intDiv(segc_yoe, 4) - intDiv(segc_yoe, 100))])[1], [intDiv(segc_doe - "
        "intDiv(segc_doe, 1460) + intDiv(segc_doe, 36524) - intDiv(segc_doe, 146096), 365)])[1], "
        "[segc_z - segc_era * 146097])[1], [intDiv(segc_z - if(segc_z < 0, 146096, 0), "
        "146097)])[1], [toInt64({0}) + 719468])[1]",
        d, body);
  }
  // Days in month m of year y (civil).
  static std::string MonthLength(const std::string& y, const std::string& m) {
    return fmt::format(
        "multiIf({1} = 2, if((({0}) % 4 = 0 AND ({0}) % 100 != 0) OR ({0}) % 400 = 0, 29, 28), {1} "
        "IN (4, 6, 9, 11), 30, 31)",
        y, m);
  }
  // The day number of civil y-m-d (H. Hinnant's days_from_civil).
  static std::string FromCivil(const std::string& y, const std::string& m, const std::string& d) {
    return fmt::format(
        "arrayMap(segc_yy -> arrayMap(segc_e -> arrayMap(segc_ye -> segc_e * 146097 + segc_ye * "
        "365 + intDiv(segc_ye, 4) - intDiv(segc_ye, 100) + intDiv(153 * ({1} + if({1} > 2, -3, "
        "9)) + 2, 5) + {2} - 1 - 719468, [segc_yy - segc_e * 400])[1], [intDiv(segc_yy - "
        "if(segc_yy < 0, 399, 0), 400)])[1], [{0} - ({1} <= 2)])[1]",
        y, m, d);
  }
};

/// Spark SQL 3.3 or later (percentile_cont WITHIN GROUP, startswith, endswith, contains), not
/// run here (Spark cannot be installed on the test machines): golden texts only. Java regular
/// expressions (RLIKE) take the PostgreSQL subset; sums of doubles add in no fixed order.
class Spark final : public Dialect {
 public:
  std::string Name() const override { return "spark"; }
  std::string Ident(std::string_view name) const override {
    std::string out = "`";
    for (char c : name) {
      if (c == '`') out += '`';
      out += c;
    }
    return out + "`";
  }
  // Spark reads backslash escapes in string literals (spark.sql.parser.escapedStringLiterals
  // false, the default).
  std::string String(std::string_view text) const override {
    std::string out = "'";
    for (char c : text) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  }
  std::string TypeName(ir::Type type) const override {
    switch (type) {
      case ir::Type::kFloat:
        return "DOUBLE";
      case ir::Type::kString:
        return "STRING";
      default:
        return Dialect::TypeName(type);
    }
  }
  std::string Int32Type() const override { return "INT"; }
  std::string Float(double value) const override {
    return fmt::format("CAST('{}' AS DOUBLE)", value);  // Double.parseDouble: correctly rounded
  }
  // row_number() needs an ORDER BY in Spark; the ids only order the rows.
  std::string RowNumber() const override { return "monotonically_increasing_id()"; }
  std::string Materialized() const override { return ""; }
  // Spark has no trunc of numbers (floor and ceil give BIGINTs): doubles of 2^52 or more are
  // integers already, smaller ones truncate exactly through BIGINT (a negative zero becomes 0).
  std::string Trunc(const std::string& x) const override {
    return fmt::format(
        "CASE WHEN abs({0}) >= CAST('4503599627370496' AS DOUBLE) THEN {0} ELSE CAST(CAST({0} AS "
        "BIGINT) AS DOUBLE) END",
        x);
  }
  std::string PercentileCont(const std::string& q, const std::string& x) const override {
    return fmt::format("percentile_cont({}) WITHIN GROUP (ORDER BY {})", q, x);
  }
  std::string Year(const std::string& d) const override { return Fn("year", d); }
  std::string Month(const std::string& d) const override { return Fn("month", d); }
  std::string Day(const std::string& d) const override { return Fn("dayofmonth", d); }
  // dayofweek: 1 = Sunday .. 7 = Saturday.
  std::string IsoWeekday(const std::string& d) const override {
    return fmt::format("CAST((dayofweek({}) + 5) % 7 + 1 AS BIGINT)", d);
  }
  std::string DaysInMonth(const std::string& d) const override {
    return fmt::format("CAST(dayofmonth(last_day({})) AS BIGINT)", d);
  }
  // Since Spark 3.0 add_months clamps the day to the month's end and no longer moves a month's
  // last day to the result's last day: segc's rule.
  std::string AddMonths(const std::string& d, const std::string& n) const override {
    return fmt::format("add_months({}, {})", d, n);
  }
  std::string DaysBetween(const std::string& a, const std::string& b) const override {
    return fmt::format("CAST(datediff({}, {}) AS BIGINT)", a, b);
  }
  std::string FromDays(const std::string& n) const override {
    return "date_add(DATE '1970-01-01', CAST(" + n + " AS INT))";
  }
  std::string ByteOrder(const std::string& s) const override { return s; }  // UTF-8 bytes
  std::string Length(const std::string& s) const override { return Fn("char_length", s); }
  std::string StartsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("startswith({}, {})", s, p);
  }
  std::string EndsWith(const std::string& s, const std::string& p) const override {
    return fmt::format("endswith({}, {})", s, p);
  }
  std::string Contains(const std::string& s, const std::string& p) const override {
    return fmt::format("contains({}, {})", s, p);
  }
  // Java's (?i) folds ASCII only: refused with other bytes.
  std::optional<std::string> Matches(const std::string& s, std::string_view re2) const override {
    if (re2.rfind("(?i)", 0) == 0) {
      for (char c : re2) {
        if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
      }
    }
    auto re = ReToAre(re2);
    if (!re) return std::nullopt;
    return fmt::format("({} RLIKE {})", s, String(*re));
  }
  std::string WideInt() const override { return "DECIMAL(38, 0)"; }
  std::string ExactMean(const std::string& sum, const std::string& n) const override {
    return fmt::format("CAST({} AS DOUBLE) / {}", sum, n);
  }
  std::string OrderedSum(const std::string& x, const std::string&) const override {
    return "sum(" + x + ")";
  }
  // Spark has no ordered array_agg; min_by/max_by over (time, row) pick the same row (Spark
  // 3.3: min_by skips rows whose ordering is null, never the case here).
  std::string FirstBy(const std::string& v, const std::string& time, const std::string& row,
                      bool last, const std::string& filter) const override {
    return fmt::format("{}({}, struct({}, {})) FILTER (WHERE {})", last ? "max_by" : "min_by", v,
                       time, row, filter);
  }

 private:
  static std::string Fn(const char* name, const std::string& d) {
    return fmt::format("CAST({}({}) AS BIGINT)", name, d);
  }
};

}  // namespace

std::unique_ptr<Dialect> MakeDialect(std::string_view name) {
  if (name == "postgres") return std::make_unique<Postgres>();
  if (name == "duckdb") return std::make_unique<DuckDb>();
  if (name == "clickhouse") return std::make_unique<ClickHouse>();
  if (name == "spark") return std::make_unique<Spark>();
  return nullptr;
}

const char* DialectNames() { return "postgres, duckdb, clickhouse, spark"; }

}  // namespace segc::sql
