// `segc profile` reports: an aligned table per file for the terminal, one JSON object for tools.
#include "cli/profile_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/lang.h"
#include "segc/csv.h"
#include "segc/encoding.h"

namespace segc::cli {
namespace {

using Json = nlohmann::ordered_json;

/// Characters (UTF-8 code points) of `s`: what a terminal column counts.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string PadTo(const std::string& s, size_t width, bool right = false) {
  std::string fill(width > CodePoints(s) ? width - CodePoints(s) : 0, ' ');
  return right ? fill + s : s + fill;
}

/// A share of rows with one decimal; never "100.0%" unless all, never "0.0%" unless none.
std::string Percent(int64_t part, int64_t whole) {
  if (whole == 0) return "-";
  if (part == whole) return "100.0%";
  if (part == 0) return "0.0%";
  const double p = 100.0 * double(part) / double(whole);
  if (p >= 99.95) return "99.9%";
  if (p < 0.05) return "<0.1%";
  return fmt::format("{:.1f}%", p);
}

std::string DelimiterName(char delimiter) {
  if (delimiter == '\t') return "tab";
  if (delimiter == rt::kWhitespaceDelimiter) return "whitespace";
  return std::string(1, delimiter);
}

bool IsText(rt::ColumnType type) {
  return type == rt::ColumnType::kString || type == rt::ColumnType::kEnum;
}

/// A value for the terminal: texts in quotes, cut after 16 characters, control characters
/// written \xNN; numbers, dates and bools as they are.
std::string ShownValue(const std::string& value, rt::ColumnType type) {
  if (!IsText(type)) return value;
  std::string out = "'";
  size_t chars = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if ((c & 0xC0) != 0x80 && ++chars > 16) {
      out += "…";
      break;
    }
    out += c < 0x20 || c == 0x7f ? fmt::format("\\x{:02x}", c) : std::string(1, char(c));
  }
  return out + "'";
}

/// The declared format of a date, float or bool column ("" when none).
std::string FormatOf(const rt::ColumnSpec& spec) {
  switch (spec.type) {
    case rt::ColumnType::kDate:
      return spec.date_format;
    case rt::ColumnType::kFloat:
      return spec.number_format;
    case rt::ColumnType::kBool:
      return spec.bool_tokens;
    default:
      return "";
  }
}

// ---- text ----

/// The lines above the table: where the types come from, the file's shape, the key.
std::string FileHeading(const FileProfile& f) {
  const rt::DataProfile& d = f.data;
  std::string out = f.path + "\n";
  if (f.rules.empty()) {
    out += "  " +
           Tr(fmt::format("types inferred from the first {} records (as 'segc schema "
                          "infer' reads them)",
                          f.sample)) +
           "\n";
  } else {
    out += "  " +
           Tr(fmt::format(fmt::runtime(f.events ? "types declared in events '{}' of '{}'"
                                                : "types declared in table '{}' of '{}'"),
                          f.table, f.rules)) +
           "\n";
  }
  out += "  " + Tr(fmt::format("{} records, {} columns", d.records, d.columns.size()));
  out += "; " + Tr(fmt::format("delimiter '{}'", DelimiterName(d.delimiter)));
  out += "; " + Tr(fmt::format("encoding '{}'", rt::EncodingName(d.encoding)));
  if (f.encoding_guessed) out += " " + Tr("(the file is not valid Unicode text)");
  if (d.decimal_comma) out += "; " + Tr("decimal comma");
  out += "\n";
  return out;
}

std::string KeyLine(const FileProfile& f) {
  const rt::KeyProfile& k = *f.data.key;
  const char* source = f.key_source == "rules"   ? "key '{}' (from the rules): {} distinct"
                       : f.key_source == "--key" ? "key '{}' (--key): {} distinct"
                                                 : "key '{}' (inferred): {} distinct";
  std::string out = "  " + Tr(fmt::format(fmt::runtime(source), k.column, k.distinct));
  if (k.duplicate_rows == 0) {
    out += ", " + Tr("no duplicates");
  } else {
    out += ", " + Tr(fmt::format("{} duplicate records over {} keys", k.duplicate_rows,
                                 k.duplicated_keys));
  }
  if (k.empty > 0) {
    out += ", " + Tr(fmt::format("{} empty (first on line {})", k.empty, k.first_empty_line));
  }
  out += "\n";
  for (const rt::DuplicateKey& dup : k.examples) {
    out += "    " +
           Tr(fmt::format("'{}' on lines {}{}", dup.value, fmt::join(dup.lines, ", "),
                          int64_t(dup.lines.size()) < dup.count ? ", ..." : "")) +
           "\n";
  }
  return out;
}

std::string FileNotes(const FileProfile& f) {
  const rt::DataProfile& d = f.data;
  std::string out;
  if (d.malformed > 0) {
    out += "  " +
           Tr(fmt::format("malformed records left out: {} (first on line {})", d.malformed,
                          d.first_malformed_line)) +
           ": " + Tr(d.first_malformed_message) + "\n";
  }
  if (!f.missing.empty()) {
    out += "  " +
           Tr(fmt::format("declared but not in the file: '{}'", fmt::join(f.missing, "', '"))) +
           "\n";
  }
  return out;
}

struct Cells {
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> widths;

  void Add(std::vector<std::string> row) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], CodePoints(row[i]));
    rows.push_back(std::move(row));
  }
};

std::vector<std::string> ColumnRow(const FileProfile& f, size_t c) {
  const rt::ColumnProfile& col = f.data.columns[c];
  std::string type = TypeText(col.spec);
  if (!f.rules.empty() && !f.declared[c]) type += " *";
  std::string low = "-", high = "-";
  if (col.min) low = *col.min, high = *col.max;
  if (col.min_length) {
    low = Tr(fmt::format("{} chars", *col.min_length));
    high = Tr(fmt::format("{} chars", *col.max_length));
  }
  return {col.spec.name,
          type,
          std::to_string(col.filled),
          Percent(col.filled, col.rows),
          std::to_string(col.distinct),
          std::to_string(col.invalid),
          low,
          high};
}

std::string ColumnTable(const FileProfile& f) {
  Cells cells;
  cells.Add({Tr("column"), Tr("type"), Tr("filled"), Tr("fill"), Tr("distinct"), Tr("invalid"),
             Tr("min"), Tr("max")});
  for (size_t c = 0; c < f.data.columns.size(); ++c) cells.Add(ColumnRow(f, c));
  std::string out;
  for (const auto& row : cells.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const bool right = i >= 2 && i <= 5;  // counts and shares
      line += "  " + PadTo(row[i], cells.widths[i], right);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  bool inferred = false;
  for (size_t c = 0; c < f.declared.size(); ++c) inferred |= !f.rules.empty() && !f.declared[c];
  if (inferred) {
    out += "  " +
           Tr(fmt::format("* not declared: type inferred from the first {} records", f.sample)) +
           "\n";
  }
  return out;
}

size_t ColumnNameWidth(const FileProfile& f) {
  size_t width = 0;
  for (const rt::ColumnProfile& c : f.data.columns)
    width = std::max(width, CodePoints(c.spec.name));
  return width;
}

std::string TopValueLines(const FileProfile& f) {
  std::string out = "\n  " + Tr("top values (records)") + "\n";
  const size_t width = ColumnNameWidth(f);
  for (const rt::ColumnProfile& c : f.data.columns) {
    std::string values;
    if (c.distinct == 0) {
      values = "-";
    } else if (c.distinct == c.filled - c.invalid && c.distinct > 1) {
      values = Tr("every value is distinct");
    } else {
      std::vector<std::string> shown;
      for (const rt::ValueCount& v : c.top) {
        shown.push_back(fmt::format("{} ({})", ShownValue(v.value, c.spec.type), v.count));
      }
      values = fmt::format("{}", fmt::join(shown, ", "));
    }
    out += "  " + PadTo(c.spec.name, width) + "  " + values + "\n";
  }
  return out;
}

std::string InvalidValueLines(const FileProfile& f) {
  std::string out;
  const size_t width = ColumnNameWidth(f);
  for (const rt::ColumnProfile& c : f.data.columns) {
    if (c.invalid == 0) continue;
    if (out.empty()) out = "\n  " + Tr("invalid values") + "\n";
    out += "  " + PadTo(c.spec.name, width) + "  " +
           Tr(fmt::format("{} not read as '{}' (first on line {}: '{}')", c.invalid,
                          TypeText(c.spec), c.first_invalid_line, c.first_invalid_value)) +
           "\n";
  }
  return out;
}

// ---- JSON ----

/// A canonical value text as JSON: ints and floats as numbers, bools as booleans, the rest as
/// strings.
Json ValueJson(const std::string& value, rt::ColumnType type) {
  switch (type) {
    case rt::ColumnType::kInt:
      return std::stoll(value);
    case rt::ColumnType::kFloat:
      return std::stod(value);
    case rt::ColumnType::kBool:
      return value == "true";
    default:
      return value;
  }
}

Json OptionalText(const std::string& text) { return text.empty() ? Json() : Json(text); }

Json ColumnJson(const FileProfile& f, size_t c) {
  const rt::ColumnProfile& col = f.data.columns[c];
  const rt::ColumnType type = col.spec.type;
  Json j;
  j["name"] = col.spec.name;
  j["type"] = std::string(rt::ColumnTypeName(type));
  j["format"] = OptionalText(FormatOf(col.spec));
  j["labels"] = type == rt::ColumnType::kEnum ? Json(col.spec.enum_values) : Json();
  j["declared"] = !f.rules.empty() && f.declared[c];
  j["rows"] = col.rows;
  j["filled"] = col.filled;
  j["fill_rate"] = col.rows == 0 ? Json() : Json(double(col.filled) / double(col.rows));
  j["distinct"] = col.distinct;
  j["invalid"] = col.invalid;
  j["first_invalid"] =
      col.invalid == 0 ? Json()
                       : Json{{"line", col.first_invalid_line}, {"value", col.first_invalid_value}};
  j["min"] = col.min ? ValueJson(*col.min, type) : Json();
  j["max"] = col.max ? ValueJson(*col.max, type) : Json();
  j["min_length"] = col.min_length ? Json(*col.min_length) : Json();
  j["max_length"] = col.max_length ? Json(*col.max_length) : Json();
  Json top = Json::array();
  for (const rt::ValueCount& v : col.top) {
    top.push_back({{"value", ValueJson(v.value, type)}, {"count", v.count}});
  }
  j["top"] = std::move(top);
  return j;
}

Json KeyJson(const FileProfile& f) {
  if (!f.data.key) return Json();
  const rt::KeyProfile& k = *f.data.key;
  const rt::ColumnType type =
      f.data
          .columns[size_t(
              std::find_if(f.data.columns.begin(), f.data.columns.end(),
                           [&](const rt::ColumnProfile& c) { return c.spec.name == k.column; }) -
              f.data.columns.begin())]
          .spec.type;
  Json duplicates = Json::array();
  for (const rt::DuplicateKey& dup : k.examples) {
    duplicates.push_back(
        {{"value", ValueJson(dup.value, type)}, {"count", dup.count}, {"lines", dup.lines}});
  }
  return Json{{"column", k.column},
              {"source", f.key_source},
              {"distinct", k.distinct},
              {"duplicate_records", k.duplicate_rows},
              {"duplicated_keys", k.duplicated_keys},
              {"empty", k.empty},
              {"first_empty_line", k.empty == 0 ? Json() : Json(k.first_empty_line)},
              {"duplicates", std::move(duplicates)}};
}

Json FileJson(const FileProfile& f) {
  const rt::DataProfile& d = f.data;
  Json j;
  j["file"] = f.path;
  j["table"] = f.table;
  j["kind"] = f.events ? "events" : "table";
  j["rules"] = OptionalText(f.rules);
  j["inference_sample"] = f.sample;
  j["delimiter"] = DelimiterName(d.delimiter);
  j["encoding"] = rt::EncodingName(d.encoding);
  j["encoding_guessed"] = f.encoding_guessed;
  j["decimal_comma"] = d.decimal_comma;
  j["records"] = d.records;
  j["malformed_records"] = d.malformed;
  j["first_malformed"] = d.malformed == 0 ? Json()
                                          : Json{{"line", d.first_malformed_line},
                                                 {"error", d.first_malformed_message}};
  j["missing_columns"] = f.missing;
  j["key"] = KeyJson(f);
  Json columns = Json::array();
  for (size_t c = 0; c < d.columns.size(); ++c) columns.push_back(ColumnJson(f, c));
  j["columns"] = std::move(columns);
  return j;
}

}  // namespace

std::string TypeText(const rt::ColumnSpec& spec) {
  std::string name(rt::ColumnTypeName(spec.type));
  std::string format = FormatOf(spec);
  return format.empty() ? name : fmt::format("{}(\"{}\")", name, format);
}

std::string ProfileText(const std::vector<FileProfile>& files) {
  std::string out;
  for (const FileProfile& f : files) {
    if (!out.empty()) out += "\n";
    out += FileHeading(f);
    if (f.data.key) out += KeyLine(f);
    out += FileNotes(f) + "\n" + ColumnTable(f) + (f.top > 0 ? TopValueLines(f) : "") +
           InvalidValueLines(f);
  }
  return out;
}

std::string ProfileJson(const std::vector<FileProfile>& files) {
  Json all = Json::array();
  for (const FileProfile& f : files) all.push_back(FileJson(f));
  return Json{{"files", std::move(all)}}.dump(2) + "\n";
}

}  // namespace segc::cli
