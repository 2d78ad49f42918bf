// Rendering of export cells and records; the file goes through rt::AtomicFileWriter like
// `segc run --out`.
#include "cli/export_writer.h"

#include <fmt/format.h>

#include "compiler/ir/calendar.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

std::string Quoted(std::string_view text, char separator) {
  bool needs = text.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string::npos;
  if (!needs) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JsonText(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

bool IsText(const rt::Column& column) {
  auto type = column.type();
  return type == rt::ColumnType::kString || type == rt::ColumnType::kEnum ||
         type == rt::ColumnType::kDate;
}

}  // namespace

std::optional<ExportDialect> ParseExportDialect(const std::string& text) {
  if (text == "csv") return ExportDialect::kCsv;
  if (text == "excel-fr") return ExportDialect::kExcelFr;
  if (text == "jsonl") return ExportDialect::kJsonl;
  return std::nullopt;
}

std::string ExportCell(const rt::Column& c, int64_t i, ExportDialect dialect) {
  switch (c.type()) {
    case rt::ColumnType::kInt:
      return fmt::format("{}", c.Int64(i));
    case rt::ColumnType::kFloat: {
      std::string text = fmt::format("{}", c.Float64(i));  // shortest round-trip
      if (dialect == ExportDialect::kExcelFr) {
        for (char& ch : text) {
          if (ch == '.') ch = ',';
        }
      }
      return text;
    }
    case rt::ColumnType::kBool:
      if (dialect == ExportDialect::kJsonl) return c.Bool(i) ? "true" : "false";
      return c.Bool(i) ? "1" : "0";
    case rt::ColumnType::kDate: {
      if (dialect != ExportDialect::kExcelFr) return ir::FormatDate(c.Date32(i));
      ir::CivilDate d = ir::CivilFromDays(c.Date32(i));
      return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year);
    }
    case rt::ColumnType::kString:
    case rt::ColumnType::kEnum:
      return std::string(c.String(i));
  }
  return "";
}

Status WriteExport(const std::string& path, ExportDialect dialect,
                   const std::vector<ExportColumn>& columns, const std::vector<int64_t>& rows) {
  SEGC_TRY(rt::AtomicFileWriter w, rt::AtomicFileWriter::Open(path));
  bool excel = dialect == ExportDialect::kExcelFr;
  char separator = excel ? ';' : ',';
  const char* newline = excel ? "\r\n" : "\n";
  std::string buf = excel ? "\xEF\xBB\xBF" : "";
  if (dialect != ExportDialect::kJsonl) {
    for (size_t k = 0; k < columns.size(); ++k) {
      if (k > 0) buf += separator;
      buf += Quoted(columns[k].name, separator);
    }
    buf += newline;
  }
  for (int64_t row : rows) {
    if (dialect == ExportDialect::kJsonl) buf += '{';
    for (size_t k = 0; k < columns.size(); ++k) {
      const rt::Column& c = *columns[k].column;
      if (dialect == ExportDialect::kJsonl) {
        if (k > 0) buf += ',';
        buf += JsonText(columns[k].name) + ':';
        if (c.IsNull(row)) {
          buf += "null";
        } else {
          std::string cell = ExportCell(c, row, dialect);
          buf += IsText(c) ? JsonText(cell) : cell;
        }
        continue;
      }
      if (k > 0) buf += separator;
      if (!c.IsNull(row)) buf += Quoted(ExportCell(c, row, dialect), separator);
    }
    buf += dialect == ExportDialect::kJsonl ? "}\n" : newline;
    if (buf.size() >= (1 << 16)) {
      SEGC_RETURN_IF_ERROR(w.Write(buf));
      buf.clear();
    }
  }
  SEGC_RETURN_IF_ERROR(w.Write(buf));
  return w.Commit();
}

}  // namespace segc::cli
