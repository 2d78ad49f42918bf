// Quote-parity pass: per piece, count quotes/newlines and find the first boundary per parity.
#include "runtime/io/csv_split.h"

#include <algorithm>

#include "runtime/io/file_data.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace segc::rt {
namespace {

struct PieceScan {
  int64_t quotes = 0;
  int64_t newlines = 0;
  int64_t first_newline[2] = {-1, -1};  // offset of the first '\n' after an even/odd quote count
  int64_t newlines_before[2] = {0, 0};
};

// Bytes per step of the scan: small enough for byte counters (255 blocks of 16), large enough
// to amortise the boundary check.
constexpr int64_t kGroupBytes = 255 * 16;

// Adds the '\n' and '"' bytes of [p, e), at most kGroupBytes, to *newlines and *quotes
// (compare masks summed into byte counters, folded with SAD).
void CountSpecials(const char* p, const char* e, int64_t* newlines, int64_t* quotes) {
#if defined(__SSE2__)
  const __m128i vn = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
  __m128i acc_n = zero, acc_q = zero;
  for (; e - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    acc_n = _mm_sub_epi8(acc_n, _mm_cmpeq_epi8(v, vn));
    acc_q = _mm_sub_epi8(acc_q, _mm_cmpeq_epi8(v, vq));
  }
  const __m128i sn = _mm_sad_epu8(acc_n, zero), sq = _mm_sad_epu8(acc_q, zero);
  *newlines += _mm_cvtsi128_si64(sn) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sn, sn));
  *quotes += _mm_cvtsi128_si64(sq) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sq, sq));
#endif
  for (; p < e; ++p) *newlines += *p == '\n', *quotes += *p == '"';
}

// Byte loop of the boundary search over the group [g, e) of the piece starting at `b`;
// `parity` is the quote parity before g, and s->newlines counts the '\n' before g.
void FindFirstNewlines(const char* b, const char* g, const char* e, int* parity, PieceScan* s) {
  int64_t newlines = s->newlines;
  for (const char* p = g; p < e; ++p) {
    if (*p == '"') *parity ^= 1;
    if (*p != '\n') continue;
    if (s->first_newline[*parity] < 0) {
      s->first_newline[*parity] = p - b;
      s->newlines_before[*parity] = newlines;
    }
    ++newlines;
  }
}

// One pass over the piece [b, e): totals per group, and the byte loop only for groups that can
// move a boundary (a quote flips the parity; a '\n' at a parity still without one). A piece
// without quotes thus runs the byte loop on its first group only.
PieceScan ScanPiece(const char* b, const char* e, bool release_input) {
  PieceScan s;
  int parity = 0;
  const char* released = b;
  for (const char* g = b; g < e;) {
    const char* ge = e - g > kGroupBytes ? g + kGroupBytes : e;
    int64_t newlines = 0, quotes = 0;
    CountSpecials(g, ge, &newlines, &quotes);
    const bool pending = s.first_newline[0] < 0 || s.first_newline[1] < 0;
    if (pending && (quotes > 0 || (newlines > 0 && s.first_newline[parity] < 0))) {
      FindFirstNewlines(b, g, ge, &parity, &s);
    } else {
      parity ^= int(quotes & 1);
    }
    s.newlines += newlines;
    s.quotes += quotes;
    g = ge;
    if (release_input && g - released >= kReleaseStride)
      ReleaseMappedPages(released, g), released = g;
  }
  if (release_input) ReleaseMappedPages(released, e);
  return s;
}

// Fills max_records of each range from the line numbers (all newlines are counted by then).
void BoundRecords(std::vector<ChunkRange>& ranges, int64_t end_line) {
  for (size_t k = 0; k < ranges.size(); ++k) {
    const int64_t next = k + 1 < ranges.size() ? ranges[k + 1].first_line : end_line;
    ranges[k].max_records = next - ranges[k].first_line + (ranges[k].end[-1] != '\n');
  }
}

}  // namespace

std::vector<ChunkRange> SplitRecords(const char* begin, const char* end, int64_t first_line,
                                     int n_pieces, ThreadPool& pool, bool release_input) {
  const int64_t size = end - begin;
  n_pieces = int(std::max<int64_t>(1, std::min<int64_t>(n_pieces, size)));
  if (n_pieces == 1) return {{begin, end, first_line}};
  std::vector<const char*> cut(n_pieces + 1);
  for (int k = 0; k <= n_pieces; ++k) cut[k] = begin + size * k / n_pieces;
  std::vector<PieceScan> scans(n_pieces);
  pool.ParallelFor(n_pieces,
                   [&](int64_t k) { scans[k] = ScanPiece(cut[k], cut[k + 1], release_input); });

  std::vector<ChunkRange> out{{begin, end, first_line}};
  int parity = 0;
  int64_t line = first_line;
  for (int k = 0; k < n_pieces; ++k) {
    const PieceScan& s = scans[k];
    if (k > 0 && s.first_newline[parity] >= 0) {
      const char* start = cut[k] + s.first_newline[parity] + 1;
      if (start < end) {
        out.back().end = start;
        out.push_back({start, end, line + s.newlines_before[parity] + 1});
      }
    }
    line += s.newlines;
    parity ^= int(s.quotes & 1);
  }
  if (out.size() > 1) BoundRecords(out, line);
  return out;
}

}  // namespace segc::rt
