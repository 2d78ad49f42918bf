// SplitRecords against a byte-by-byte reference: boundaries, line numbers and record bounds.
#include "runtime/io/csv_split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace segc::rt {
namespace {

// Records of ~40 bytes; one in `quote_every` (0: none) has a quoted field with a '\n' inside.
std::string Body(int bytes, int quote_every, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out;
  while (int(out.size()) < bytes) {
    out += std::to_string(rng() % 100000) + ",abc,def,2020-01-01,";
    if (quote_every > 0 && rng() % quote_every == 0)
      out += "\"multi\nline \"\"q\"\"\",x";
    else
      out += "plain,x";
    out += "\n";
  }
  return out;
}

// The first record boundary at or after each cut, by a sequential quote-parity walk.
std::vector<size_t> ReferenceStarts(const std::string& s, int pieces) {
  std::vector<size_t> boundaries;  // positions after a '\n' at even parity
  bool odd = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') odd = !odd;
    if (s[i] == '\n' && !odd && i + 1 < s.size()) boundaries.push_back(i + 1);
  }
  std::vector<size_t> starts{0};
  for (int k = 1; k < pieces; ++k) {
    const size_t cut = s.size() * size_t(k) / size_t(pieces);
    for (size_t b : boundaries) {
      if (b > cut && b > starts.back()) {
        starts.push_back(b);
        break;
      }
    }
  }
  return starts;
}

int64_t CountNewlines(const char* b, const char* e) { return std::count(b, e, '\n'); }

TEST(SplitRecords, MatchesSequentialReference) {
  ThreadPool pool(2);
  for (int quote_every : {0, 1, 3, 200}) {
    for (int pieces : {2, 3, 7}) {
      std::string s = Body(300000, quote_every, uint32_t(quote_every * 10 + pieces));
      const char* b = s.data();
      std::vector<ChunkRange> ranges = SplitRecords(b, b + s.size(), 5, pieces, pool);
      std::vector<size_t> want = ReferenceStarts(s, pieces);
      ASSERT_EQ(ranges.size(), want.size()) << quote_every << "/" << pieces;
      for (size_t k = 0; k < ranges.size(); ++k) {
        const ChunkRange& r = ranges[k];
        EXPECT_EQ(size_t(r.begin - b), want[k]);
        EXPECT_EQ(r.end, k + 1 < ranges.size() ? ranges[k + 1].begin : b + s.size());
        EXPECT_EQ(r.first_line, 5 + CountNewlines(b, r.begin));
        EXPECT_EQ(r.max_records, CountNewlines(r.begin, r.end));
      }
    }
  }
}

TEST(SplitRecords, BoundCountsARecordWithoutFinalNewline) {
  ThreadPool pool(2);
  std::string s = Body(50000, 0, 1) + "1,2,3";
  std::vector<ChunkRange> ranges = SplitRecords(s.data(), s.data() + s.size(), 1, 4, pool);
  ASSERT_EQ(ranges.size(), 4u);
  EXPECT_EQ(ranges.back().max_records, CountNewlines(ranges.back().begin, ranges.back().end) + 1);
}

}  // namespace
}  // namespace segc::rt
