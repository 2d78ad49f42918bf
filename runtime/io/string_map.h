// StringMap: open-addressing hash map from string_view to int32 code (dictionary building).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace segc::rt {

/// Fast non-cryptographic hash of a byte string (8 bytes per step, multiply-xorshift mixing).
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = s.size() * kMul;
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul;
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

/// Maps strings (not owned: keys must outlive the map) to int32 codes. Linear probing,
/// power-of-two capacity, load factor <= 1/2.
class StringMap {
 public:
  StringMap() { Rehash(16); }

  /// The code of `key`, or -1.
  int32_t Find(std::string_view key) const {
    uint64_t h = HashBytes(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.code < 0) return -1;
      if (s.hash == h && s.key == key) return s.code;
    }
  }

  /// Inserts key -> code unless present; returns the code stored for key.
  int32_t Insert(std::string_view key, int32_t code) {
    uint64_t h = HashBytes(key);
    size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.code < 0) break;
      if (s.hash == h && s.key == key) return s.code;
    }
    slots_[i] = {key, h, code};
    if (++size_ * 2 > slots_.size()) Rehash(slots_.size() * 2);
    return code;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;
    uint64_t hash = 0;
    int32_t code = -1;
  };

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.code < 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].code >= 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace segc::rt
