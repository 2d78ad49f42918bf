// segc_stats_bench: the percentile kernels side by side on 10M-row columns with 5% nulls:
// Old (copy the non-null values, nth_element, min_element), Radix (radix select,
// runtime/stats/select.cc) and Sampled (rt::Percentile: sampled select,
// runtime/stats/sample_select.cc, one thread). Google Benchmark; times in ms per percentile.
//   segc_stats_bench --benchmark_filter=Uniform   (or any Google Benchmark flag)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/stats/select.h"
#include "segc/column.h"
#include "segc/stats.h"

namespace {

using segc::rt::Column;
using segc::rt::ColumnType;

constexpr int64_t kRows = 10'000'000;
constexpr double kNullRate = 0.05;

// The previous rt::Percentile for float, date and small-int columns, as it was.
std::optional<double> OldPercentile(const Column& x, double q) {
  std::vector<double> v;
  v.reserve(size_t(x.length() - x.null_count()));
  for (int64_t i = 0; i < x.length(); ++i) {
    if (!x.IsValid(i)) continue;
    v.push_back(x.type() == ColumnType::kFloat ? x.Float64(i)
                : x.type() == ColumnType::kInt ? double(x.Int64(i))
                                               : double(x.Date32(i)));
  }
  if (v.empty()) return std::nullopt;
  const double pos = q * double(v.size() - 1);
  const size_t lo = size_t(std::floor(pos));
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const double a = v[lo];
  if (double(lo) == pos) return a;
  const double b = *std::min_element(v.begin() + lo + 1, v.end());
  return a + (b - a) * (pos - double(lo));
}

template <typename T, typename Draw>
Column MakeColumn(Draw draw) {
  std::mt19937_64 rng(42);
  std::bernoulli_distribution is_null(kNullRate);
  std::vector<std::optional<T>> rows(static_cast<size_t>(kRows));
  for (auto& r : rows) {
    if (!is_null(rng)) r = draw(rng);
  }
  if constexpr (std::is_same_v<T, double>) return Column::FromFloat64(rows);
  if constexpr (std::is_same_v<T, int64_t>) return Column::FromInt64(rows);
  if constexpr (std::is_same_v<T, int32_t>) return Column::FromDate32(rows);
}

// The columns, built once: uniform doubles, a cltv-like lognormal rounded to cents (as in
// bench/gen_customers.cc), small ints (heavy duplicates) and dates over ten years.
const Column& Uniform() {
  static const Column c =
      MakeColumn<double>([](auto& r) { return std::uniform_real_distribution<double>(0, 1)(r); });
  return c;
}
const Column& Cltv() {
  static const Column c = MakeColumn<double>([](auto& r) {
    return std::round(std::exp(5.5 + 1.1 * std::normal_distribution<double>()(r)) * 100) / 100;
  });
  return c;
}
const Column& SmallInts() {
  static const Column c = MakeColumn<int64_t>([](auto& r) { return int64_t(r() % 100); });
  return c;
}
const Column& Dates() {
  static const Column c = MakeColumn<int32_t>([](auto& r) { return int32_t(16000 + r() % 3653); });
  return c;
}

enum class Kernel { kOld, kRadix, kSampled };

// Radix select alone, as rt::Percentile computed it before sampled select (no interpolation:
// the two keys are what costs).
uint64_t RadixKeys(const Column& x, double q) {
  const segc::rt::KeyScan scan = segc::rt::ScanKeys(x);
  const double pos = q * double(scan.count - 1);
  const double lo = std::floor(pos);
  const segc::rt::RankKeys keys = segc::rt::SelectKeys(x, scan, int64_t(lo), lo != pos);
  return keys.at_rank ^ keys.next;
}

void Run(benchmark::State& state, const Column& x, Kernel kernel) {
  const double q = double(state.range(0)) / 100;
  if (kernel == Kernel::kOld && OldPercentile(x, q) != *segc::rt::Percentile(x, q)) {
    state.SkipWithError("old and new kernels disagree");
    return;
  }
  for (auto _ : state) {
    switch (kernel) {
      case Kernel::kOld:
        benchmark::DoNotOptimize(OldPercentile(x, q));
        break;
      case Kernel::kRadix:
        benchmark::DoNotOptimize(RadixKeys(x, q));
        break;
      case Kernel::kSampled:
        benchmark::DoNotOptimize(segc::rt::Percentile(x, q));
        break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}

}  // namespace

// Old/<data>/q, Radix/<data>/q and Sampled/<data>/q next to each other, q = 90 (p90) and 50.
int main(int argc, char** argv) {
  const std::pair<const char*, const Column& (*)()> columns[] = {
      {"Uniform", Uniform}, {"Cltv", Cltv}, {"SmallInts", SmallInts}, {"Dates", Dates}};
  const std::pair<const char*, Kernel> kernels[] = {
      {"Old/", Kernel::kOld}, {"Radix/", Kernel::kRadix}, {"Sampled/", Kernel::kSampled}};
  for (const auto& [name, column] : columns) {
    for (const auto& [prefix, kernel] : kernels) {
      const std::string label = std::string(prefix) + name;
      benchmark::RegisterBenchmark(
          label.c_str(),
          [column = column, kernel = kernel](benchmark::State& s) { Run(s, column(), kernel); })
          ->Arg(90)
          ->Arg(50)
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
