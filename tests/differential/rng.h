// Rng: a small seeded generator (splitmix64) whose sequence is identical on every platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace segc::difftest {

/// Deterministic pseudo-random numbers; std distributions are not portable, so none are used.
class Rng {
 public:
  /// Neighbouring seeds give unrelated streams (the seed is scrambled, not used as an offset).
  explicit Rng(uint64_t seed) : state_(Mix(seed ^ 0x632BE59BD9B4E019ull)) {}

  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ull); }
  /// Uniform in [0, n) (n > 0).
  uint64_t Below(uint64_t n) { return Next() % n; }
  /// Uniform in [lo, hi].
  int64_t Range(int64_t lo, int64_t hi) { return lo + int64_t(Below(uint64_t(hi - lo) + 1)); }
  /// True with probability `p`.
  bool Chance(double p) { return double(Next() >> 11) * 0x1.0p-53 < p; }
  /// Uniform in [0, 1).
  double Unit() { return double(Next() >> 11) * 0x1.0p-53; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

}  // namespace segc::difftest
