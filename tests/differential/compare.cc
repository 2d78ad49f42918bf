// FirstDifference and CheckPartitions: bitwise comparison of two runs.
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "segc/bitmap.h"
#include "tests/differential/run_both.h"

namespace segc::difftest {
namespace {

std::string Bits(const rt::Column& values, int64_t row) {
  if (values.IsNull(row)) return "null";
  double v = values.Float64(row);
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%.17g (0x%016" PRIx64 ")", v, bits);
  return buf;
}

std::string Code(const rt::Column& values, int64_t row) {
  return values.IsNull(row) ? "null" : std::to_string(values.Code(row));
}

std::string Row(int64_t row) { return " at row " + std::to_string(row); }

std::string CompareSegments(const rt::RunResult& a, const rt::RunResult& b) {
  for (size_t s = 0; s < a.segments.size(); ++s) {
    const rt::SegmentResult& x = a.segments[s];
    const rt::SegmentResult& y = b.segments[s];
    if (x.name != y.name) return "segment order: " + x.name + " vs " + y.name;
    for (int64_t i = 0; i < a.rows; ++i) {
      bool u = rt::GetBit(x.bitmap->data(), i), v = rt::GetBit(y.bitmap->data(), i);
      if (u != v) {
        return "segment " + x.name + Row(i) + ": interpreter " + (u ? "1" : "0") + ", jit " +
               (v ? "1" : "0");
      }
    }
    if (x.count != y.count) return "segment " + x.name + " count differs";
  }
  return "";
}

std::string CompareScores(const rt::RunResult& a, const rt::RunResult& b) {
  for (size_t s = 0; s < a.scores.size(); ++s) {
    const rt::ScoreResult& x = a.scores[s];
    const rt::ScoreResult& y = b.scores[s];
    if (x.name != y.name) return "score order: " + x.name + " vs " + y.name;
    for (int64_t i = 0; i < a.rows; ++i) {
      std::string u = Bits(x.values, i), v = Bits(y.values, i);
      if (u != v) return "score " + x.name + Row(i) + ": interpreter " + u + ", jit " + v;
    }
  }
  return "";
}

std::string CompareClasses(const rt::RunResult& a, const rt::RunResult& b) {
  for (size_t c = 0; c < a.classes.size(); ++c) {
    const rt::ClassResult& x = a.classes[c];
    const rt::ClassResult& y = b.classes[c];
    if (x.name != y.name || x.labels != y.labels) return "class " + x.name + " labels differ";
    for (int64_t i = 0; i < a.rows; ++i) {
      std::string u = Code(x.values, i), v = Code(y.values, i);
      if (u != v) return "class " + x.name + Row(i) + ": interpreter " + u + ", jit " + v;
    }
  }
  return "";
}

const rt::SegmentResult* Find(const rt::RunResult& result, const std::string& name) {
  for (const rt::SegmentResult& s : result.segments) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

std::string FirstDifference(const rt::RunResult& a, const rt::RunResult& b) {
  if (a.rows != b.rows) return "row counts differ";
  if (a.segments.size() != b.segments.size() || a.scores.size() != b.scores.size() ||
      a.classes.size() != b.classes.size()) {
    return "output counts differ";
  }
  std::string diff = CompareSegments(a, b);
  if (diff.empty()) diff = CompareScores(a, b);
  if (diff.empty()) diff = CompareClasses(a, b);
  if (diff.empty() && a.overflow_count != b.overflow_count) {
    diff = "overflow counts: interpreter " + std::to_string(a.overflow_count) + ", jit " +
           std::to_string(b.overflow_count);
  }
  return diff;
}

std::string CheckPartitions(const rt::RunResult& result, const std::vector<Partition>& parts) {
  for (const Partition& p : parts) {
    const rt::SegmentResult* t = Find(result, p.is_true);
    const rt::SegmentResult* f = Find(result, p.is_false);
    const rt::SegmentResult* n = Find(result, p.is_null);
    if (!t || !f || !n) return "partition " + p.is_true + ": a segment is missing";
    for (int64_t i = 0; i < result.rows; ++i) {
      int members = rt::GetBit(t->bitmap->data(), i) + rt::GetBit(f->bitmap->data(), i) +
                    rt::GetBit(n->bitmap->data(), i);
      if (members != 1) {
        return "partition " + p.is_true + "/" + p.is_false + "/" + p.is_null + Row(i) + ": in " +
               std::to_string(members) + " of p, not p, p is null";
      }
    }
    if (t->count + f->count + n->count != result.rows) return "partition counts do not add up";
  }
  return "";
}

}  // namespace segc::difftest
