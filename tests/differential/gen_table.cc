// Random schemas and tables for the differential tests.
#include "tests/differential/gen_table.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "compiler/ir/calendar.h"
#include "segc/check.h"

namespace segc::difftest {
namespace {

constexpr int32_t kAsOf = 20758;  // 2026-11-01, as in tests/unit/ir/engine_testing.h
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

const std::vector<std::string> kStringPool = {
    "",     "a",  "A", "FR", "Fr", "fr", "DE", "abc", "ABC", "a.b", "x y", "\xC3\xA9t\xC3\xA9",
    "lead", "zz", "b"};
const std::vector<std::string> kEnumPool = {"lead", "prospect", "customer", "churned", "A", "b"};

const char* KindName(ColKind kind) {
  switch (kind) {
    case ColKind::kInt:
      return "int";
    case ColKind::kFloat:
      return "float";
    case ColKind::kBool:
      return "bool";
    case ColKind::kDate:
      return "date";
    case ColKind::kString:
      return "string";
    case ColKind::kEnum:
      return "enum";
  }
  return "int";
}

/// Null probability of one column: often none, sometimes all, else a random rate.
double NullRate(Rng& rng) {
  switch (rng.Below(6)) {
    case 0:
      return 0;
    case 1:
      return 1;
    case 2:
      return 0.05;
    case 3:
      return 0.5;
    default:
      return rng.Chance(0.5) ? 0 : 0.2;
  }
}

/// `small`: only -20..40 (for ranks, `in` lists and ntile); else also zeros and extremes.
int64_t RandomInt(Rng& rng, bool small) {
  switch (small ? 7 : rng.Below(8)) {
    case 0:
      return 0;
    case 1:
      return kMax - rng.Range(0, 3);
    case 2:
      return kMin + rng.Range(0, 3);
    case 3:
      return rng.Range(-3037000500, 3037000500);  // squares near the int64 limit
    case 4:
      return rng.Range(1000000000, 5000000000);
    default:
      return rng.Range(-20, 40);
  }
}

double RandomFloat(Rng& rng) {
  switch (rng.Below(12)) {
    case 0:
      return 0.0;
    case 1:
      return -0.0;
    case 2:
      return 1e308 * (rng.Chance(0.5) ? 1 : -1);
    case 3:
      return 4.9e-324;
    case 4:
      return double(rng.Range(-10, 10)) + 0.5;  // round() ties
    case 5:
      return double(RandomInt(rng, false));
    case 6:
      return 1e15 + double(rng.Range(0, 9)) / 10;
    default:
      return double(rng.Range(-100000, 100000)) / 100.0;
  }
}

int32_t RandomDate(Rng& rng) {
  switch (rng.Below(6)) {
    case 0:
      return kAsOf;
    case 1:
      return int32_t(rng.Range(-25000, 60000));  // 1901..2134
    case 2:
      return kAsOf - int32_t(rng.Range(0, 3)) * 30 - 1;
    case 3:
      return 20513 + int32_t(rng.Range(-2, 2));  // around 2026-03-01 (month ends)
    default:
      return kAsOf - int32_t(rng.Range(-30, 1200));
  }
}

rt::Column MakeColumn(const GenColumn& c, int64_t rows, Rng& rng) {
  double nulls = c.name == "id" ? 0 : NullRate(rng);
  auto null = [&] { return rng.Chance(nulls); };
  switch (c.kind) {
    case ColKind::kInt: {
      std::vector<std::optional<int64_t>> v;
      bool small = rng.Chance(0.4);
      for (int64_t i = 0; i < rows; ++i) {
        if (c.name == "id")
          v.push_back(i);
        else
          v.push_back(null() ? std::nullopt : std::optional(RandomInt(rng, small)));
      }
      return rt::Column::FromInt64(v);
    }
    case ColKind::kFloat: {
      std::vector<std::optional<double>> v;
      for (int64_t i = 0; i < rows; ++i) {
        v.push_back(null() ? std::nullopt : std::optional(RandomFloat(rng)));
      }
      return rt::Column::FromFloat64(v);
    }
    case ColKind::kBool: {
      std::vector<std::optional<bool>> v;
      for (int64_t i = 0; i < rows; ++i) {
        v.push_back(null() ? std::nullopt : std::optional(rng.Chance(0.5)));
      }
      return rt::Column::FromBool(v);
    }
    case ColKind::kDate: {
      std::vector<std::optional<int32_t>> v;
      for (int64_t i = 0; i < rows; ++i) {
        v.push_back(null() ? std::nullopt : std::optional(RandomDate(rng)));
      }
      return rt::Column::FromDate32(v);
    }
    case ColKind::kString:
    case ColKind::kEnum: {
      std::vector<std::optional<std::string>> v;
      const std::vector<std::string>& pool = c.kind == ColKind::kEnum ? c.labels : c.pool;
      for (int64_t i = 0; i < rows; ++i) {
        v.push_back(null() ? std::nullopt : std::optional(rng.Pick(pool)));
      }
      return c.kind == ColKind::kEnum ? rt::Column::FromEnum(v, c.labels)
                                      : rt::Column::FromStrings(v);
    }
  }
  return {};
}

std::vector<std::string> Subset(const std::vector<std::string>& pool, size_t min, Rng& rng) {
  std::vector<std::string> out;
  for (const std::string& s : pool) {
    if (rng.Chance(0.5)) out.push_back(s);
  }
  for (size_t i = 0; out.size() < min && i < pool.size(); ++i) {
    bool present = false;
    for (const std::string& s : out) present = present || s == pool[i];
    if (!present) out.push_back(pool[i]);
  }
  return out;
}

}  // namespace

std::string GenSchema::Text() const {
  std::string text = "table t key id {\n";
  for (const GenColumn& c : columns) {
    text += "  " + c.name + ": " + KindName(c.kind);
    if (c.kind == ColKind::kEnum) {
      text += "(";
      for (size_t i = 0; i < c.labels.size(); ++i) {
        text += (i ? ", \"" : "\"") + c.labels[i] + "\"";
      }
      text += ")";
    }
    text += "\n";
  }
  text += "}\n";
  if (!has_events()) return text;
  text += std::string("events ") + kEventTable + " of t by id at " +
          EventsOfKind(ColKind::kDate)[0]->name + " {\n";
  for (const GenColumn& c : event_columns) text += "  " + c.name + ": " + KindName(c.kind) + "\n";
  return text + "}\n";
}

std::vector<const GenColumn*> GenSchema::OfKind(ColKind kind) const {
  std::vector<const GenColumn*> out;
  for (size_t i = 1; i < columns.size(); ++i) {
    if (columns[i].kind == kind) out.push_back(&columns[i]);
  }
  return out;
}

std::vector<const GenColumn*> GenSchema::EventsOfKind(ColKind kind) const {
  std::vector<const GenColumn*> out;
  for (size_t i = 1; i < event_columns.size(); ++i) {
    if (event_columns[i].kind == kind) out.push_back(&event_columns[i]);
  }
  return out;
}

namespace {

/// Event columns `v<kind><n>`: at least one int, float, date and bool, sometimes a string.
std::vector<GenColumn> RandomEventColumns(Rng& rng) {
  std::vector<GenColumn> columns = {{"id", ColKind::kInt, {}, {}}};
  std::vector<ColKind> kinds = {ColKind::kDate, ColKind::kInt, ColKind::kFloat, ColKind::kBool};
  int extra = int(rng.Range(0, 2));
  for (int i = 0; i < extra; ++i) kinds.push_back(ColKind(rng.Below(4)));
  if (rng.Chance(0.3)) kinds.push_back(ColKind::kString);
  static const char* const kPrefix[] = {"vi", "vf", "vb", "vd", "vs"};
  for (size_t i = 0; i < kinds.size(); ++i) {
    GenColumn c;
    c.kind = kinds[i];
    c.name = std::string(kPrefix[int(c.kind)]) + std::to_string(i);
    if (c.kind == ColKind::kString) c.pool = Subset(kStringPool, 1, rng);
    columns.push_back(std::move(c));
  }
  return columns;
}

}  // namespace

GenSchema RandomSchema(Rng& rng) {
  GenSchema schema;
  schema.columns.push_back({"id", ColKind::kInt, {}, {}});
  std::vector<ColKind> kinds = {ColKind::kInt, ColKind::kFloat, ColKind::kDate, ColKind::kBool};
  int extra = int(rng.Range(0, 5));
  for (int i = 0; i < extra; ++i) kinds.push_back(ColKind(rng.Below(6)));
  if (rng.Chance(0.7)) kinds.push_back(ColKind::kString);
  if (rng.Chance(0.6)) kinds.push_back(ColKind::kEnum);
  static const char* const kPrefix[] = {"i", "f", "b", "dt", "s", "e"};
  for (size_t i = 0; i < kinds.size(); ++i) {
    GenColumn c;
    c.kind = kinds[i];
    c.name = std::string(kPrefix[int(c.kind)]) + std::to_string(i);
    if (c.kind == ColKind::kEnum) c.labels = Subset(kEnumPool, 2, rng);
    if (c.kind == ColKind::kString) c.pool = Subset(kStringPool, 1, rng);
    if (c.kind == ColKind::kEnum) c.pool = c.labels;
    schema.columns.push_back(std::move(c));
  }
  if (rng.Chance(0.35)) schema.event_columns = RandomEventColumns(rng);
  return schema;
}

rt::Table RandomEvents(const GenSchema& schema, int64_t customers, bool unknown_keys, Rng& rng) {
  int64_t rows = customers == 0 ? 0 : rng.Range(0, 3 * customers + 2);
  std::vector<std::optional<int64_t>> keys;
  for (int64_t i = 0; i < rows; ++i) {
    bool stranger = unknown_keys && rng.Chance(0.05);
    keys.push_back(stranger ? customers + rng.Range(0, 3) : rng.Range(0, customers - 1));
  }
  std::vector<std::string> names = {"id"};
  std::vector<rt::Column> columns = {rt::Column::FromInt64(keys)};
  for (size_t i = 1; i < schema.event_columns.size(); ++i) {
    names.push_back(schema.event_columns[i].name);
    columns.push_back(MakeColumn(schema.event_columns[i], rows, rng));
  }
  auto table = rt::Table::Make(std::move(names), std::move(columns));
  SEGC_CHECK(table.ok());
  return *table;
}

rt::Table RandomTable(const GenSchema& schema, int64_t rows, Rng& rng) {
  std::vector<std::string> names;
  std::vector<rt::Column> columns;
  for (const GenColumn& c : schema.columns) {
    names.push_back(c.name);
    columns.push_back(MakeColumn(c, rows, rng));
  }
  auto table = rt::Table::Make(std::move(names), std::move(columns));
  SEGC_CHECK(table.ok());
  return *table;
}

std::string TableCsv(const rt::Table& table) {
  std::string out;
  for (int c = 0; c < table.num_columns(); ++c) out += (c ? "," : "") + table.name(c);
  out += "\n";
  char buf[64];
  for (int64_t r = 0; r < table.num_rows(); ++r) {
    for (int c = 0; c < table.num_columns(); ++c) {
      const rt::Column& col = table.column(c);
      if (c) out += ",";
      if (col.IsNull(r)) continue;
      switch (col.type()) {
        case rt::ColumnType::kInt:
          std::snprintf(buf, sizeof buf, "%" PRId64, col.Int64(r));
          break;
        case rt::ColumnType::kFloat:
          std::snprintf(buf, sizeof buf, "%.17g", col.Float64(r));
          break;
        case rt::ColumnType::kBool:
          std::snprintf(buf, sizeof buf, "%s", col.Bool(r) ? "true" : "false");
          break;
        case rt::ColumnType::kDate:
          out += ir::FormatDate(col.Date32(r));
          continue;
        default:
          out += "\"" + std::string(col.String(r)) + "\"";
          continue;
      }
      out += buf;
    }
    out += "\n";
  }
  return out;
}

}  // namespace segc::difftest
