// Low-level CSV scanning: one field at a time (RFC 4180 quoting), record-end search by parity.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace segc::rt {

/// How a scanned field ended.
enum class FieldEnd : uint8_t { kDelimiter, kRecordEnd, kUnterminated, kStrayQuote, kBadClose };

/// One field of a record as it appears in the buffer.
struct RawField {
  std::string_view text;  ///< content without surrounding quotes ('""' not yet collapsed)
  bool quoted = false;
  bool has_escapes = false;  ///< contains '""' that must be collapsed to '"'
  int64_t newlines = 0;      ///< '\n' characters inside the (quoted) field
};

/// Scans the field starting at `p` (< end). On kDelimiter/kRecordEnd, returns the position after
/// the delimiter or the record terminator ('\n' or "\r\n", or `end`). On an error kind, the
/// returned position is meaningless and the caller resynchronises with FindRecordEnd.
inline const char* ScanField(const char* p, const char* end, char delim, RawField* f,
                             FieldEnd* how) {
  f->quoted = false;
  f->has_escapes = false;
  f->newlines = 0;
  if (p < end && *p == '"') {
    f->quoted = true;
    const char* q = p + 1;
    while (true) {
      const char* c = static_cast<const char*>(std::memchr(q, '"', size_t(end - q)));
      if (c == nullptr) return *how = FieldEnd::kUnterminated, end;
      if (c + 1 < end && c[1] == '"') {
        f->has_escapes = true;
        q = c + 2;
        continue;
      }
      f->text = std::string_view(p + 1, size_t(c - p - 1));
      f->newlines = std::count(f->text.begin(), f->text.end(), '\n');
      p = c + 1;
      break;
    }
    if (p == end) return *how = FieldEnd::kRecordEnd, p;
    if (*p == delim) return *how = FieldEnd::kDelimiter, p + 1;
    if (*p == '\n') return *how = FieldEnd::kRecordEnd, p + 1;
    if (*p == '\r' && (p + 1 == end || p[1] == '\n')) {
      return *how = FieldEnd::kRecordEnd, p + (p + 1 == end ? 1 : 2);
    }
    return *how = FieldEnd::kBadClose, p;
  }
  const char* start = p;
  while (p < end && *p != delim && *p != '\n' && *p != '"') ++p;
  if (p < end && *p == '"') return *how = FieldEnd::kStrayQuote, p;
  const char* stop = p;
  if (p == end || *p == '\n') {
    if (stop > start && stop[-1] == '\r') --stop;
    *how = FieldEnd::kRecordEnd;
  } else {
    *how = FieldEnd::kDelimiter;
  }
  f->text = std::string_view(start, size_t(stop - start));
  return p == end ? p : p + 1;
}

/// End of the record starting at `p` (after its '\n', or `end`), found by quote parity: the
/// first '\n' preceded by an even number of '"' in the record. Adds the newlines crossed,
/// including the terminator, to *lines.
inline const char* FindRecordEnd(const char* p, const char* end, int64_t* lines) {
  bool in_quotes = false;
  for (; p < end; ++p) {
    if (*p == '"') in_quotes = !in_quotes;
    if (*p == '\n') {
      ++*lines;
      if (!in_quotes) return p + 1;
    }
  }
  return end;
}

/// Collapses '""' to '"' in a quoted field's text into `scratch` and returns a view of it.
inline std::string_view Unescape(std::string_view text, std::string* scratch) {
  scratch->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    scratch->push_back(text[i]);
    if (text[i] == '"') ++i;
  }
  return *scratch;
}

}  // namespace segc::rt
