// Measures per group (whole table, segments, class labels) and pairwise segment overlaps, from
// the run's per-row measure values, segment bitmaps and class columns. Both run in fixed blocks
// of rows so that their results do not depend on the thread count (docs/language.md,
// "Measures").
#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>

#include "runtime/exec/executor_internal.h"
#include "runtime/exec/thread_pool.h"
#include "segc/check.h"

namespace segc::rt {
namespace {

// A fold of some values: count, sum (in the order added), min and max.
struct Fold {
  int64_t n = 0;
  double sum = 0, min = 0, max = 0;

  void Add(double x) {
    min = n == 0 ? x : std::min(min, x);
    max = n == 0 ? x : std::max(max, x);
    sum += x;
    ++n;
  }
  // Appends a later block's fold (its values come after ours in row order).
  void Join(const Fold& later) {
    if (later.n == 0) return;
    min = n == 0 ? later.min : std::min(min, later.min);
    max = n == 0 ? later.max : std::max(max, later.max);
    sum += later.sum;
    n += later.n;
  }
};

// Bits [base, base + 64) of a bitmap of `rows` bits (base a multiple of 64; bits past `rows`
// cleared). nullptr: every bit set.
uint64_t Word(const uint8_t* bits, int64_t base, int64_t rows) {
  const int64_t width = std::min<int64_t>(64, rows - base);
  const uint64_t mask = width < 64 ? (uint64_t(1) << width) - 1 : ~uint64_t(0);
  if (bits == nullptr) return mask;
  uint64_t word = 0;
  std::memcpy(&word, bits + base / 8, size_t(width + 7) / 8);
  return word & mask;
}

const uint8_t* ValidityBits(const Column& c) {
  SEGC_CHECK(c.offset() == 0);
  return c.validity() == nullptr ? nullptr : c.validity()->data();
}

void RunTasks(const ParallelFor& parallel, int64_t tasks, const std::function<void(int64_t)>& fn) {
  if (parallel && tasks > 1) {
    parallel(tasks, fn);
  } else {
    for (int64_t i = 0; i < tasks; ++i) fn(i);
  }
}

// The groups of a summary, in order: the whole table, each segment, then each class's labels
// and its null rows. folds[group * measures + m].
class BlockFolds {
 public:
  BlockFolds(const RunResult& r, int64_t begin, int64_t end) : r_(r), begin_(begin), end_(end) {
    size_t groups = 1 + r.segments.size();
    for (const ClassResult& c : r.classes) groups += c.labels.size() + 1;
    folds_.resize(groups * r.measures.size());
  }

  void Run() {
    for (size_t m = 0; m < r_.measures.size(); ++m) {
      const Column& values = r_.measures[m].values;
      Total(m, values);
      for (size_t s = 0; s < r_.segments.size(); ++s) Segment(m, s, values);
      size_t group = 1 + r_.segments.size();
      for (const ClassResult& c : r_.classes) {
        Class(m, group, c, values);
        group += c.labels.size() + 1;
      }
    }
  }

  const std::vector<Fold>& folds() const { return folds_; }

 private:
  Fold& At(size_t group, size_t m) { return folds_[group * r_.measures.size() + m]; }

  // Calls fn(row) for the rows of the block whose value is valid and whose bit is set in `bits`
  // (nullptr: every row).
  template <typename Fn>
  void ForRows(const Column& values, const uint8_t* bits, Fn&& fn) const {
    const uint8_t* valid = ValidityBits(values);
    const int64_t rows = values.length();
    for (int64_t base = begin_; base < end_; base += 64) {
      uint64_t word = Word(valid, base, rows) & Word(bits, base, rows);
      for (; word != 0; word &= word - 1) fn(base + std::countr_zero(word));
    }
  }

  void Total(size_t m, const Column& values) {
    const double* v = values.data<double>();
    Fold& f = At(0, m);
    ForRows(values, nullptr, [&](int64_t i) { f.Add(v[i]); });
  }

  void Segment(size_t m, size_t s, const Column& values) {
    const double* v = values.data<double>();
    Fold& f = At(1 + s, m);
    ForRows(values, r_.segments[s].bitmap->data(), [&](int64_t i) { f.Add(v[i]); });
  }

  void Class(size_t m, size_t first, const ClassResult& c, const Column& values) {
    const double* v = values.data<double>();
    const int32_t* codes = c.values.data<int32_t>();
    const uint8_t* labelled = ValidityBits(c.values);
    const size_t labels = c.labels.size();
    ForRows(values, nullptr, [&](int64_t i) {
      size_t label =
          labelled == nullptr || (labelled[i / 8] >> (i % 8)) & 1 ? size_t(codes[i]) : labels;
      At(first + label, m).Add(v[i]);
    });
  }

  const RunResult& r_;
  int64_t begin_, end_;
  std::vector<Fold> folds_;
};

MeasureGroup Finish(const RunResult& r, const Fold* folds, int64_t rows) {
  MeasureGroup g;
  g.rows = rows;
  for (size_t m = 0; m < r.measures.size(); ++m) {
    const Fold& f = folds[m];
    g.counts.push_back(f.n);
    switch (r.measures[m].kind) {
      case MeasureKind::kSum:
        g.values.emplace_back(f.sum);
        break;
      case MeasureKind::kCount:
        g.values.emplace_back(double(f.n));
        break;
      case MeasureKind::kMean:
        g.values.push_back(f.n > 0 ? std::optional<double>(f.sum / double(f.n)) : std::nullopt);
        break;
      case MeasureKind::kMin:
        g.values.push_back(f.n > 0 ? std::optional<double>(f.min) : std::nullopt);
        break;
      case MeasureKind::kMax:
        g.values.push_back(f.n > 0 ? std::optional<double>(f.max) : std::nullopt);
        break;
    }
  }
  return g;
}

ParallelFor OnPool(ThreadPool& pool) {
  return [&pool](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool.ParallelFor(tasks, task);
  };
}

}  // namespace

namespace detail {

void SummarizeMeasures(RunResult& r, const ParallelFor& parallel) {
  if (r.measures.empty()) return;
  const int64_t rows = r.rows;
  const int64_t blocks = (rows + kMeasureBlockRows - 1) / kMeasureBlockRows;
  std::vector<std::vector<Fold>> parts(static_cast<size_t>(blocks));
  RunTasks(parallel, blocks, [&](int64_t b) {
    BlockFolds block(r, b * kMeasureBlockRows, std::min(rows, (b + 1) * kMeasureBlockRows));
    block.Run();
    parts[size_t(b)] = block.folds();
  });
  std::vector<Fold> joined = BlockFolds(r, 0, 0).folds();
  for (const std::vector<Fold>& part : parts) {
    for (size_t i = 0; i < joined.size(); ++i) joined[i].Join(part[i]);
  }
  const size_t m = r.measures.size();
  MeasureSummary& out = r.measure_summary;
  out = {};
  out.total = Finish(r, &joined[0], rows);
  size_t group = 1;
  for (const SegmentResult& s : r.segments)
    out.segments.push_back(Finish(r, &joined[group++ * m], s.count));
  for (const ClassResult& c : r.classes) {
    std::vector<MeasureGroup> labels;
    for (size_t l = 0; l <= c.labels.size(); ++l) {
      int64_t count = l < c.labels.size() ? c.label_counts[l] : c.null_count;
      labels.push_back(Finish(r, &joined[group++ * m], count));
    }
    out.classes.push_back(std::move(labels));
  }
}

Overlaps ComputeOverlaps(const RunResult& r, const ParallelFor& parallel) {
  Overlaps out;
  const size_t n = r.segments.size();
  for (const SegmentResult& s : r.segments) out.names.push_back(s.name);
  out.counts.assign(n * n, 0);
  RunTasks(parallel, int64_t(n), [&](int64_t task) {
    const size_t i = size_t(task);
    const uint8_t* a = r.segments[i].bitmap->data();
    out.counts[i * n + i] = r.segments[i].count;
    for (size_t j = i + 1; j < n; ++j) {
      const uint8_t* b = r.segments[j].bitmap->data();
      int64_t both = 0;
      for (int64_t base = 0; base < r.rows; base += 64) {
        both += std::popcount(Word(a, base, r.rows) & Word(b, base, r.rows));
      }
      out.counts[i * n + j] = both;  // each task writes its own row and column cells
      out.counts[j * n + i] = both;
    }
  });
  return out;
}

}  // namespace detail

std::optional<double> Overlaps::Jaccard(size_t i, size_t j) const {
  const size_t n = names.size();
  const int64_t both = counts[i * n + j];
  const int64_t either = counts[i * n + i] + counts[j * n + j] - both;
  if (either == 0) return std::nullopt;
  return double(both) / double(either);
}

void SummarizeMeasures(RunResult& result, int threads) {
  ThreadPool pool(threads);
  detail::SummarizeMeasures(result, OnPool(pool));
}

Overlaps ComputeOverlaps(const RunResult& result, int threads) {
  ThreadPool pool(threads);
  return detail::ComputeOverlaps(result, OnPool(pool));
}

}  // namespace segc::rt
