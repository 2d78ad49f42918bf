// Bit helpers for validity bitmaps and bool values (Arrow layout: LSB first within each byte).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "segc/buffer.h"

namespace segc::rt {

/// Reads bit `i` of an Arrow bitmap.
inline bool GetBit(const uint8_t* bits, int64_t i) { return (bits[i >> 3] >> (i & 7)) & 1; }

/// Sets bit `i` of an Arrow bitmap to 1.
inline void SetBit(uint8_t* bits, int64_t i) { bits[i >> 3] |= uint8_t(1u << (i & 7)); }

/// Clears bit `i` of an Arrow bitmap.
inline void ClearBit(uint8_t* bits, int64_t i) { bits[i >> 3] &= uint8_t(~(1u << (i & 7))); }

/// Bytes needed for `n` bits.
inline int64_t BitmapBytes(int64_t n) { return (n + 7) / 8; }

/// Counts the set bits in positions [offset, offset + length).
int64_t CountSetBits(const uint8_t* bits, int64_t offset, int64_t length);

/// Packs `n` bytes that are 0 or 1 into bits [dest_offset, dest_offset + n) of `dest`.
/// Bits already set in `dest` stay set; `dest` must start zeroed.
void PackBits(const uint8_t* bytes, int64_t n, uint8_t* dest, int64_t dest_offset);

/// Packs 0/1 bytes into a new owned bitmap buffer.
std::shared_ptr<Buffer> PackBitmap(const std::vector<uint8_t>& bytes);

}  // namespace segc::rt
