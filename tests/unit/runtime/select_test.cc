// Differential tests of the radix-select percentile (runtime/stats/select.cc) against the plain
// definition: copy the non-null values, sort them, interpolate at q * (n - 1). Every result must
// match bit for bit, over many random columns (sizes, distributions, null rates, bitmap layouts).
#include "runtime/stats/select.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <type_traits>

#include "segc/stats.h"

namespace segc::rt {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int64_t kTwo53 = int64_t(1) << 53;

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::string Describe(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g (0x%016llx)", v,
                static_cast<unsigned long long>(std::bit_cast<uint64_t>(v)));
  return text;
}

// IEEE totalOrder on non-NaN doubles: as <, but -0.0 before +0.0 (the order the kernel uses).
bool TotalLess(double a, double b) {
  return a < b || (a == b && std::signbit(a) && !std::signbit(b));
}

// --- The reference: the definition written plainly, on values sorted once per column ---

std::optional<double> RefSorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nullopt;
  const double pos = q * double(sorted.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  const size_t hi = size_t(std::ceil(pos));
  if (lo == hi) return sorted[lo];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

// Int columns with a value beyond +-2^53: exact int64 order, long double interpolation.
std::optional<double> RefSortedExact(const std::vector<int64_t>& sorted, double q) {
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

Sample FloatSample(const std::vector<double>& values, double null_rate, Layout layout,
                   std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kFloat, rows, layout, rng), NonNull(rows), {}};
  std::sort(s.sorted.begin(), s.sorted.end(), TotalLess);
  return s;
}

Sample IntSample(const std::vector<int64_t>& values, double null_rate, Layout layout,
                 std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kInt, rows, layout, rng), {}, NonNull(rows)};
  std::sort(s.sorted_ints.begin(), s.sorted_ints.end());
  s.exact = std::any_of(s.sorted_ints.begin(), s.sorted_ints.end(),
                        [](int64_t v) { return v > kTwo53 || v < -kTwo53; });
  for (int64_t v : s.sorted_ints) s.sorted.push_back(double(v));
  return s;
}

Sample DateSample(const std::vector<int32_t>& values, double null_rate, Layout layout,
                  std::mt19937_64& rng) {
  const auto rows = WithNulls(values, null_rate, rng);
  Sample s{MakeColumn(ColumnType::kDate, rows, layout, rng), {}, {}};
  for (int32_t d : NonNull(rows)) s.sorted.push_back(double(d));
  std::sort(s.sorted.begin(), s.sorted.end());
  return s;
}

// --- Value distributions ---

using Rng = std::mt19937_64;

std::vector<double> Doubles(size_t n, Rng& rng, const std::function<double(Rng&)>& draw) {
  std::vector<double> v(n);
  for (double& d : v) d = draw(rng);
  return v;
}

// Any finite double, from a random bit pattern: both signs, subnormals, huge magnitudes.
double AnyFinite(Rng& rng) {
  for (;;) {
    const double d = std::bit_cast<double>(rng());
    if (std::isfinite(d)) return d;
  }
}

double Pick(Rng& rng, std::initializer_list<double> choices) {
  return choices.begin()[rng() % choices.size()];
}

const std::vector<std::pair<std::string, std::function<double(Rng&)>>>& FloatDistributions() {
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

const std::vector<std::pair<std::string, std::function<int64_t(Rng&)>>>& IntDistributions() {
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

const std::vector<size_t> kSizes = {0, 1, 2, 3, 10, 1000, 100000};
const std::vector<double> kNullRates = {0.0, 0.05, 0.5, 1.0};
const std::vector<double> kFixedQs = {0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.99, 1};

std::vector<double> Quantiles(Rng& rng) {
  std::vector<double> qs = kFixedQs;
  for (int i = 0; i < 4; ++i) qs.push_back(std::uniform_real_distribution<double>(0, 1)(rng));
  return qs;
}

std::vector<Layout> Layouts(double null_rate) {
  if (null_rate == 0) return {Layout::kBitmap, Layout::kSliced, Layout::kNoBitmap};
  return {Layout::kBitmap, Layout::kSliced};
}

// Percentile(x, q) equals the reference bit for bit for every q; returns how many were checked.
int CheckSample(const Sample& s, Rng& rng, const std::string& what) {
  int checked = 0;
  const std::vector<double> values = NonNullValues(s.column);
  const std::vector<double> qs = Quantiles(rng);
  for (double q : qs) {
    auto got = Percentile(s.column, q);
    ++checked;
    EXPECT_TRUE(got.ok()) << what;
    if (!got.ok()) continue;
    const std::optional<double> want = s.Expected(q);
    EXPECT_EQ(got->has_value(), want.has_value()) << what << " q=" << q;
    if (!*got || !want) continue;
    EXPECT_TRUE(SameBits(**got, *want))
        << what << " q=" << q << ": got " << Describe(**got) << ", want " << Describe(*want);
    if (s.exact) continue;
    // The previous kernel (copy + nth_element) is still PercentileCont: identical except, at
    // most, for which zero it returned (it left -0.0 vs +0.0 to nth_element's whims).
    std::vector<double> copy = values;
    const double old = **PercentileCont(copy, q);
    EXPECT_TRUE(SameBits(**got, old) || (old == 0 && **got == 0))
        << what << " q=" << q << ": got " << Describe(**got) << ", old " << Describe(old);
  }
  // Percentiles (one shared scan for all fractions, as the executor uses it) gives the same bits.
  auto all = Percentiles(s.column, qs);
  EXPECT_TRUE(all.ok()) << what;
  for (size_t k = 0; all.ok() && k < qs.size(); ++k) {
    const std::optional<double> one = *Percentile(s.column, qs[k]);
    EXPECT_EQ((*all)[k].has_value(), one.has_value()) << what << " q=" << qs[k];
    if (one && (*all)[k]) {
      EXPECT_TRUE(SameBits(*(*all)[k], *one)) << what << " q=" << qs[k];
    }
  }
  return checked;
}

std::string Name(const std::string& dist, size_t n, double null_rate, Layout layout) {
  return dist + " n=" + std::to_string(n) + " nulls=" + std::to_string(null_rate) +
         " layout=" + std::to_string(int(layout));
}

TEST(RadixSelect, FloatColumnsMatchTheSortedDefinition) {
  Rng rng(20240611);
  int checked = 0;
  for (const auto& [dist, draw] : FloatDistributions()) {
    for (size_t n : kSizes) {
      const std::vector<double> values = Doubles(n, rng, draw);
      for (double nulls : kNullRates) {
        for (Layout layout : Layouts(nulls)) {
          const std::string what = Name(dist, n, nulls, layout);
          checked += CheckSample(FloatSample(values, nulls, layout, rng), rng, what);
          if (HasFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(checked, 3000);
}

TEST(RadixSelect, IntColumnsMatchTheSortedDefinition) {
  Rng rng(7);
  int checked = 0;
  for (const auto& [dist, draw] : IntDistributions()) {
    for (size_t n : kSizes) {
      std::vector<int64_t> values(n);
      for (int64_t& v : values) v = draw(rng);
      for (double nulls : kNullRates) {
        for (Layout layout : Layouts(nulls)) {
          const std::string what = Name(dist, n, nulls, layout);
          checked += CheckSample(IntSample(values, nulls, layout, rng), rng, what);
          if (HasFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(checked, 1500);
}

TEST(RadixSelect, DateColumnsMatchTheSortedDefinition) {
  Rng rng(99);
  for (int32_t span : {100, 90000}) {  // a few months of days, or 1901..2150
    for (size_t n : kSizes) {
      std::vector<int32_t> values(n);
      for (int32_t& d : values) d = int32_t(rng() % uint32_t(span)) - 25000;
      for (double nulls : kNullRates) {
        for (Layout layout : Layouts(nulls)) {
          const std::string what = Name("dates/" + std::to_string(span), n, nulls, layout);
          CheckSample(DateSample(values, nulls, layout, rng), rng, what);
          if (HasFailure()) return;
        }
      }
    }
  }
}

// -0.0 and +0.0 are equal values (as in PostgreSQL), but the result must not depend on row order:
// the kernel orders them -0.0 < +0.0 (IEEE totalOrder), and interpolating between two zeros
// gives +0.0 (float8_lerp: a + (b - a) * f with b - a == +0.0).
TEST(RadixSelect, SignedZerosAreOrderedNegativeFirst) {
  const auto p = [](std::vector<std::optional<double>> v, double q) {
    return **Percentile(Column::FromFloat64(v), q);
  };
  EXPECT_TRUE(SameBits(p({0.0, -0.0}, 0), -0.0));
  EXPECT_TRUE(SameBits(p({-0.0, 0.0}, 0), -0.0));
  EXPECT_TRUE(SameBits(p({-0.0, 0.0}, 1), 0.0));
  EXPECT_TRUE(SameBits(p({0.0, -0.0}, 0.5), 0.0));
  EXPECT_TRUE(SameBits(p({-0.0, -0.0}, 0.5), 0.0));
  EXPECT_TRUE(SameBits(p({0.0, -0.0, 0.0}, 0.5), 0.0));
  EXPECT_TRUE(SameBits(p({-0.0, 0.0, -0.0}, 0.5), -0.0));
  EXPECT_TRUE(SameBits(*Median(Column::FromFloat64({-0.0})), -0.0));
  EXPECT_TRUE(SameBits(p({-1.0, -0.0, std::nullopt}, 1), -0.0));
}

// NaN is not a value (the CSV reader rejects it, Arrow import reads it as null). Should a
// hand-built column hold one, the answer still does not depend on row order: NaN sorts beyond
// +inf, as in IEEE totalOrder.
TEST(RadixSelect, HandBuiltNaNSortsLast) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  using Rows = std::vector<std::optional<double>>;
  for (const Rows& rows : {Rows{nan, 1.0, kInf}, Rows{1.0, nan, kInf}, Rows{kInf, 1.0, nan}}) {
    const Column x = Column::FromFloat64(rows);
    EXPECT_EQ(**Percentile(x, 0), 1.0);
    EXPECT_EQ(**Percentile(x, 0.5), kInf);
    EXPECT_TRUE(std::isnan(**Percentile(x, 1)));
  }
}

TEST(RadixSelect, KeysPreserveOrderAndRoundTrip) {
  const double ordered[] = {
      -kInf,    -1.7976931348623157e308, -1.0, -2.2250738585072014e-308, -4.9e-324, -0.0, 0.0,
      4.9e-324, 2.2250738585072014e-308, 1.0,  1.7976931348623157e308,   kInf};
  for (size_t i = 0; i < std::size(ordered); ++i) {
    EXPECT_TRUE(SameBits(FloatOfKey(FloatKey(ordered[i])), ordered[i])) << ordered[i];
    if (i > 0) {
      EXPECT_LT(FloatKey(ordered[i - 1]), FloatKey(ordered[i])) << ordered[i];
    }
  }
  const int64_t ints[] = {std::numeric_limits<int64_t>::min(), -1, 0, 1,
                          std::numeric_limits<int64_t>::max()};
  for (size_t i = 0; i < std::size(ints); ++i) {
    EXPECT_EQ(IntOfKey(IntKey(ints[i])), ints[i]);
    if (i > 0) {
      EXPECT_LT(IntKey(ints[i - 1]), IntKey(ints[i]));
    }
  }
}

// A million equal values, and a million in three values: each must finish in one or two
// histogram passes (equal keys share a bucket at every depth) and give the exact answer.
TEST(RadixSelect, HeavyDuplicatesTerminate) {
  const size_t n = 1000000;
  std::vector<std::optional<double>> same(n, 3.25);
  EXPECT_EQ(**Percentile(Column::FromFloat64(same), 0.9), 3.25);
  std::vector<std::optional<int64_t>> three(n);
  for (size_t i = 0; i < n; ++i) three[i] = int64_t(i % 3) * 1000000007;
  EXPECT_EQ(**Percentile(Column::FromInt64(three), 0.5), 1000000007.0);
  // Rank floor(pos) is the last 0 and rank + 1 the first 1000000007: interpolated.
  const double q = (double(n / 3) + 0.5) / double(n - 1);
  const double pos = q * double(n - 1);
  const double want = 0 + (1000000007.0 - 0) * (pos - std::floor(pos));
  EXPECT_TRUE(SameBits(**Percentile(Column::FromInt64(three), q), want));
}

TEST(RadixSelect, ScanKeysCountsNonNullValues) {
  const KeyScan span = ScanKeys(Column::FromFloat64({std::nullopt, 2.5, -1.0, std::nullopt}));
  EXPECT_EQ(span.count, 2);
  EXPECT_EQ(span.min, FloatKey(-1.0));
  EXPECT_EQ(span.max, FloatKey(2.5));
  EXPECT_EQ(ScanKeys(Column::FromInt64({std::nullopt})).count, 0);
}

}  // namespace
}  // namespace segc::rt
