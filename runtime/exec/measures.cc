// Measures per group (whole table, segments, class labels) and pairwise segment overlaps, from
// the run's per-row measure values, segment bitmaps and class columns. Both run in blocks of
// rows on the run's threads; sums are exact (rounded once), so no result depends on the thread
// count, the engine or the order of the rows (docs/language.md, "Measures").
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>

#include "runtime/exec/executor_internal.h"
#include "runtime/exec/thread_pool.h"
#include "segc/check.h"

namespace segc::rt {
namespace {

// The exact sum of doubles, rounded once (Shewchuk's algorithm, as Python's math.fsum): the
// partials are non-overlapping and in increasing magnitude, and their sum is exactly the sum
// of every value added. The rounded value does not depend on the order of the additions.
class ExactSum {
 public:
  void Add(double x) {
    size_t kept = 0;
    for (double y : partials_) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      const double hi = x + y;
      const double lo = y - (hi - x);
      if (lo != 0.0) partials_[kept++] = lo;
      x = hi;
    }
    partials_.resize(kept);
    partials_.push_back(x);
  }
  void Add(const ExactSum& other) {
    for (double p : other.partials_) Add(p);
  }
  // The sum rounded to the nearest double (ties to even); non-finite when it is beyond the
  // range of doubles.
  double Value() const {
    size_t n = partials_.size();
    if (n == 0) return 0.0;
    double hi = partials_[--n];
    double lo = 0;
    while (n > 0) {
      const double x = hi, y = partials_[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // The partials below decide a tie of hi + lo: round half to even as if they were there.
    if (n > 0 && ((lo < 0 && partials_[n - 1] < 0) || (lo > 0 && partials_[n - 1] > 0))) {
      const double y = lo * 2, x = hi + y;
      if (y == x - hi) hi = x;
    }
    return hi;
  }

 private:
  std::vector<double> partials_;
};

// A fold of some values: count, exact sum, min and max (all independent of the order).
struct Fold {
  int64_t n = 0;
  ExactSum sum;
  double min = 0, max = 0;

  void Add(double x) {
    min = n == 0 ? x : std::min(min, x);
    max = n == 0 ? x : std::max(max, x);
    sum.Add(x);
    ++n;
  }
  void Join(const Fold& other) {
    if (other.n == 0) return;
    min = n == 0 ? other.min : std::min(min, other.min);
    max = n == 0 ? other.max : std::max(max, other.max);
    sum.Add(other.sum);
    n += other.n;
  }
};

// Values of one block of rows added exactly in integers: a double is m * 2^(e - 1075) with an
// integer m < 2^53 and a biased exponent e; its mantissa, shifted by e mod 32, is added into
// three 32-bit chunks from index e / 32 (weight of chunk i: 2^(32 i - 1075)). An int64 chunk
// takes 2^31 additions without overflow, more than a block holds. Finish() hands the chunks,
// each exact as a double, to an ExactSum. One addition costs a few integer operations.
class BlockSum {
 public:
  void Add(double x) {
    uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    int e = int((bits >> 52) & 0x7ff);
    uint64_t m = bits & ((uint64_t(1) << 52) - 1);
    if (e == 0) {
      e = 1;  // subnormal: m * 2^(1 - 1075)
    } else {
      m |= uint64_t(1) << 52;
    }
    const unsigned __int128 v = static_cast<unsigned __int128>(m) << (e % 32);
    const auto low = int64_t(uint64_t(v) & 0xffffffffu);
    const auto mid = int64_t(uint64_t(v >> 32) & 0xffffffffu);
    const auto high = int64_t(uint64_t(v >> 64));
    const size_t i = size_t(e / 32);
    if (bits >> 63) {
      chunks_[i] -= low;
      chunks_[i + 1] -= mid;
      chunks_[i + 2] -= high;
    } else {
      chunks_[i] += low;
      chunks_[i + 1] += mid;
      chunks_[i + 2] += high;
    }
  }
  void AddTo(ExactSum& sum) const {
    for (size_t i = 0; i < chunks_.size(); ++i) {
      if (chunks_[i] != 0) sum.Add(std::ldexp(double(chunks_[i]), int(32 * i) - 1075));
    }
  }

 private:
  std::array<int64_t, 2047 / 32 + 3> chunks_{};
};

// A Fold of one block in progress, doing only what its measure's aggregator needs (the
// branch on `kind` is the same for every row of a pass).
struct BlockFold {
  explicit BlockFold(MeasureKind k) : kind(k) {}

  MeasureKind kind;
  int64_t n = 0;
  double min = 0, max = 0;
  BlockSum sum;

  void Add(double x) {
    if (kind == MeasureKind::kSum || kind == MeasureKind::kMean) {
      sum.Add(x);
    } else if (kind == MeasureKind::kMin || kind == MeasureKind::kMax) {
      min = n == 0 ? x : std::min(min, x);
      max = n == 0 ? x : std::max(max, x);
    }
    ++n;
  }
  Fold Finish() const {
    Fold f;
    f.n = n;
    f.min = min;
    f.max = max;
    sum.AddTo(f.sum);
    return f;
  }
};

// A double, or nullopt when it is not finite (a sum beyond the range of doubles).
std::optional<double> Finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

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
  std::vector<Fold> TakeFolds() { return std::move(folds_); }

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
    BlockFold f(r_.measures[m].kind);
    ForRows(values, nullptr, [&](int64_t i) { f.Add(v[i]); });
    At(0, m) = f.Finish();
  }

  void Segment(size_t m, size_t s, const Column& values) {
    const double* v = values.data<double>();
    BlockFold f(r_.measures[m].kind);
    ForRows(values, r_.segments[s].bitmap->data(), [&](int64_t i) { f.Add(v[i]); });
    At(1 + s, m) = f.Finish();
  }

  void Class(size_t m, size_t first, const ClassResult& c, const Column& values) {
    const double* v = values.data<double>();
    const int32_t* codes = c.values.data<int32_t>();
    const uint8_t* labelled = ValidityBits(c.values);
    const size_t labels = c.labels.size();
    std::vector<BlockFold> folds(labels + 1, BlockFold(r_.measures[m].kind));
    ForRows(values, nullptr, [&](int64_t i) {
      size_t label =
          labelled == nullptr || (labelled[i / 8] >> (i % 8)) & 1 ? size_t(codes[i]) : labels;
      folds[label].Add(v[i]);
    });
    for (size_t l = 0; l <= labels; ++l) At(first + l, m) = folds[l].Finish();
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
        g.values.push_back(Finite(f.sum.Value()));
        break;
      case MeasureKind::kCount:
        g.values.emplace_back(double(f.n));
        break;
      case MeasureKind::kMean:
        g.values.push_back(f.n > 0 ? Finite(f.sum.Value() / double(f.n)) : std::nullopt);
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
    parts[size_t(b)] = block.TakeFolds();
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
