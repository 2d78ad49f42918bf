// The load script of `segc sql --load`: the tables segc's CSV reader loaded, written out as typed
// SQL data (one reader for every engine: no second parser of dates, numbers or booleans).
#include "cli/sql_load.h"

#include <fmt/format.h>

#include "cli/command.h"
#include "compiler/ir/calendar.h"
#include "compiler/sql/dialect.h"

namespace segc::cli {
namespace {

ir::Type IrType(rt::ColumnType type) {
  switch (type) {
    case rt::ColumnType::kInt:
      return ir::Type::kInt;
    case rt::ColumnType::kFloat:
      return ir::Type::kFloat;
    case rt::ColumnType::kBool:
      return ir::Type::kBool;
    case rt::ColumnType::kDate:
      return ir::Type::kDate;
    default:
      return ir::Type::kString;  // strings and enums
  }
}

/// ISO text of a day number as PostgreSQL reads it (years before 1 AD with BC: it has no year 0).
std::string DateText(int64_t days) {
  ir::CivilDate c = ir::CivilFromDays(days);
  if (c.year >= 1) return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  return fmt::format("{:04}-{:02}-{:02} BC", 1 - c.year, c.month, c.day);
}

/// One table's columns as the reader loaded them, in declaration order.
struct Loaded {
  std::string name;  ///< in the database
  std::vector<std::pair<std::string, const rt::Column*>> columns;
  int64_t rows = 0;
};

Loaded Collect(const rt::Schema& schema, const rt::Table& table, const std::string& name) {
  Loaded out{name, {}, table.num_rows()};
  for (const rt::ColumnSpec& spec : schema.columns) {
    if (const rt::Column* c = table.GetColumn(spec.name)) out.columns.emplace_back(spec.name, c);
  }
  return out;
}

/// A CSV field of COPY ... (FORMAT csv): null unquoted and empty, strings always quoted.
std::string CopyField(const rt::Column& c, int64_t r) {
  if (c.IsNull(r)) return "";
  switch (c.type()) {
    case rt::ColumnType::kInt:
      return fmt::format("{}", c.Int64(r));
    case rt::ColumnType::kFloat:
      return fmt::format("{}", c.Float64(r));  // shortest text that reads back to the same bits
    case rt::ColumnType::kBool:
      return c.Bool(r) ? "t" : "f";
    case rt::ColumnType::kDate:
      return DateText(c.Date32(r));
    default: {
      std::string out = "\"";
      for (char ch : c.String(r)) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return out + "\"";
    }
  }
}

/// A literal of an INSERT (DuckDB). Newlines are written chr(10): the test runner splits a
/// script at ";\n".
std::string Literal(const rt::Column& c, int64_t r, const sql::Dialect& d) {
  if (c.IsNull(r)) return "NULL";
  switch (c.type()) {
    case rt::ColumnType::kInt:
      return fmt::format("{}", c.Int64(r));
    case rt::ColumnType::kFloat:
      return d.Float(c.Float64(r));
    case rt::ColumnType::kBool:
      return d.Bool(c.Bool(r));
    case rt::ColumnType::kDate:
      return "DATE '" + DateText(c.Date32(r)) + "'";
    default: {
      std::string_view s = c.String(r);
      std::string out;
      size_t start = 0;
      for (size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', start)) {
        out += d.String(s.substr(start, nl - start)) + " || chr(10) || ";
        start = nl + 1;
      }
      return out + d.String(s.substr(start));
    }
  }
}

std::string CreateTable(const Loaded& t, const sql::Dialect& d) {
  std::string columns;
  for (const auto& [name, c] : t.columns) {
    columns += (columns.empty() ? "" : ", ") + d.Ident(name) + " " + d.TypeName(IrType(c->type()));
  }
  return fmt::format("DROP TABLE IF EXISTS {0};\nCREATE TABLE {0} ({1});\n", d.Ident(t.name),
                     columns);
}

void AppendPostgres(const Loaded& t, const sql::Dialect& d, std::string& out) {
  out += CreateTable(t, d);
  if (t.rows == 0 || t.columns.empty()) return;
  out += fmt::format("COPY {} FROM STDIN WITH (FORMAT csv);\n", d.Ident(t.name));
  for (int64_t r = 0; r < t.rows; ++r) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i > 0) out += ',';
      out += CopyField(*t.columns[i].second, r);
    }
    out += '\n';
  }
  out += "\\.\n";
}

void AppendDuckDb(const Loaded& t, const sql::Dialect& d, std::string& out) {
  out += CreateTable(t, d);
  constexpr int64_t kBatch = 1000;
  for (int64_t start = 0; start < t.rows && !t.columns.empty(); start += kBatch) {
    out += "INSERT INTO " + d.Ident(t.name) + " VALUES";
    for (int64_t r = start; r < std::min(t.rows, start + kBatch); ++r) {
      out += r == start ? "\n(" : ",\n(";
      for (size_t i = 0; i < t.columns.size(); ++i) {
        out += (i > 0 ? ", " : "") + Literal(*t.columns[i].second, r, d);
      }
      out += ")";
    }
    out += ";\n";
  }
}

}  // namespace

std::optional<TableNames> ResolveTableNames(const std::vector<std::string>& specs,
                                            const RunState& state) {
  const std::vector<rt::Schema>& events = state.planned->event_schemas;
  TableNames names{state.planned->schema.table_name, {}};
  for (const rt::Schema& e : events) names.events.push_back(e.table_name);
  bool customers = false;
  std::vector<uint8_t> named(events.size(), 0);
  for (const std::string& spec : specs) {
    size_t eq = spec.find('=');
    size_t event = events.size();
    for (size_t i = 0; i < events.size() && eq != std::string::npos; ++i) {
      if (spec.compare(0, eq, events[i].table_name) == 0 && eq == events[i].table_name.size()) {
        event = i;
      }
    }
    bool twice = event < events.size() ? named[event] != 0 : customers;
    if (twice) {
      PrintUsageError("--table names table '" +
                          (event < events.size() ? events[event].table_name
                                                 : state.planned->schema.table_name) +
                          "' twice",
                      "give one name per table: --table NAME --table EVENTS=NAME");
      return std::nullopt;
    }
    if (event < events.size()) {
      names.events[event] = spec.substr(eq + 1);
      named[event] = 1;
    } else {
      names.customers = spec;
      customers = true;
    }
  }
  return names;
}

std::string LoadScript(const RunState& state, const TableNames& names, const std::string& dialect) {
  auto d = sql::MakeDialect(dialect);
  std::vector<Loaded> tables{Collect(state.planned->schema, state.table, names.customers)};
  for (size_t i = 0; i < state.event_tables.size(); ++i) {
    tables.push_back(
        Collect(state.planned->event_schemas[i], state.event_tables[i], names.events[i]));
  }
  // PostgreSQL: one transaction, so that COPY skips the free space map for the tables it has
  // just created and stores the rows in file order (docs/sql.md, "Row order").
  std::string out = dialect == "postgres" ? "BEGIN;\n" : "";
  for (const Loaded& t : tables) {
    if (dialect == "postgres") {
      AppendPostgres(t, *d, out);
    } else {
      AppendDuckDb(t, *d, out);
    }
  }
  return dialect == "postgres" ? out + "COMMIT;\n" : out;
}

}  // namespace segc::cli
