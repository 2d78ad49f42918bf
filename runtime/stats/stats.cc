// Scalar statistics: percentile_cont (radix select, select.cc), mean, sample stddev, min, max.
#include "segc/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "runtime/stats/select.h"
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

// The value of a key as the double the statistics work in (dates as days).
double KeyValue(ColumnType type, uint64_t key) {
  return type == ColumnType::kFloat ? FloatOfKey(key) : double(IntOfKey(key));
}

// percentile_cont between the order statistics at floor(pos) and floor(pos) + 1, rounded exactly
// as the sort-based definition (PercentileCont) rounds: float8_lerp in double, or in long double
// for int columns beyond +-2^53 (`wide_ints`), whose values are not all doubles.
double Interpolate(ColumnType type, bool wide_ints, RankKeys keys, double pos, double lo) {
  if (wide_ints) {
    const long double a = IntOfKey(keys.at_rank);
    const long double frac = pos - lo;
    return double(a + ((long double)IntOfKey(keys.next) - a) * frac);
  }
  const double a = KeyValue(type, keys.at_rank);
  return a + (KeyValue(type, keys.next) - a) * (pos - lo);  // PostgreSQL float8_lerp
}

// Where percentile q of `count` values lies: between ranks floor(pos) and floor(pos) + 1.
struct Position {
  double pos;
  double lo;
  RankQuery ranks() const { return {int64_t(lo), lo != pos}; }
};

Position PositionOf(double q, int64_t count) {
  const double pos = q * double(count - 1);
  return {pos, std::floor(pos)};
}

// The percentile from the keys at its ranks.
double PercentileOfKeys(ColumnType type, bool wide_ints, Position at, RankKeys keys) {
  if (at.lo == at.pos) return KeyValue(type, keys.at_rank);
  return Interpolate(type, wide_ints, keys, at.pos, at.lo);
}

// Columns up to this many rows, and more fractions than sampled select takes, go to radix
// select: a sample would be a good part of a small column.
constexpr int64_t kSampledSelectRows = int64_t(1) << 16;

// Percentiles of a column with values, by radix select: one first pass for all fractions.
std::vector<std::optional<double>> RadixPercentiles(const Column& x,
                                                    const std::vector<double>& qs) {
  const KeyScan scan = ScanKeys(x);
  const bool wide_ints = x.type() == ColumnType::kInt && (IntOfKey(scan.min) < -kExactDoubleLimit ||
                                                          IntOfKey(scan.max) > kExactDoubleLimit);
  std::vector<std::optional<double>> out;
  for (double q : qs) {
    const Position at = PositionOf(q, scan.count);
    const RankQuery ranks = at.ranks();
    out.push_back(PercentileOfKeys(x.type(), wide_ints, at,
                                   SelectKeys(x, scan, ranks.rank, ranks.with_next)));
  }
  return out;
}

std::vector<std::optional<double>> SampledPercentiles(const Column& x, int64_t count,
                                                      const std::vector<double>& qs,
                                                      const ParallelFor& parallel) {
  std::vector<Position> positions;
  std::vector<RankQuery> queries;
  for (double q : qs) {
    positions.push_back(PositionOf(q, count));
    queries.push_back(positions.back().ranks());
  }
  const SampledSelection selected = SampleSelect(x, count, queries, parallel);
  std::vector<std::optional<double>> out;
  for (size_t i = 0; i < qs.size(); ++i) {
    out.push_back(PercentileOfKeys(x.type(), selected.wide_ints, positions[i], selected.keys[i]));
  }
  return out;
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

// Same result as PercentileCont(NonNullValues(x)) (exact int order beyond 2^53), bit for bit,
// without copying the column; zeros are ordered -0.0 < +0.0 (select.h).
Result<std::optional<double>> Percentile(const Column& x, double q) {
  SEGC_TRY(auto values, Percentiles(x, {q}));
  return values[0];
}

Result<std::vector<std::optional<double>>> Percentiles(const Column& x,
                                                       const std::vector<double>& qs,
                                                       const ParallelFor& parallel) {
  for (double q : qs) SEGC_RETURN_IF_ERROR(CheckQuantile(q));
  const int64_t count = x.length() - x.null_count();
  if (count == 0 || qs.empty()) return std::vector<std::optional<double>>(qs.size());
  if (x.length() <= kSampledSelectRows || qs.size() > kMaxBrackets) return RadixPercentiles(x, qs);
  return SampledPercentiles(x, count, qs, parallel);
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
