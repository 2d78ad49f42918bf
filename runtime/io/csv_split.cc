// Quote-parity pass: per piece, count quotes/newlines and find the first boundary per parity.
#include "runtime/io/csv_split.h"

#include <algorithm>

#include "runtime/io/file_data.h"

namespace segc::rt {
namespace {

struct PieceScan {
  int64_t quotes = 0;
  int64_t newlines = 0;
  int64_t first_newline[2] = {-1, -1};  // offset of the first '\n' after an even/odd quote count
  int64_t newlines_before[2] = {0, 0};
};

PieceScan ScanPiece(const char* b, const char* e, bool release_input) {
  PieceScan s;
  const char* p = b;
  for (; p < e; ++p) {
    if (*p == '"') {
      ++s.quotes;
    } else if (*p == '\n') {
      int parity = int(s.quotes & 1);
      if (s.first_newline[parity] < 0) {
        s.first_newline[parity] = p - b;
        s.newlines_before[parity] = s.newlines;
        if (s.first_newline[parity ^ 1] >= 0) {
          ++s.newlines, ++p;
          break;
        }
      }
      ++s.newlines;
    }
  }
  // Both boundaries known: only the totals remain, which std::count does quickly.
  const char* released = b;
  while (p < e) {
    const char* stop = e - p > kReleaseStride ? p + kReleaseStride : e;
    s.quotes += std::count(p, stop, '"');
    s.newlines += std::count(p, stop, '\n');
    p = stop;
    if (release_input) ReleaseMappedPages(released, p), released = p;
  }
  return s;
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
  return out;
}

}  // namespace segc::rt
