// Bit counting and packing for Arrow bitmaps.
#include "segc/bitmap.h"

#include <bit>
#include <cstring>

namespace segc::rt {

namespace {

// The set bits of `words` 64-bit words from `bytes`. On x86-64 compiled twice, and the copy
// using the popcnt instruction is chosen at load time where the CPU has it: the baseline build
// calls libgcc once per word, several times slower (segment counts read whole bitmaps). Not
// under ThreadSanitizer: the loader runs the clone's resolver before the TSan runtime is up,
// and the instrumented resolver crashes.
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
__attribute__((target_clones("popcnt", "default")))
#endif
int64_t
CountWordBits(const uint8_t* bytes, int64_t words) {
  int64_t count = 0;
  for (int64_t w = 0; w < words; ++w) {
    uint64_t word;
    std::memcpy(&word, bytes + w * 8, 8);
    count += std::popcount(word);
  }
  return count;
}

}  // namespace

int64_t CountSetBits(const uint8_t* bits, int64_t offset, int64_t length) {
  int64_t count = 0;
  int64_t i = offset;
  const int64_t end = offset + length;
  for (; i < end && (i & 63) != 0; ++i) count += GetBit(bits, i);
  const int64_t words = (end - i) / 64;
  count += CountWordBits(bits + i / 8, words);
  i += words * 64;
  for (; i < end; ++i) count += GetBit(bits, i);
  return count;
}

void PackBits(const uint8_t* bytes, int64_t n, uint8_t* dest, int64_t dest_offset) {
  int64_t i = 0;
  for (; i < n && ((dest_offset + i) & 7) != 0; ++i) {
    if (bytes[i]) SetBit(dest, dest_offset + i);
  }
  uint8_t* out = dest + (dest_offset + i) / 8;
  for (; i + 8 <= n; i += 8) {
    // Eight 0/1 bytes into one byte: the multiply moves byte k's low bit to bit 56 + k, and
    // no two partial products share a bit, so nothing carries.
    uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    word &= 0x0101010101010101ull;
    *out++ |= uint8_t((word * 0x0102040810204080ull) >> 56);
  }
  for (; i < n; ++i) {
    if (bytes[i]) SetBit(dest, dest_offset + i);
  }
}

std::shared_ptr<Buffer> PackBitmap(const std::vector<uint8_t>& bytes) {
  auto buffer = Buffer::Allocate(BitmapBytes(int64_t(bytes.size())));
  PackBits(bytes.data(), int64_t(bytes.size()), buffer->mutable_data(), 0);
  return buffer;
}

}  // namespace segc::rt
