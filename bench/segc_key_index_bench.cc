// KeyIndex micro benchmark (Google Benchmark): Build and Map on 10M keys, dense, sparse, strings.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "segc/key_index.h"

namespace segc::rt {
namespace {

constexpr int64_t kKeys = 10'000'000;

// 10M distinct int keys in shuffled order: dense ids 1..N, or random 63-bit values.
Column IntKeys(bool dense) {
  std::vector<int64_t> v(kKeys);
  std::iota(v.begin(), v.end(), int64_t{1});
  std::mt19937_64 rng(42);
  if (!dense) {
    for (int64_t& x : v) x = int64_t(rng() >> 1);
  }
  std::shuffle(v.begin(), v.end(), rng);
  auto buffer = Buffer::Allocate(v.size() * sizeof(int64_t));
  std::copy(v.begin(), v.end(), buffer->mutable_as<int64_t>());
  return Column::Make(ColumnType::kInt, kKeys, buffer, nullptr).value();
}

Column StringKeys() {
  std::vector<std::string> text(kKeys);
  std::vector<std::string_view> views(kKeys);
  for (int64_t i = 0; i < kKeys; ++i) text[i] = "C" + std::to_string(i * 7 + 1000000);
  for (int64_t i = 0; i < kKeys; ++i) views[i] = text[i];
  auto codes = Buffer::Allocate(kKeys * sizeof(int32_t));
  std::iota(codes->mutable_as<int32_t>(), codes->mutable_as<int32_t>() + kKeys, 0);
  return Column::Make(ColumnType::kString, kKeys, codes, nullptr, Dictionary::Make(views)).value();
}

const Column& Keys(int kind) {
  static const Column dense = IntKeys(true), sparse = IntKeys(false), strings = StringKeys();
  return kind == 0 ? dense : kind == 1 ? sparse : strings;
}

void BM_Build(benchmark::State& state) {
  const Column& keys = Keys(int(state.range(0)));
  for (auto _ : state) {
    Result<KeyIndex> index = KeyIndex::Build(keys);
    if (!index.ok()) state.SkipWithError(index.status().message().c_str());
    benchmark::DoNotOptimize(index);
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}

// Map 10M foreign keys (the keys themselves, shuffled again) on 1 and 2 threads.
void BM_Map(benchmark::State& state) {
  const Column& keys = Keys(int(state.range(0)));
  KeyIndex index = KeyIndex::Build(keys).value();
  for (auto _ : state) {
    Result<std::vector<int32_t>> rows = index.Map(keys, int(state.range(1)));
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * kKeys);
}

BENCHMARK(BM_Build)
    ->ArgName("dense0_sparse1_str2")
    ->DenseRange(0, 2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Map)->ArgsProduct({{0, 1, 2}, {1, 2}})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace segc::rt

BENCHMARK_MAIN();
