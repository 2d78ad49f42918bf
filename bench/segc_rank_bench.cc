// segc_rank_bench: the ranking kernels (ntile(5), cumshare, percent_rank) on a 10M-row
// cltv-like column with 5% nulls, the previous kernels (one comparison sort, one thread:
// tests/unit/runtime/rank_reference.h) beside the current ones (selection and radix sort,
// runtime/stats/rank.cc) at 1 and 2 threads. Google Benchmark; times in ms: wall ("Time") and
// the CPU time of the whole process, every thread ("CPU"), which on a shared machine shows the
// work done when the wall time shows the wait for a core.
//   segc_rank_bench --benchmark_filter=CumShare   (or any Google Benchmark flag)
#include <benchmark/benchmark.h>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "runtime/exec/thread_pool.h"
#include "segc/column.h"
#include "segc/stats.h"
#include "tests/unit/runtime/rank_reference.h"

namespace {

using segc::rt::Column;
using segc::rt::ParallelFor;

// A cltv-like lognormal rounded to cents, as bench/gen_customers.cc draws it.
const Column& Cltv() {
  static const Column c = [] {
    std::mt19937_64 rng(42);
    std::bernoulli_distribution is_null(0.05);
    std::vector<std::optional<double>> rows(10'000'000);
    for (auto& r : rows) {
      const double v = std::exp(5.5 + 1.1 * std::normal_distribution<double>()(rng));
      if (!is_null(rng)) r = std::round(v * 100) / 100;
    }
    return Column::FromFloat64(rows);
  }();
  return c;
}

enum class Kernel { kNtile, kCumShare, kPercentRank };

void RunOld(benchmark::State& state, Kernel kernel) {
  namespace ref = segc::rt::rank_reference;
  const Column& x = Cltv();
  for (auto _ : state) {
    switch (kernel) {
      case Kernel::kNtile:
        benchmark::DoNotOptimize(ref::Ntile(x, ref::NtileCuts(x, 5)));
        break;
      case Kernel::kCumShare:
        benchmark::DoNotOptimize(ref::CumShare(x));
        break;
      case Kernel::kPercentRank:
        benchmark::DoNotOptimize(ref::PercentRank(x));
        break;
    }
  }
}

void RunNew(benchmark::State& state, Kernel kernel) {
  const Column& x = Cltv();
  segc::rt::ThreadPool pool(int(state.range(0)));
  const ParallelFor parallel = [&](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool.ParallelFor(tasks, task);
  };
  for (auto _ : state) {
    switch (kernel) {
      case Kernel::kNtile:
        benchmark::DoNotOptimize(segc::rt::Ntile(x, segc::rt::NtileCuts(x, 5, parallel), parallel));
        break;
      case Kernel::kCumShare:
        benchmark::DoNotOptimize(segc::rt::CumShare(x, parallel));
        break;
      case Kernel::kPercentRank:
        benchmark::DoNotOptimize(segc::rt::PercentRank(x, parallel));
        break;
    }
  }
}

}  // namespace

// Old/<kernel> and New/<kernel>/<threads> next to each other.
int main(int argc, char** argv) {
  const std::pair<const char*, Kernel> kernels[] = {{"Ntile5", Kernel::kNtile},
                                                    {"CumShare", Kernel::kCumShare},
                                                    {"PercentRank", Kernel::kPercentRank}};
  for (const auto& [name, kernel] : kernels) {
    benchmark::RegisterBenchmark((std::string("Old/") + name).c_str(),
                                 [kernel = kernel](benchmark::State& s) { RunOld(s, kernel); })
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
    benchmark::RegisterBenchmark((std::string("New/") + name).c_str(),
                                 [kernel = kernel](benchmark::State& s) { RunNew(s, kernel); })
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
