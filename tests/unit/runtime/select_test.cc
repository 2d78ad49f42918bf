// Differential tests of the percentile kernels (runtime/stats/select.cc, sample_select.cc) against
// the plain definition: copy the non-null values, sort them, interpolate at q * (n - 1). Every
// result must match bit for bit, over many random columns (sizes, distributions, null rates, bitmap
// layouts).
#include "runtime/stats/select.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "segc/stats.h"
#include "select_test_util.h"

namespace segc::rt {
namespace {

using namespace select_test;  // NOLINT: the shared generators and reference

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
