// FormatTableDeclaration: a Schema printed as a segc `table` declaration (LANGUAGE.md §3).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "segc/schema_infer.h"

namespace segc::rt {
namespace {

// LANGUAGE.md §2: reserved words.
constexpr std::array<std::string_view, 28> kKeywords = {
    "import",   "input",     "as",    "as_of",   "param", "let",   "segment",
    "where",    "expect",    "size",  "between", "score", "range", "when",
    "classify", "otherwise", "and",   "or",      "not",   "in",    "is",
    "null",     "true",      "false", "within",  "table", "key",   "enum"};

std::string Name(std::string_view name) {
  if (IsPlainIdentifier(name)) return std::string(name);
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("\\`") : std::string(1, c);
  return out + "`";
}

std::string TypeText(const ColumnSpec& c) {
  if (c.type == ColumnType::kEnum) {
    std::string out = "enum(";
    for (size_t i = 0; i < c.enum_values.size(); ++i) {
      out += (i ? ", " : "") + QuoteString(c.enum_values[i]);
    }
    return out + ")";
  }
  if (c.type == ColumnType::kBool && !c.bool_tokens.empty()) {
    return "bool(" + QuoteString(c.bool_tokens) + ")";
  }
  if (c.type == ColumnType::kFloat && !c.number_format.empty()) {
    return "float(" + QuoteString(c.number_format) + ")";
  }
  if (c.type == ColumnType::kDate && !c.date_format.empty() && c.date_format != "%Y-%m-%d") {
    return "date(" + QuoteString(c.date_format) + ")";
  }
  return std::string(ColumnTypeName(c.type));
}

}  // namespace

std::string CommentText(std::string_view text) {
  std::string out;
  for (char c : QuoteString(text)) {
    auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? fmt::format("\\x{:02x}", byte) : std::string(1, c);
  }
  return out;
}

std::string QuoteString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out + "\"";
}

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return std::find(kKeywords.begin(), kKeywords.end(), name) == kKeywords.end();
}

bool IsWritableName(std::string_view name) {
  return !name.empty() && name.find_first_of("`\r\n") == std::string_view::npos;
}

std::string FormatTableDeclaration(const Schema& schema) {
  std::string out = fmt::format("table {} key {} {{\n", Name(schema.table_name), Name(schema.key));
  for (size_t i = 0; i < schema.columns.size(); ++i) {
    const ColumnSpec& c = schema.columns[i];
    if (!IsWritableName(c.name)) {
      out += fmt::format(
          "  # column {} left out: its name {} cannot be written in segc (empty, or a backquote "
          "or line break)\n",
          i + 1, CommentText(c.name));
      continue;
    }
    out += fmt::format("  {}: {}\n", Name(c.name), TypeText(c));
  }
  return out + "}\n";
}

}  // namespace segc::rt
