// The psql load script of `segc sql --load`: a staging table of text columns filled by \copy,
// then the typed table, converted column by column.
#include "cli/sql_load.h"

#include <fmt/format.h>

#include <fstream>

#include "compiler/sql/dialect.h"

namespace segc::cli {
namespace {

/// The header's field names (RFC 4180 quotes allowed).
std::vector<std::string> HeaderFields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

/// A strftime date format as a PostgreSQL to_date pattern (the directives the CSV reader knows).
std::optional<std::string> ToDatePattern(const std::string& format) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      if (std::isalpha(static_cast<unsigned char>(format[i]))) return std::nullopt;
      out += format[i];
      continue;
    }
    switch (format[++i]) {
      case 'Y':
        out += "YYYY";
        break;
      case 'm':
        out += "MM";
        break;
      case 'd':
        out += "DD";
        break;
      case 'y':
        out += "YY";
        break;
      case 'b':
        out += "Mon";
        break;
      case 'H':
        out += "HH24";
        break;
      case 'M':
        out += "MI";
        break;
      case 'S':
        out += "SS";
        break;
      case '%':
        out += "%";
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::optional<std::string> Convert(const rt::ColumnSpec& c, const sql::Dialect& d) {
  bool duckdb = d.Name() == "duckdb";
  std::string v = fmt::format("NULLIF(trim({}), '')", d.Ident(c.name));
  switch (c.type) {
    case rt::ColumnType::kInt:
      return "CAST(" + v + " AS BIGINT)";
    case rt::ColumnType::kFloat:
      return "CAST(" + v + " AS DOUBLE PRECISION)";
    case rt::ColumnType::kBool:
      return "CAST(" + v + " AS BOOLEAN)";
    case rt::ColumnType::kDate: {
      if (c.date_format.empty() || c.date_format == "%Y-%m-%d") return "CAST(" + v + " AS DATE)";
      if (duckdb) {  // strptime takes the strftime format itself
        return "CAST(strptime(" + v + ", " + d.String(c.date_format) + ") AS DATE)";
      }
      auto pattern = ToDatePattern(c.date_format);
      if (!pattern) return std::nullopt;
      return "to_date(" + v + ", " + d.String(*pattern) + ")";
    }
    default:  // strings keep their spaces; only an empty field is null
      return fmt::format("NULLIF({}, '')", d.Ident(c.name));
  }
}

}  // namespace

std::optional<std::string> LoadScript(const rt::Schema& schema, const std::string& table,
                                      const std::string& path, const std::string& dialect,
                                      std::string& error) {
  std::ifstream in(path);
  std::string header;
  if (!in || !std::getline(in, header)) {
    error = "cannot read '" + path + "'";
    return std::nullopt;
  }
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
  if (dialect != "postgres" && dialect != "duckdb") {
    error = "--load is not available for the " + dialect + " dialect (postgres and duckdb only)";
    return std::nullopt;
  }
  auto d = sql::MakeDialect(dialect);
  std::string staging = d->Ident(table + "#text"), fields;
  for (const std::string& f : HeaderFields(header)) {
    fields += (fields.empty() ? "" : ", ") + d->Ident(f) + " TEXT";
  }
  std::string columns;
  for (const rt::ColumnSpec& c : schema.columns) {
    auto value = Convert(c, *d);
    if (!value) {
      error = "date format '" + c.date_format + "' of column '" + c.name + "' has no " + dialect +
              " equivalent";
      return std::nullopt;
    }
    columns += (columns.empty() ? "\n  " : ",\n  ") + *value + " AS " + d->Ident(c.name);
  }
  std::string quoted_path;
  for (char c : path) quoted_path += c == '\'' ? std::string("''") : std::string(1, c);
  if (dialect == "duckdb") {
    return fmt::format(
        "DROP TABLE IF EXISTS {0};\nCREATE TABLE {1} AS SELECT * FROM read_csv('{3}', header = "
        "true, all_varchar = true, delim = ',', quote = '\"', escape = '\"');\n"
        "CREATE TABLE {0} AS SELECT{4}\nFROM {1};\nDROP TABLE {1};\n",
        d->Ident(table), staging, fields, quoted_path, columns);
  }
  return fmt::format(
      "DROP TABLE IF EXISTS {0};\nDROP TABLE IF EXISTS {1};\nCREATE TABLE {1} ({2});\n"
      "\\copy {1} FROM '{3}' WITH (FORMAT csv, HEADER true)\n"
      "CREATE TABLE {0} AS SELECT{4}\nFROM {1};\nDROP TABLE {1};\n",
      d->Ident(table), staging, fields, quoted_path, columns);
}

}  // namespace segc::cli
