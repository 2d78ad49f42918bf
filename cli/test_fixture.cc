// Fixture rows → a CSV of the whole schema for the runtime's reader, with errors mapped back to
// the lines the user wrote (docs/testing.md "Fixtures").
#include "cli/test_fixture.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/lang.h"
#include "segc/csv.h"

namespace segc::cli {
namespace {

/// One field of a fixture line: its text as written (quotes kept) and its 1-based column.
struct Field {
  std::string raw;
  int column = 0;
};

bool Blank(char c) { return c == ' ' || c == '\t'; }

/// Splits a line on commas (`comma`) or on runs of blanks; blanks around a field are dropped and
/// a double-quoted field may hold the separator ("" is a quote inside it).
std::vector<Field> SplitFields(const std::string& line, bool comma) {
  std::vector<Field> fields;
  size_t i = 0;
  while (true) {
    while (i < line.size() && Blank(line[i])) ++i;
    if (!comma && i >= line.size()) break;
    Field field{"", int(i) + 1};
    bool quoted = false;
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (c == '"') quoted = !quoted;
      if (!quoted && (comma ? c == ',' : Blank(c))) break;
      field.raw += c;
    }
    while (!field.raw.empty() && Blank(field.raw.back())) field.raw.pop_back();
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    if (comma) ++i;  // past the comma: a trailing comma makes one more (empty) field
  }
  return fields;
}

/// The field as one CSV field: quoted when it holds a comma or a quote it was not quoted for.
std::string CsvField(const std::string& raw) {
  if (raw.empty() || raw.front() == '"') return raw;
  if (raw.find_first_of(",\"") == std::string::npos) return raw;
  std::string out = "\"";
  for (char c : raw) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Unquote(const std::string& raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
    return raw.substr(1, raw.size() - 2);
  }
  return raw;
}

/// The fixture's lines rewritten as a CSV of every column of `schema` (the ones it leaves out
/// appended, empty), and, per CSV line, where each field began in the source.
struct Rewritten {
  std::string csv;
  std::vector<std::vector<int>> columns;  ///< by CSV line: where each field starts in the source
  bool blank_separated = false;           ///< fields were separated by blanks, not commas
};

Rewritten Rewrite(const std::vector<std::string>& lines, const rt::Schema& schema) {
  bool comma = SplitFields(lines[0], true).size() > 1;
  Rewritten out;
  out.blank_separated = !comma;
  std::vector<Field> header = SplitFields(lines[0], comma);
  std::vector<std::string> missing;
  for (const rt::ColumnSpec& spec : schema.columns) {
    bool present = false;
    for (const Field& f : header) present |= Unquote(f.raw) == spec.name;
    if (!present) missing.push_back(spec.name);
  }
  for (size_t l = 0; l < lines.size(); ++l) {
    if (lines[l].find_first_not_of(" \t") == std::string::npos) {  // the reader skips it too
      out.csv += "\n";
      out.columns.push_back({1});
      continue;
    }
    std::vector<Field> fields = l == 0 ? header : SplitFields(lines[l], comma);
    std::string csv_line;
    for (size_t f = 0; f < fields.size(); ++f) csv_line += (f ? "," : "") + CsvField(fields[f].raw);
    for (const std::string& name : missing) {
      csv_line += l == 0 ? "," + CsvField(name) : std::string(",");
    }
    out.csv += csv_line + "\n";
    std::vector<int> original;
    for (const Field& f : fields) original.push_back(f.column);
    out.columns.push_back(std::move(original));
  }
  return out;
}

std::string ReadText(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("segc: error: cannot read fixture '{}'", path);
    return "";
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<rt::Table> LoadFixture(const Fixture& fixture, const std::string& test_path,
                              const rt::Schema& schema, bool check_key, std::string* error) {
  rt::CsvOptions options;
  options.null_tokens = {"null"};
  options.check_key = check_key;
  options.threads = 1;
  rt::CsvReport report;
  if (fixture.sample) {
    options.null_tokens.clear();
    Result<rt::Table> table = rt::ReadCsv(fixture.path, schema, options, &report);
    if (!table.ok()) {
      *error = report.errors.empty()
                   ? "segc: error: " + table.status().message()
                   : rt::FormatDataErrors(report.errors, report.total_errors, TrMessage);
    }
    return table;
  }
  std::vector<std::string> lines = fixture.lines;
  std::vector<TestPlace> starts = fixture.starts;
  std::string shown = test_path;
  if (!fixture.path.empty()) {  // a small CSV file: its own lines and columns
    shown = fixture.path;
    std::string text = ReadText(fixture.path, error);
    if (!error->empty()) return Status::IoError(*error);
    std::istringstream in(text);
    lines.clear();
    for (std::string line; std::getline(in, line); starts.push_back({int(starts.size()) + 1, 1})) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    if (lines.empty()) {
      *error = fmt::format("{}:1:1: data error: the fixture file is empty", shown);
      return Status::DataError(*error);
    }
  }
  Rewritten csv = Rewrite(lines, schema);
  options.delimiter = ',';
  options.display_name = shown;
  // Between blanks, a comma can only be a decimal comma: `4,5` reads as the file writes it.
  if (csv.blank_separated) options.decimal_comma = rt::DecimalComma::kYes;
  Result<rt::Table> table = rt::ReadCsvBuffer(csv.csv, schema, options, &report);
  if (table.ok()) return table;
  std::vector<rt::DataError> errors = report.errors;
  // The reader's column is the field number; inline rows get the character column of the field
  // in the test file (what an editor jumps to), a fixture file keeps the reader's numbers.
  for (rt::DataError& e : errors) {
    size_t line = size_t(std::max<int64_t>(e.line, 1) - 1);
    if (fixture.path.empty() && line < starts.size()) {
      const std::vector<int>& fields = csv.columns[line];
      size_t field = size_t(std::max(e.column, 1) - 1);
      int column = fields.empty() ? 1 : fields[std::min(field, fields.size() - 1)];
      e.column = e.column > 0 ? starts[line].column - 1 + column : 0;
      e.line = starts[line].line;
    } else if (line < starts.size()) {
      e.line = starts[line].line;
    }
    e.file = shown;
    e.record = 0;
  }
  *error = errors.empty() ? "segc: error: " + table.status().message()
                          : rt::FormatDataErrors(errors, report.total_errors, TrMessage);
  return table;
}

}  // namespace segc::cli
