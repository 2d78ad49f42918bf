// Shared by the percentile selection tests (select_test.cc, sample_select_test.cc): the plain
// definition of percentile_cont as the reference, and generated columns of every layout.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "segc/column.h"

namespace segc::rt::select_test {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr int64_t kTwo53 = int64_t(1) << 53;

inline bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline std::string Describe(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g (0x%016llx)", v,
                static_cast<unsigned long long>(std::bit_cast<uint64_t>(v)));
  return text;
}

// IEEE totalOrder on non-NaN doubles: as <, but -0.0 before +0.0 (the order the kernel uses).
inline bool TotalLess(double a, double b) {
  return a < b || (a == b && std::signbit(a) && !std::signbit(b));
}

// --- The reference: the definition written plainly, on values sorted once per column ---

inline std::optional<double> RefSorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nullopt;
  const double pos = q * double(sorted.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  const size_t hi = size_t(std::ceil(pos));
  if (lo == hi) return sorted[lo];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

// Int columns with a value beyond +-2^53: exact int64 order, long double interpolation.
inline std::optional<double> RefSortedExact(const std::vector<int64_t>& sorted, double q) {
  if (sorted.empty()) return std::nullopt;
  const double pos = q * double(sorted.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  if (double(lo) == pos) return double(sorted[lo]);
  const long double a = sorted[lo];
  const long double b = sorted[lo + 1];
  const long double frac = pos - double(lo);
  return double(a + (b - a) * frac);
}

// A generated column and its sorted reference (doubles, or exact ints when `exact`).
struct Sample {
  Column column;
  std::vector<double> sorted;
  std::vector<int64_t> sorted_ints;
  bool exact = false;
  std::optional<double> Expected(double q) const {
    return exact ? RefSortedExact(sorted_ints, q) : RefSorted(sorted, q);
  }
};

// How the column's validity is laid out: a bitmap from row 0, a slice starting at an unaligned
// row of a larger column, or no bitmap at all (only without nulls).
enum class Layout { kBitmap, kSliced, kNoBitmap };

template <typename T>
Column MakeColumn(ColumnType type, const std::vector<std::optional<T>>& rows, Layout layout,
                  std::mt19937_64& rng) {
  if (layout == Layout::kNoBitmap) {
    auto data = Buffer::Allocate(rows.size() * sizeof(T));
    for (size_t i = 0; i < rows.size(); ++i) data->template mutable_as<T>()[i] = *rows[i];
    auto column = Column::Make(type, int64_t(rows.size()), data, nullptr);
    EXPECT_TRUE(column.ok());
    return *column;
  }
  const auto build = [&](const std::vector<std::optional<T>>& v) {
    if constexpr (std::is_same_v<T, double>) return Column::FromFloat64(v);
    if constexpr (std::is_same_v<T, int64_t>) return Column::FromInt64(v);
    if constexpr (std::is_same_v<T, int32_t>) return Column::FromDate32(v);
  };
  if (layout == Layout::kBitmap) return build(rows);
  // Rows outside the slice hold values and nulls that must not count.
  std::vector<std::optional<T>> padded;
  const auto filler = [&]() -> std::optional<T> {
    return rng() % 2 ? std::optional<T>(T(rng() % 1000)) : std::nullopt;
  };
  const size_t before = 5 + rng() % 60;
  for (size_t i = 0; i < before; ++i) padded.push_back(filler());
  padded.insert(padded.end(), rows.begin(), rows.end());
  for (int i = 0; i < 11; ++i) padded.push_back(filler());
  return build(padded).Slice(int64_t(before), int64_t(rows.size()));
}

template <typename T>
std::vector<std::optional<T>> WithNulls(const std::vector<T>& values, double null_rate,
                                        std::mt19937_64& rng) {
  std::bernoulli_distribution is_null(null_rate);
  std::vector<std::optional<T>> rows;
  for (T v : values) rows.push_back(is_null(rng) ? std::nullopt : std::optional<T>(v));
  return rows;
}

template <typename T>
std::vector<T> NonNull(const std::vector<std::optional<T>>& rows) {
  std::vector<T> out;
  for (const auto& r : rows) {
    if (r) out.push_back(*r);
  }
  return out;
}

inline Sample FloatSample(const std::vector<double>& values, double null_rate, Layout layout,
                          std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kFloat, rows, layout, rng), NonNull(rows), {}};
  std::sort(s.sorted.begin(), s.sorted.end(), TotalLess);
  return s;
}

inline Sample IntSample(const std::vector<int64_t>& values, double null_rate, Layout layout,
                        std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kInt, rows, layout, rng), {}, NonNull(rows)};
  std::sort(s.sorted_ints.begin(), s.sorted_ints.end());
  s.exact = std::any_of(s.sorted_ints.begin(), s.sorted_ints.end(),
                        [](int64_t v) { return v > kTwo53 || v < -kTwo53; });
  for (int64_t v : s.sorted_ints) s.sorted.push_back(double(v));
  return s;
}

inline Sample DateSample(const std::vector<int32_t>& values, double null_rate, Layout layout,
                         std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kDate, rows, layout, rng), {}, {}};
  for (int32_t d : NonNull(rows)) s.sorted.push_back(double(d));
  std::sort(s.sorted.begin(), s.sorted.end());
  return s;
}

// --- Value distributions ---

using Rng = std::mt19937_64;

inline std::vector<double> Doubles(size_t n, Rng& rng, const std::function<double(Rng&)>& draw) {
  std::vector<double> v(n);
  for (double& d : v) d = draw(rng);
  return v;
}

// Any finite double, from a random bit pattern: both signs, subnormals, huge magnitudes.
inline double AnyFinite(Rng& rng) {
  for (;;) {
    const double d = std::bit_cast<double>(rng());
    if (std::isfinite(d)) return d;
  }
}

inline double Pick(Rng& rng, std::initializer_list<double> choices) {
  return choices.begin()[rng() % choices.size()];
}

inline const std::vector<std::pair<std::string, std::function<double(Rng&)>>>&
FloatDistributions() {
  static const std::vector<std::pair<std::string, std::function<double(Rng&)>>> all = {
      {"uniform", [](Rng& r) { return std::uniform_real_distribution<double>(0, 1000)(r); }},
      {"all_equal", [](Rng&) { return 42.5; }},
      {"three_values",
       [](Rng& r) {
         return Pick(r, {-1.5, 0.25, 7.0});
       }},
      {"negatives", [](Rng& r) { return -std::uniform_real_distribution<double>(1e-3, 1e6)(r); }},
      {"signed_zeros",
       [](Rng& r) {
         return Pick(r, {-0.0, 0.0, 0.0, -0.0, -0.0, -1.0, 2.0});
       }},
      {"any_finite", AnyFinite},
      {"tiny_and_huge",
       [](Rng& r) {
         return Pick(r, {-1.0, 1.0}) * std::ldexp(1.0, int(r() % 2098) - 1074);
       }},
      {"with_infinities",
       [](Rng& r) {
         return r() % 20 == 0 ? Pick(r, {-kInf, kInf}) : AnyFinite(r);
       }},
      {"two_clusters",
       [](Rng& r) { return r() % 2 ? 1e300 * (1 + double(r() % 3)) : double(r() % 3) / 7; }},
  };
  return all;
}

inline const std::vector<std::pair<std::string, std::function<int64_t(Rng&)>>>& IntDistributions() {
  static const std::vector<std::pair<std::string, std::function<int64_t(Rng&)>>> all = {
      {"small", [](Rng& r) { return int64_t(r() % 101) - 20; }},
      {"wide", [](Rng& r) { return int64_t(r() % 20000000) - 50000; }},  // beyond +-2^15
      {"near_2^53",  // within +-2^53: the double path
       [](Rng& r) { return (r() % 2 ? kTwo53 : -kTwo53 + 999) - int64_t(r() % 1000); }},
      {"beyond_2^53",
       [](Rng& r) { return (r() % 2 ? kTwo53 : -kTwo53) + int64_t(r() % 2001) - 1000; }},
      {"any_int64", [](Rng& r) { return int64_t(r()); }},
      {"extremes",
       [](Rng& r) {
         return r() % 10 == 0 ? (r() % 2 ? std::numeric_limits<int64_t>::max()
                                         : std::numeric_limits<int64_t>::min())
                              : int64_t(r() % 1000);
       }},
  };
  return all;
}

inline const std::vector<size_t> kSizes = {0, 1, 2, 3, 10, 1000, 100000};
inline const std::vector<double> kNullRates = {0.0, 0.05, 0.5, 1.0};
inline const std::vector<double> kFixedQs = {0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.99, 1};

inline std::vector<double> Quantiles(Rng& rng) {
  std::vector<double> qs = kFixedQs;
  for (int i = 0; i < 4; ++i) qs.push_back(std::uniform_real_distribution<double>(0, 1)(rng));
  return qs;
}

inline std::vector<Layout> Layouts(double null_rate) {
  if (null_rate == 0) return {Layout::kBitmap, Layout::kSliced, Layout::kNoBitmap};
  return {Layout::kBitmap, Layout::kSliced};
}

inline std::string Name(const std::string& dist, size_t n, double null_rate, Layout layout) {
  return dist + " n=" + std::to_string(n) + " nulls=" + std::to_string(null_rate) +
         " layout=" + std::to_string(int(layout));
}

}  // namespace segc::rt::select_test
