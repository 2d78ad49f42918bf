// The counting pass of sampled select (see bracket_count.h). Two implementations of one rule,
// which the tests hold to the same results: a portable one visiting each non-null key, and one
// for x86-64 CPUs with AVX2 that compares four keys per instruction over whole 64-row blocks and
// applies the validity word to the resulting bit masks (nulls are compared, then dropped).
// AVX2 is chosen at run time, so the library still runs on any x86-64 CPU.
#include "runtime/stats/bracket_count.h"

#include <algorithm>
#include <bit>
#include <type_traits>

#include "runtime/stats/key_iteration.h"
#include "segc/check.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define SEGC_AVX2 __attribute__((target("avx2,popcnt")))
#endif

namespace segc::rt::bracket {
namespace {

// Int values beyond +-2^53 (not all exact doubles), as keys.
constexpr uint64_t kWideBelow = kKeySignBit - (uint64_t(1) << 53);  // IntKey(-2^53)
constexpr uint64_t kWideAbove = kKeySignBit + (uint64_t(1) << 53);  // IntKey(2^53)

template <size_t kB>
std::array<Bracket, kB> Fixed(const std::vector<Bracket>& brackets) {
  std::array<Bracket, kB> out;
  for (size_t b = 0; b < kB; ++b) out[b] = brackets[b];
  return out;
}

// The portable pass: every non-null key of [begin, end) in turn. Counts are kept in locals, not
// in `tally`: the gathered key stores could alias them.
template <typename T, size_t kB>
void CountKeys(const Column& x, int64_t begin, int64_t end, const std::array<Bracket, kB>& br,
               Tally& tally) {
  std::array<int64_t, kB> below{};
  int64_t wide = 0;
  auto visit = [&](uint64_t key) {
    for (size_t b = 0; b < kB; ++b) {
      below[b] += key < br[b].low ? 1 : 0;
      if (Inside(br[b], key)) [[unlikely]] {
        tally.inside[b].push_back(key);
      }
    }
    if constexpr (std::is_same_v<T, int64_t>) wide += key < kWideBelow || key > kWideAbove ? 1 : 0;
  };
  rowkeys::ForEachKeyOf<T>(x, begin, end, visit);
  for (size_t b = 0; b < kB; ++b) tally.below[b] += below[b];
  tally.wide += wide;
}

#if defined(__x86_64__)

// Four keys as signed lanes whose order is key order: key ^ 2^63, i.e. the int values
// themselves, and for doubles the bits with all but the sign inverted where the sign is set.
SEGC_AVX2 inline __m256i OrderedLanes(const double* p) {
  const __m256i bits = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i negative = _mm256_cmpgt_epi64(_mm256_setzero_si256(), bits);
  return _mm256_xor_si256(bits, _mm256_and_si256(negative, _mm256_set1_epi64x(INT64_MAX)));
}
// Doubles as they are: in key order among themselves only where the sign is clear, which is
// enough against brackets starting at or above +0.0 (negative doubles, -0.0 included, are
// below those either way).
SEGC_AVX2 inline __m256i RawLanes(const double* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
SEGC_AVX2 inline __m256i OrderedLanes(const int64_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
SEGC_AVX2 inline __m256i OrderedLanes(const int32_t* p) {
  return _mm256_cvtepi32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

SEGC_AVX2 inline uint64_t LaneBits(__m256i lanes) {
  return uint64_t(_mm256_movemask_pd(_mm256_castsi256_pd(lanes)));
}

SEGC_AVX2 inline __m256i SignedBound(uint64_t key) {
  return _mm256_set1_epi64x(int64_t(key ^ kKeySignBit));
}

// The validity of rows [base, base + 64) of x: all set without a bitmap.
inline uint64_t ValidityWord(const Column& x, int64_t base) {
  if (x.validity() == nullptr) return ~uint64_t(0);
  const int64_t pos = x.offset() + base;
  return base + 128 <= x.length() ? rowkeys::LoadInnerWord(x.validity()->data(), pos)
                                  : rowkeys::LoadBits(x.validity()->data(), pos, 64);
}

// The AVX2 pass over whole 64-row blocks [begin, end): per block, per bracket, a mask of the
// rows below it and of the rows outside it, then the validity word picks the rows that count.
// kRaw: a double column whose brackets all start at or above +0.0 (RawLanes).
template <typename T, size_t kB, bool kRaw>
SEGC_AVX2 void CountBlocks(const Column& x, int64_t begin, int64_t end,
                           const std::array<Bracket, kB>& br, Tally& tally) {
  const T* values = x.data<T>();
  __m256i low[kB];
  __m256i high[kB];
  for (size_t b = 0; b < kB; ++b) {
    low[b] = SignedBound(br[b].low);
    high[b] = SignedBound(br[b].high);
  }
  const __m256i wide_low = SignedBound(kWideBelow);
  const __m256i wide_high = SignedBound(kWideAbove);
  std::array<int64_t, kB> below{};
  int64_t wide = 0;
  for (int64_t base = begin; base < end; base += 64) {
    const T* block = values + base;
    std::array<uint64_t, kB> under{}, outside{};
    uint64_t beyond = 0;
#pragma GCC unroll 16
    for (int j = 0; j < 64; j += 4) {
      __m256i t;
      if constexpr (kRaw) {
        t = RawLanes(block + j);
      } else {
        t = OrderedLanes(block + j);
      }
      for (size_t b = 0; b < kB; ++b) {
        const __m256i lt = _mm256_cmpgt_epi64(low[b], t);
        const __m256i gt = _mm256_cmpgt_epi64(t, high[b]);
        under[b] |= LaneBits(lt) << j;
        outside[b] |= LaneBits(_mm256_or_si256(lt, gt)) << j;
      }
      if constexpr (std::is_same_v<T, int64_t>) {
        const __m256i far =
            _mm256_or_si256(_mm256_cmpgt_epi64(wide_low, t), _mm256_cmpgt_epi64(t, wide_high));
        beyond |= LaneBits(far) << j;
      }
    }
    const uint64_t valid = ValidityWord(x, base);
    for (size_t b = 0; b < kB; ++b) {
      below[b] += _mm_popcnt_u64(under[b] & valid);
      for (uint64_t in = ~outside[b] & valid; in != 0; in &= in - 1) {
        tally.inside[b].push_back(rowkeys::KeyOf(block[std::countr_zero(in)]));
      }
    }
    wide += _mm_popcnt_u64(beyond & valid);
  }
  for (size_t b = 0; b < kB; ++b) tally.below[b] += below[b];
  tally.wide += wide;
}

#endif  // __x86_64__

template <typename T, size_t kB>
void Count(const Column& x, int64_t begin, int64_t end, const std::vector<Bracket>& brackets,
           bool vector_unit, Tally& tally) {
  const std::array<Bracket, kB> br = Fixed<kB>(brackets);
  int64_t rest = begin;
#if defined(__x86_64__)
  if (vector_unit && HasVectorUnit()) {
    rest = begin + (end - begin) / 64 * 64;
    const bool at_or_above_zero =
        std::all_of(br.begin(), br.end(), [](const Bracket& b) { return b.low >= FloatKey(0.0); });
    if constexpr (std::is_same_v<T, double>) {
      if (at_or_above_zero) {
        CountBlocks<T, kB, true>(x, begin, rest, br, tally);
      } else {
        CountBlocks<T, kB, false>(x, begin, rest, br, tally);
      }
    } else {
      CountBlocks<T, kB, false>(x, begin, rest, br, tally);
    }
  }
#else
  (void)vector_unit;
#endif
  if (rest < end) CountKeys<T, kB>(x, rest, end, br, tally);
}

template <typename T>
void CountOf(const Column& x, int64_t begin, int64_t end, const std::vector<Bracket>& brackets,
             bool vector_unit, Tally& tally) {
  switch (brackets.size()) {
    case 1:
      return Count<T, 1>(x, begin, end, brackets, vector_unit, tally);
    case 2:
      return Count<T, 2>(x, begin, end, brackets, vector_unit, tally);
    case 3:
      return Count<T, 3>(x, begin, end, brackets, vector_unit, tally);
    case 4:
      return Count<T, 4>(x, begin, end, brackets, vector_unit, tally);
    default:
      SEGC_UNREACHABLE();
  }
}
static_assert(kMaxBrackets == 4, "CountOf instantiates one pass per bracket count");

}  // namespace

void CountRows(const Column& x, int64_t begin, int64_t end, const std::vector<Bracket>& brackets,
               bool vector_unit, Tally& tally) {
  SEGC_CHECK(begin % 64 == 0 && begin <= end && end <= x.length());
  rowkeys::WithValueType(
      x, [&](auto type) { CountOf<decltype(type)>(x, begin, end, brackets, vector_unit, tally); });
}

bool HasVectorUnit() {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

}  // namespace segc::rt::bracket
