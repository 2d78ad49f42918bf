// Scalar statistics: percentile_cont (nth_element), mean, sample stddev, min, max.
#include "segc/stats.h"

#include <algorithm>
#include <cmath>

#include "segc/check.h"

namespace segc::rt {

std::vector<double> NonNullValues(const Column& x) {
  std::vector<double> out;
  out.reserve(size_t(x.length() - x.null_count()));
  const int64_t n = x.length();
  switch (x.type()) {
    case ColumnType::kInt:
      for (int64_t i = 0; i < n; ++i) {
        if (x.IsValid(i)) out.push_back(double(x.Int64(i)));
      }
      break;
    case ColumnType::kFloat:
      for (int64_t i = 0; i < n; ++i) {
        if (x.IsValid(i)) out.push_back(x.Float64(i));
      }
      break;
    case ColumnType::kDate:
      for (int64_t i = 0; i < n; ++i) {
        if (x.IsValid(i)) out.push_back(double(x.Date32(i)));
      }
      break;
    default:
      SEGC_UNREACHABLE();
  }
  return out;
}

std::optional<double> PercentileCont(std::vector<double>& v, double q) {
  SEGC_CHECK(q >= 0.0 && q <= 1.0);
  if (v.empty()) return std::nullopt;
  const double pos = q * double(v.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  const size_t hi = size_t(std::ceil(pos));
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const double a = v[lo];
  if (hi == lo) return a;
  const double b = *std::min_element(v.begin() + lo + 1, v.end());
  return a + (b - a) * (pos - double(lo));  // PostgreSQL float8_lerp
}

std::optional<double> Percentile(const Column& x, double q) {
  std::vector<double> v = NonNullValues(x);
  return PercentileCont(v, q);
}

std::optional<double> Median(const Column& x) { return Percentile(x, 0.5); }

std::optional<double> Mean(const Column& x) {
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (double d : v) sum += d;
  return sum / double(v.size());
}

std::optional<double> StddevSamp(const Column& x) {
  std::vector<double> v = NonNullValues(x);
  if (v.size() < 2) return std::nullopt;
  double sum = 0;
  for (double d : v) sum += d;
  const double mean = sum / double(v.size());
  double squares = 0;
  for (double d : v) squares += (d - mean) * (d - mean);
  return std::sqrt(squares / double(v.size() - 1));
}

std::optional<double> MinOf(const Column& x) {
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  return *std::min_element(v.begin(), v.end());
}

std::optional<double> MaxOf(const Column& x) {
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  return *std::max_element(v.begin(), v.end());
}

}  // namespace segc::rt
