// The ranking kernels as they were before the radix sort and selection (one comparison sort of
// (value, row) pairs, on one thread), kept verbatim as the reference of the differential test
// (rank_test.cc). Not part of the runtime.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "segc/check.h"
#include "segc/column.h"
#include "segc/stats.h"

namespace segc::rt::rank_reference {

// (value, row) of every non-null row.
inline std::vector<std::pair<double, int64_t>> ValuedRows(const Column& x) {
  std::vector<std::pair<double, int64_t>> out;
  out.reserve(size_t(x.length() - x.null_count()));
  for (int64_t i = 0; i < x.length(); ++i) {
    if (!x.IsValid(i)) continue;
    double v = x.type() == ColumnType::kInt     ? double(x.Int64(i))
               : x.type() == ColumnType::kFloat ? x.Float64(i)
                                                : double(x.Date32(i));
    out.emplace_back(v, i);
  }
  return out;
}

// Percentile of already sorted values (PostgreSQL percentile_cont).
inline double SortedPercentile(const std::vector<double>& sorted, double q) {
  const double pos = q * double(sorted.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  const size_t hi = size_t(std::ceil(pos));
  if (lo == hi) return sorted[lo];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

inline Column FloatResult(int64_t length, const std::vector<std::pair<int64_t, double>>& values) {
  std::vector<std::optional<double>> out(static_cast<size_t>(length));
  for (const auto& [row, v] : values) out[size_t(row)] = v;
  return Column::FromFloat64(out);
}

inline std::vector<double> NtileCuts(const Column& x, int n) {
  SEGC_CHECK(n >= 1);
  std::vector<double> sorted = NonNullValues(x);
  if (sorted.empty()) return {};
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> cuts;
  for (int k = 1; k < n; ++k) cuts.push_back(SortedPercentile(sorted, double(k) / double(n)));
  return cuts;
}

inline Column Ntile(const Column& x, const std::vector<double>& cuts) {
  std::vector<std::optional<int64_t>> out(static_cast<size_t>(x.length()));
  for (const auto& [v, row] : ValuedRows(x)) {
    // LANGUAGE.md §5: 1 + count(k: x > cut_k); cuts are sorted ascending.
    out[size_t(row)] = 1 + (std::lower_bound(cuts.begin(), cuts.end(), v) - cuts.begin());
  }
  return Column::FromInt64(out);
}

inline Column CumShare(const Column& x) {
  auto rows = ValuedRows(x);
  std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<std::pair<int64_t, double>> running;  // (row, sum of x' >= x)
  double sum = 0;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j < rows.size() && rows[j].first == rows[i].first) sum += rows[j++].first;
    for (size_t k = i; k < j; ++k) running.emplace_back(rows[k].second, sum);
    i = j;
  }
  if (sum == 0) running.clear();  // LANGUAGE.md §5: division by zero gives null
  for (auto& r : running) r.second /= sum;
  return FloatResult(x.length(), running);
}

inline Column PercentRank(const Column& x) {
  auto rows = ValuedRows(x);
  std::sort(rows.begin(), rows.end());
  const size_t n = rows.size();
  std::vector<std::pair<int64_t, double>> ranks;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && rows[j].first == rows[i].first) ++j;
    double pr = n == 1 ? 0.0 : double(i) / double(n - 1);  // rank - 1 == i (values below)
    for (size_t k = i; k < j; ++k) ranks.emplace_back(rows[k].second, pr);
    i = j;
  }
  return FloatResult(x.length(), ranks);
}

}  // namespace segc::rt::rank_reference
