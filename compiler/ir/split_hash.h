// The split hash (docs/language.md, "Splits"): MD5 (RFC 1321) of `salt ':' key_text`, its first
// four bytes read as a big-endian unsigned 32-bit integer, modulo 10000. Shared by the
// interpreter, the JIT's runtime helper and the tests; the SQL emitter writes the same formula.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace segc::ir {

/// The 16-byte MD5 digest of `bytes` (RFC 1321).
std::array<uint8_t, 16> Md5(std::string_view bytes);
/// The digest as 32 lowercase hex digits (what SQL's md5() returns).
std::string Md5Hex(std::string_view bytes);

/// Buckets a split assigns: arms take consecutive ranges of 0..kSplitBuckets-1 by basis points.
inline constexpr uint32_t kSplitBuckets = 10000;

/// The text of an int key: decimal, '-' for negatives, no leading zeros or '+'.
std::string SplitKeyText(int64_t key);
/// The bucket (0..9999) of a key written as `key_text` under `salt`.
uint32_t SplitBucket(std::string_view salt, std::string_view key_text);

/// How the IR carries a salt in a call: its length, then its bytes packed eight per int64
/// (little-endian, zero-padded), so the call's arguments stay integers every backend reads.
std::vector<int64_t> PackSalt(std::string_view salt);
/// The inverse of PackSalt over `words` (the first is the length).
std::string UnpackSalt(const int64_t* words, size_t count);

}  // namespace segc::ir
