// Scalar statistics: percentile_cont (nth_element), mean, sample stddev, min, max.
#include "segc/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "segc/check.h"

namespace segc::rt {
namespace {

// Integers beyond 2^53 are not all exact doubles: kernels over such columns work on the int64
// values (exact sums, exact order) and round once at the end.
constexpr int64_t kExactDoubleLimit = int64_t(1) << 53;

std::vector<int64_t> NonNullInts(const Column& x) {
  std::vector<int64_t> out;
  out.reserve(size_t(x.length() - x.null_count()));
  for (int64_t i = 0; i < x.length(); ++i) {
    if (x.IsValid(i)) out.push_back(x.Int64(i));
  }
  return out;
}

bool NeedsExactInts(const std::vector<int64_t>& v) {
  for (int64_t d : v) {
    if (d > kExactDoubleLimit || d < -kExactDoubleLimit) return true;
  }
  return false;
}

Status CheckQuantile(double q) {
  if (q >= 0.0 && q <= 1.0) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("percentile fraction '{}' is outside [0, 1] (write 0.9 or 90% for p90)", q));
}

std::optional<double> IntPercentile(std::vector<int64_t>& v, double q) {
  if (v.empty()) return std::nullopt;
  const double pos = q * double(v.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const int64_t a = v[lo];
  if (double(lo) == pos) return double(a);
  const int64_t b = *std::min_element(v.begin() + lo + 1, v.end());
  const long double frac = pos - double(lo);
  return double((long double)a + ((long double)b - (long double)a) * frac);
}

}  // namespace

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

Result<std::optional<double>> PercentileCont(std::vector<double>& v, double q) {
  SEGC_RETURN_IF_ERROR(CheckQuantile(q));
  if (v.empty()) return std::optional<double>();
  const double pos = q * double(v.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  const size_t hi = size_t(std::ceil(pos));
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const double a = v[lo];
  if (hi == lo) return std::optional<double>(a);
  const double b = *std::min_element(v.begin() + lo + 1, v.end());
  return std::optional<double>(a + (b - a) * (pos - double(lo)));  // PostgreSQL float8_lerp
}

Result<std::optional<double>> Percentile(const Column& x, double q) {
  if (x.type() == ColumnType::kInt) {
    std::vector<int64_t> ints = NonNullInts(x);
    if (NeedsExactInts(ints)) {
      SEGC_RETURN_IF_ERROR(CheckQuantile(q));
      return IntPercentile(ints, q);
    }
  }
  std::vector<double> v = NonNullValues(x);
  return PercentileCont(v, q);
}

std::optional<double> Median(const Column& x) { return *Percentile(x, 0.5); }

std::optional<double> Mean(const Column& x) {
  if (x.type() == ColumnType::kInt) {  // exact 128-bit sum, one rounding
    std::vector<int64_t> v = NonNullInts(x);
    if (v.empty()) return std::nullopt;
    __int128 sum = 0;
    for (int64_t d : v) sum += d;
    return double((long double)sum / (long double)v.size());
  }
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (double d : v) sum += d;
  return sum / double(v.size());
}

std::optional<double> StddevSamp(const Column& x) {
  if (x.type() == ColumnType::kInt) {
    std::vector<int64_t> ints = NonNullInts(x);
    if (NeedsExactInts(ints)) {
      if (ints.size() < 2) return std::nullopt;
      __int128 sum = 0;
      for (int64_t d : ints) sum += d;
      const long double mean = (long double)sum / (long double)ints.size();
      long double squares = 0;
      for (int64_t d : ints) squares += ((long double)d - mean) * ((long double)d - mean);
      return double(std::sqrt(squares / (long double)(ints.size() - 1)));
    }
  }
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
  if (x.type() == ColumnType::kInt) {  // compare exactly, round the winner once
    std::vector<int64_t> v = NonNullInts(x);
    if (v.empty()) return std::nullopt;
    return double(*std::min_element(v.begin(), v.end()));
  }
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  return *std::min_element(v.begin(), v.end());
}

std::optional<double> MaxOf(const Column& x) {
  if (x.type() == ColumnType::kInt) {
    std::vector<int64_t> v = NonNullInts(x);
    if (v.empty()) return std::nullopt;
    return double(*std::max_element(v.begin(), v.end()));
  }
  std::vector<double> v = NonNullValues(x);
  if (v.empty()) return std::nullopt;
  return *std::max_element(v.begin(), v.end());
}

}  // namespace segc::rt
