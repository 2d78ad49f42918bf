// BitArray: a growable packed bit array (LSB first, Arrow layout) for CSV validity and bools.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "segc/buffer.h"
#include "segc/check.h"

namespace segc::rt {

/// Bits appended one at a time into 64-bit words of an aligned Buffer. The bytes of the words
/// are an Arrow bitmap (little-endian), so the buffer can become a column's validity or bool
/// values without repacking. All bits past size() are zero (words are zeroed when allocated).
class BitArray {
 public:
  void reserve(size_t n_bits) {
    if (n_bits > capacity_) Grow(n_bits);
  }
  void push_back(bool bit) {
    if (size_ == capacity_) Grow(capacity_ < 1024 ? 1024 : capacity_ + capacity_ / 2);
    words_[size_ >> 6] |= uint64_t(bit) << (size_ & 63);
    ++size_;
  }
  /// Shrinks to `n` <= size() bits (dropping the rows of a bad record).
  void resize(size_t n) {
    SEGC_CHECK(n <= size_);
    if (n == size_) return;
    const size_t first = n >> 6, last = (size_ - 1) >> 6;
    words_[first] &= (uint64_t(1) << (n & 63)) - 1;
    if (last > first) std::memset(words_ + first + 1, 0, (last - first) * 8);
    size_ = n;
  }
  size_t size() const { return size_; }
  const uint64_t* words() const { return words_; }
  bool operator[](size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }

  /// The buffer holding the bits (at least BitmapBytes(size()) bytes); leaves this empty.
  std::shared_ptr<Buffer> Release() {
    std::shared_ptr<Buffer> out = buffer_ ? std::move(buffer_) : Buffer::Allocate(0);
    *this = BitArray();
    return out;
  }

 private:
  void Grow(size_t n_bits) {
    const size_t words = (n_bits + 63) / 64;
    auto bigger = Buffer::Allocate(words * 8);
    if (size_ > 0) std::memcpy(bigger->mutable_data(), words_, (size_ + 63) / 64 * 8);
    buffer_ = std::move(bigger);
    words_ = buffer_->mutable_as<uint64_t>();
    capacity_ = words * 64;
  }

  std::shared_ptr<Buffer> buffer_;
  uint64_t* words_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

/// ORs the `n` bits of `src` (bits past `n` in its last word are zero) into bits
/// [offset, offset + n) of the zeroed-there bitmap `dest`, whose byte size covers them.
inline void OrBitsAt(const uint64_t* src, int64_t n, uint8_t* dest, int64_t offset) {
  const int shift = int(offset & 63);
  uint8_t* base = dest + (offset >> 6) * 8;
  auto or_word = [](uint8_t* at, uint64_t w) {
    uint64_t old;
    std::memcpy(&old, at, 8);
    old |= w;
    std::memcpy(at, &old, 8);
  };
  for (int64_t i = 0; i * 64 < n; ++i) {
    const uint64_t w = src[i];
    or_word(base + i * 8, w << shift);
    if (shift != 0 && (w >> (64 - shift)) != 0) or_word(base + i * 8 + 8, w >> (64 - shift));
  }
}

}  // namespace segc::rt
