// WriteMembershipCsv / WriteMembershipJsonl: render output columns row by row, atomically.
#include <fmt/format.h>

#include "runtime/io/value_parse.h"
#include "segc/writer.h"

namespace segc::rt {
namespace {

enum class Format { kCsv, kJsonl };

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += char(c);
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (c < 0x20)
      out += fmt::format("\\u{:04x}", c);
    else
      out += char(c);
  }
  return out + "\"";
}

// Text of row i (without CSV/JSON quoting); `is_text` tells JSON to quote it.
std::string CellText(const Column& c, int64_t i, bool* is_text) {
  *is_text = false;
  switch (c.type()) {
    case ColumnType::kInt:
      return fmt::format("{}", c.Int64(i));
    case ColumnType::kFloat:
      return fmt::format("{}", c.Float64(i));
    case ColumnType::kBool:
      return c.Bool(i) ? "1" : "0";
    case ColumnType::kDate:
      *is_text = true;
      return FormatIsoDate(c.Date32(i));
    case ColumnType::kString:
    case ColumnType::kEnum:
      *is_text = true;
      return std::string(c.String(i));
  }
  return "";
}

void AppendCell(const Column& c, int64_t i, Format format, std::string* out) {
  if (c.IsNull(i)) {
    if (format == Format::kJsonl) *out += "null";
    return;
  }
  bool is_text;
  std::string text = CellText(c, i, &is_text);
  if (format == Format::kCsv)
    *out += CsvField(text);
  else
    *out += is_text ? JsonString(text) : text;
}

void AppendRow(const std::vector<const OutputColumn*>& cols, int64_t i, Format format,
               std::string* out) {
  if (format == Format::kJsonl) *out += '{';
  for (size_t k = 0; k < cols.size(); ++k) {
    if (k > 0) *out += ',';
    if (format == Format::kJsonl) *out += JsonString(cols[k]->name) + ':';
    AppendCell(cols[k]->column, i, format, out);
  }
  *out += format == Format::kJsonl ? "}\n" : "\n";
}

Status WriteMembership(const std::string& path, const OutputColumn& key,
                       const std::vector<OutputColumn>& columns, Format format) {
  std::vector<const OutputColumn*> cols{&key};
  for (const OutputColumn& c : columns) {
    if (c.column.length() != key.column.length()) {
      return Status::InvalidArgument(fmt::format("output column '{}' has {} rows, key has {}",
                                                 c.name, c.column.length(), key.column.length()));
    }
    cols.push_back(&c);
  }
  SEGC_TRY(AtomicFileWriter w, AtomicFileWriter::Open(path));
  std::string buf;
  if (format == Format::kCsv) {
    for (size_t k = 0; k < cols.size(); ++k) {
      if (k > 0) buf += ',';
      buf += CsvField(cols[k]->name);
    }
    buf += '\n';
  }
  for (int64_t i = 0; i < key.column.length(); ++i) {
    AppendRow(cols, i, format, &buf);
    if (buf.size() >= (1 << 16)) {
      SEGC_RETURN_IF_ERROR(w.Write(buf));
      buf.clear();
    }
  }
  SEGC_RETURN_IF_ERROR(w.Write(buf));
  return w.Commit();
}

}  // namespace

Status WriteMembershipCsv(const std::string& path, const OutputColumn& key,
                          const std::vector<OutputColumn>& columns) {
  return WriteMembership(path, key, columns, Format::kCsv);
}

Status WriteMembershipJsonl(const std::string& path, const OutputColumn& key,
                            const std::vector<OutputColumn>& columns) {
  return WriteMembership(path, key, columns, Format::kJsonl);
}

}  // namespace segc::rt
