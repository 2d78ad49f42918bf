// Low-level CSV scanning: one field at a time (RFC 4180 quoting), record-end search by parity.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace segc::rt {

/// How a scanned field ended.
enum class FieldEnd : uint8_t { kDelimiter, kRecordEnd, kUnterminated, kStrayQuote, kBadClose };

/// One field of a record as it appears in the buffer.
struct RawField {
  std::string_view text;  ///< content without surrounding quotes ('""' not yet collapsed)
  bool quoted = false;
  bool has_escapes = false;  ///< contains '""' that must be collapsed to '"'
  bool has_nul = false;      ///< contains a NUL byte (always an error in a used column)
  int64_t newlines = 0;      ///< '\n' characters inside the (quoted) field
};

/// Bit 7 of each byte of the result is set where `word` has byte `b` (exact for the lowest set
/// bit; bytes above a match may be set falsely, which the callers never look at).
inline uint64_t ByteMatches(uint64_t word, char b) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t x = word ^ (kOnes * uint8_t(b));
  return (x - kOnes) & ~x & (kOnes << 7);
}

/// First position in [p, end) holding `delim`, '\n', '"' or NUL (or `end`); 8 bytes per step.
inline const char* FindSpecial(const char* p, const char* end, char delim) {
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    const uint64_t m =
        ByteMatches(w, delim) | ByteMatches(w, '\n') | ByteMatches(w, '"') | ByteMatches(w, 0);
    if (m != 0) return p + (__builtin_ctzll(m) >> 3);
    p += 8;
  }
  while (p < end && *p != delim && *p != '\n' && *p != '"' && *p != '\0') ++p;
  return p;
}

/// Scans the field starting at `p` (< end). On kDelimiter/kRecordEnd, returns the position after
/// the delimiter or the record terminator ('\n' or "\r\n", or `end`). On an error kind, the
/// returned position is meaningless and the caller resynchronises with FindRecordEnd.
inline const char* ScanField(const char* p, const char* end, char delim, RawField* f,
                             FieldEnd* how) {
  f->quoted = false;
  f->has_escapes = false;
  f->has_nul = false;
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
      f->has_nul = std::memchr(f->text.data(), 0, f->text.size()) != nullptr;
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
  p = FindSpecial(p, end, delim);
  while (p < end && *p == '\0') {
    f->has_nul = true;
    p = FindSpecial(p + 1, end, delim);
  }
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

/// Fast path for the common record: exactly `count` unquoted fields without NUL bytes,
/// terminated by '\n' at least 16 bytes before `end`. Scans 16 bytes per step (SSE2 compare
/// masks) and stores the position of each field's terminator (delimiter or the '\n') in
/// ends[0..count). Returns the position after the '\n', or nullptr when the record needs the
/// general field-by-field scanner (quotes, NUL, wrong field count, near the end of the chunk).
/// A '\r' before the '\n' stays in the last field; the caller strips it.
inline const char* ScanPlainRecord(const char* p, const char* end, char delim, const char** ends,
                                   int count) {
#if defined(__SSE2__)
  const __m128i vd = _mm_set1_epi8(delim), vn = _mm_set1_epi8('\n');
  const __m128i vq = _mm_set1_epi8('"'), vz = _mm_setzero_si128();
  int n = 0;
  for (const char* q = p; end - q >= 16; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const unsigned nl = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn)));
    const unsigned special =
        unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vz))));
    const unsigned before = nl != 0 ? (nl & (0u - nl)) - 1 : 0xFFFFu;  // bits before the '\n'
    if (special & before) return nullptr;
    for (unsigned d = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd))) & before; d != 0;
         d &= d - 1) {
      if (n == count - 1) return nullptr;
      ends[n++] = q + __builtin_ctz(d);
    }
    if (nl != 0) {
      if (n != count - 1) return nullptr;
      ends[n] = q + __builtin_ctz(nl);
      return ends[n] + 1;
    }
  }
#else
  (void)p, (void)end, (void)delim, (void)ends, (void)count;
#endif
  return nullptr;
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
