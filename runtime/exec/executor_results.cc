// Executor: turns output slots into segment bitmaps, score and label columns with summaries
// (computed in morsels on the run's threads; bit for bit the row-order summaries).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>

#include "runtime/exec/executor_internal.h"
#include "segc/check.h"

namespace segc::rt::detail {

namespace {

// Rows per task of the summaries.
constexpr int64_t kSummaryMorselRows = int64_t(1) << 16;
// Integers of at most this magnitude are doubles exactly, and so is every sum of them that stays
// within it: such sums do not depend on the order of their terms.
constexpr double kExactSum = 9007199254740992.0;  // 2^53

int64_t SummaryMorsels(int64_t rows) {
  return (rows + kSummaryMorselRows - 1) / kSummaryMorselRows;
}

void RunSummaryTasks(const ParallelFor& parallel, int64_t tasks,
                     const std::function<void(int64_t)>& task) {
  if (parallel && tasks > 1) {
    parallel(tasks, task);
  } else {
    for (int64_t i = 0; i < tasks; ++i) task(i);
  }
}

// Calls fn(i) for the valid rows of [begin, end) of `c` (at offset 0; begin a multiple of 64)
// in row order, reading the validity 64 rows at a time (owned buffers are padded to 64 bytes).
template <typename Fn>
void ForValidRows(const Column& c, int64_t begin, int64_t end, Fn&& fn) {
  SEGC_CHECK(c.offset() == 0 && begin % 64 == 0);
  if (c.validity() == nullptr) {
    for (int64_t i = begin; i < end; ++i) fn(i);
    return;
  }
  const uint8_t* bits = c.validity()->data();
  for (int64_t base = begin; base < end; base += 64) {
    const int64_t width = std::min<int64_t>(64, end - base);
    uint64_t word = 0;
    std::memcpy(&word, bits + base / 8, size_t(width + 7) / 8);
    if (width < 64) word &= (uint64_t(1) << width) - 1;
    if (word == ~uint64_t(0)) {
      for (int64_t i = base; i < base + 64; ++i) fn(i);
      continue;
    }
    for (; word != 0; word &= word - 1) fn(base + std::countr_zero(word));
  }
}

// A score's summary over some rows, and whether its values are integers within 2^53 (then
// max_abs bounds them).
struct ScoreSummary {
  int64_t count = 0;
  double sum = 0, min = 0, max = 0;
  bool integral = true;
  double max_abs = 0;
};

// Rows [begin, end), in row order.
ScoreSummary SummarizeRows(const Column& values, int64_t begin, int64_t end) {
  ScoreSummary s;
  const double* v = values.data<double>();
  bool integral = true;  // locals: the stores of the loop cannot alias them
  double max_abs = 0;
  ForValidRows(values, begin, end, [&](int64_t i) {
    const double x = v[i];
    s.min = s.count == 0 ? x : std::min(s.min, x);
    s.max = s.count == 0 ? x : std::max(s.max, x);
    s.sum += x;
    ++s.count;
    const bool small = std::fabs(x) <= kExactSum;  // false for NaN
    integral = integral && small && double(int64_t(small ? x : 0.0)) == x;
    max_abs = std::max(max_abs, std::fabs(x));
  });
  s.integral = integral;
  s.max_abs = max_abs;
  return s;
}

// The summaries of consecutive row ranges joined in row order: min and max pick what the
// row-order fold picks (the first of equal values), and the sum is the row-order sum when
// every term and partial sum is an integer within 2^53 (then every addition is exact).
std::optional<ScoreSummary> JoinExactly(const std::vector<ScoreSummary>& parts) {
  ScoreSummary out;
  for (const ScoreSummary& p : parts) {
    if (p.count == 0) continue;
    if (!p.integral) return std::nullopt;
    out.min = out.count == 0 ? p.min : std::min(out.min, p.min);
    out.max = out.count == 0 ? p.max : std::max(out.max, p.max);
    out.max_abs = std::max(out.max_abs, p.max_abs);
    out.sum += p.sum;
    out.count += p.count;
  }
  if (double(out.count) * out.max_abs > kExactSum) return std::nullopt;
  return out;
}

// Count, sum (in row order), min, max and mean of a score: summarized in morsels on the tasks of
// `parallel`; when the morsels' sums could round differently from the row-order sum (values that
// are not integers, or too large), the whole column is summed again in row order.
ScoreResult Score(const ExecOutput& o, const Column& values, const ParallelFor& parallel) {
  const int64_t n = values.length();
  std::vector<ScoreSummary> parts(size_t(SummaryMorsels(n)));
  RunSummaryTasks(parallel, int64_t(parts.size()), [&](int64_t m) {
    parts[size_t(m)] =
        SummarizeRows(values, m * kSummaryMorselRows, std::min(n, (m + 1) * kSummaryMorselRows));
  });
  std::optional<ScoreSummary> joined = JoinExactly(parts);
  const ScoreSummary s = joined ? *joined : SummarizeRows(values, 0, n);
  ScoreResult out;
  out.name = o.name;
  out.values = values;
  out.count = s.count;
  out.sum = s.sum;
  out.min = s.min;
  out.max = s.max;
  if (out.count > 0) out.mean = out.sum / double(out.count);
  return out;
}

// Rows [begin, end) of a class column: label counts (by code) then the null count, added to
// `counts`.
void CountLabels(const Column& values, int64_t begin, int64_t end, std::vector<int64_t>& counts) {
  const size_t labels = counts.size() - 1;
  const int32_t* codes = values.data<int32_t>();
  int64_t valid = 0;
  ForValidRows(values, begin, end, [&](int64_t i) {
    const int32_t code = codes[i];
    SEGC_CHECK(code >= 0 && size_t(code) < labels);
    ++counts[size_t(code)];
    ++valid;
  });
  counts[labels] += (end - begin) - valid;
}

ClassResult Class(const ExecOutput& o, const Column& values, const ParallelFor& parallel) {
  const int64_t n = values.length();
  const size_t labels = o.labels.size();
  std::vector<std::vector<int64_t>> parts(size_t(SummaryMorsels(n)),
                                          std::vector<int64_t>(labels + 1, 0));
  RunSummaryTasks(parallel, int64_t(parts.size()), [&](int64_t m) {
    CountLabels(values, m * kSummaryMorselRows, std::min(n, (m + 1) * kSummaryMorselRows),
                parts[size_t(m)]);
  });
  ClassResult out;
  out.name = o.name;
  out.labels = o.labels;
  out.values = values;
  out.label_counts.assign(labels, 0);
  for (const std::vector<int64_t>& part : parts) {
    for (size_t l = 0; l < labels; ++l) out.label_counts[l] += part[l];
    out.null_count += part[labels];
  }
  return out;
}

}  // namespace

RunResult CollectOutputs(const ExecProgram& p, int64_t rows,
                         const std::vector<std::shared_ptr<Buffer>>& values,
                         const std::vector<std::shared_ptr<Buffer>>& validity,
                         const ParallelFor& parallel) {
  RunResult result;
  result.rows = rows;
  for (const ExecOutput& o : p.outputs) {
    const auto& bits = values[o.slot];
    switch (o.kind) {
      case OutputKind::kSegment: {
        SegmentResult s{o.name, o.description, bits, CountSetBits(bits->data(), 0, rows)};
        result.segments.push_back(std::move(s));
        break;
      }
      case OutputKind::kScore: {
        auto column = Column::Make(ColumnType::kFloat, rows, bits, validity[o.slot]);
        SEGC_CHECK(column.ok());
        result.scores.push_back(Score(o, *column, parallel));
        break;
      }
      case OutputKind::kClass: {
        std::vector<std::string_view> labels(o.labels.begin(), o.labels.end());
        auto column =
            Column::Make(ColumnType::kEnum, rows, bits, validity[o.slot], Dictionary::Make(labels));
        SEGC_CHECK(column.ok());
        result.classes.push_back(Class(o, *column, parallel));
        break;
      }
      case OutputKind::kMeasure: {
        auto column = Column::Make(ColumnType::kFloat, rows, bits, validity[o.slot]);
        SEGC_CHECK(column.ok());
        result.measures.push_back({o.name, o.description, o.measure, *column});
        break;
      }
    }
  }
  SummarizeMeasures(result, parallel);
  return result;
}

}  // namespace segc::rt::detail
