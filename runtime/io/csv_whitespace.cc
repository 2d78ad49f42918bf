// Whitespace-separated text: detection from the first lines, and rewriting as tab-separated.
#include "runtime/io/csv_whitespace.h"

#include <vector>

#include "runtime/io/value_parse.h"

namespace segc::rt {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Fields of one line split on runs of blanks outside double quotes.
int CountFields(std::string_view line) {
  int fields = 0;
  bool in_field = false, in_quotes = false;
  for (char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    const bool blank = !in_quotes && (IsBlank(c) || c == '\r');
    if (!blank && !in_field) ++fields;
    in_field = !blank;
  }
  return fields;
}

}  // namespace

bool LooksLikeDataRow(const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    std::string_view v = TrimBlanks(f);
    double d;
    if (v.empty() || ParseFloat64(v, false, &d) != FloatParse::kOk) return false;
  }
  return !fields.empty();
}

bool LooksWhitespaceSeparated(std::string_view data) {
  const std::string_view first = data.substr(0, data.find('\n'));
  bool in_quotes = false;
  for (char c : first) {
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && (c == ',' || c == ';' || c == '\t' || c == '|')) return false;
  }
  int expected = -1;
  for (int lines = 0; lines < 20 && !data.empty();) {
    const size_t eol = data.find('\n');
    const std::string_view line = data.substr(0, eol);
    data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
    const int fields = CountFields(line);
    if (fields == 0) continue;
    if (expected < 0) expected = fields;
    if (fields != expected || fields < 2) return false;
    ++lines;
  }
  return expected >= 2;
}

std::string NormalizeWhitespace(std::string_view data, int64_t max_lines) {
  std::string out;
  out.reserve(data.size());
  bool in_quotes = false, line_start = true, pending = false;
  int64_t lines = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (in_quotes) {
      in_quotes = c != '"';
      out += c;
      continue;
    }
    if (IsBlank(c) || (c == '\r' && i + 1 < data.size() && data[i + 1] != '\n')) {
      pending = !line_start;
      continue;
    }
    if (c == '\n' || c == '\r') {  // the line's end: trailing blanks dropped
      out += c;
      pending = false;
      line_start = c == '\n';
      if (c == '\n' && ++lines == max_lines) break;
      continue;
    }
    if (pending) out += '\t';
    pending = false;
    line_start = false;
    in_quotes = c == '"';
    out += c;
  }
  return out;
}

}  // namespace segc::rt
