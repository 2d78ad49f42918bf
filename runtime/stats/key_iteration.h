// Visiting the order-preserving keys (select.h) of a column's non-null values, in row order,
// without copying the column: shared by radix select (select.cc) and sampled select
// (sample_select.cc). Internal to runtime/stats.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "runtime/stats/select.h"
#include "segc/check.h"
#include "segc/column.h"

namespace segc::rt::rowkeys {

static_assert(std::endian::native == std::endian::little, "validity words are loaded by memcpy");

// Bits [pos, pos + width) of an Arrow bitmap (LSB first) as the low bits of a word; width <= 64.
// Reads only the bytes holding those bits.
inline uint64_t LoadBits(const uint8_t* bits, int64_t pos, int width) {
  const uint8_t* p = bits + (pos >> 3);
  const int shift = int(pos & 7);
  const int bytes = (shift + width + 7) / 8;
  uint64_t low = 0;
  std::memcpy(&low, p, size_t(std::min(bytes, 8)));
  uint64_t word = low >> shift;
  if (bytes > 8) word |= uint64_t(p[8]) << (64 - shift);  // bytes > 8 implies shift > 0
  return width == 64 ? word : word & ((uint64_t(1) << width) - 1);
}

// Bits [pos, pos + 64) of an Arrow bitmap, reading 9 bytes from byte pos / 8: only for words
// well inside the bitmap (LoadBits reads the exact bytes, for the last words).
inline uint64_t LoadInnerWord(const uint8_t* bits, int64_t pos) {
  const uint8_t* p = bits + (pos >> 3);
  const int shift = int(pos & 7);
  uint64_t low;
  std::memcpy(&low, p, 8);
  return shift == 0 ? low : (low >> shift) | (uint64_t(p[8]) << (64 - shift));
}

inline uint64_t KeyOf(int64_t v) { return IntKey(v); }
inline uint64_t KeyOf(double v) { return FloatKey(v); }
inline uint64_t KeyOf(int32_t days) { return IntKey(days); }

// Calls fn(key) for every non-null row of [begin, end) in row order, T being the column's value
// type; begin is a multiple of 64. Validity is read 64 rows at a time: full words run a tight
// loop, mixed words visit their set bits.
template <typename T, typename Fn>
void ForEachKeyOf(const Column& x, int64_t begin, int64_t end, Fn& fn) {
  SEGC_CHECK(begin % 64 == 0 && end <= x.length());
  const T* values = x.data<T>();
  if (x.validity() == nullptr) {
    for (int64_t i = begin; i < end; ++i) fn(KeyOf(values[i]));
    return;
  }
  const uint8_t* bits = x.validity()->data();
  const int64_t n = x.length();
  for (int64_t base = begin; base < end; base += 64) {
    const T* block = values + base;
    const int64_t pos = x.offset() + base;
    uint64_t word = base + 128 <= n ? LoadInnerWord(bits, pos)
                                    : LoadBits(bits, pos, int(std::min<int64_t>(64, n - base)));
    if (end - base < 64) word &= (uint64_t(1) << (end - base)) - 1;
    if (word == ~uint64_t(0)) {
      for (int j = 0; j < 64; ++j) fn(KeyOf(block[j]));
      continue;
    }
    for (; word != 0; word &= word - 1) fn(KeyOf(block[std::countr_zero(word)]));
  }
}

// Calls visit(T{}) with a value of the column's element type (int64_t, double or int32_t days).
template <typename Visit>
void WithValueType(const Column& x, Visit&& visit) {
  switch (x.type()) {
    case ColumnType::kInt:
      return visit(int64_t{});
    case ColumnType::kFloat:
      return visit(double{});
    case ColumnType::kDate:
      return visit(int32_t{});
    default:
      SEGC_UNREACHABLE();
  }
}

// Calls fn(key) for every non-null row of the int, float or date column `x`, in row order.
template <typename Fn>
void ForEachKey(const Column& x, Fn&& fn) {
  WithValueType(x, [&](auto type) { ForEachKeyOf<decltype(type)>(x, 0, x.length(), fn); });
}

}  // namespace segc::rt::rowkeys
