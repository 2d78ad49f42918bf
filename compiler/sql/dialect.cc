// The PostgreSQL and DuckDB dialects.
#include "compiler/sql/dialect.h"

#include <fmt/format.h>

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

}  // namespace

std::unique_ptr<Dialect> MakeDialect(std::string_view name) {
  if (name == "postgres") return std::make_unique<Postgres>();
  if (name == "duckdb") return std::make_unique<DuckDb>();
  return nullptr;
}

const char* DialectNames() { return "postgres, duckdb"; }

}  // namespace segc::sql
