// MD5 written from RFC 1321 (section 3 and the reference constants), and the split bucket.
#include "compiler/ir/split_hash.h"

#include <cmath>
#include <cstring>

namespace segc::ir {
namespace {

// Per-round shift amounts (RFC 1321, 3.4).
constexpr uint32_t kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

// T[i] = floor(2^32 * |sin(i + 1)|) (RFC 1321, 3.4), computed once.
struct SineTable {
  uint32_t t[64];
  SineTable() {
    for (int i = 0; i < 64; ++i) {
      t[i] = static_cast<uint32_t>(std::floor(4294967296.0 * std::fabs(std::sin(i + 1.0))));
    }
  }
};

uint32_t Rotl(uint32_t x, uint32_t c) { return (x << c) | (x >> (32 - c)); }

void Block(uint32_t state[4], const uint8_t* block, const uint32_t* t) {
  uint32_t m[16];
  for (int i = 0; i < 16; ++i) {
    m[i] = uint32_t(block[i * 4]) | uint32_t(block[i * 4 + 1]) << 8 |
           uint32_t(block[i * 4 + 2]) << 16 | uint32_t(block[i * 4 + 3]) << 24;
  }
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  for (uint32_t i = 0; i < 64; ++i) {
    uint32_t f;
    uint32_t g;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (b & d) | (c & ~d);
      g = (5 * i + 1) % 16;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) % 16;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) % 16;
    }
    uint32_t next = b + Rotl(a + f + t[i] + m[g], kShift[i]);
    a = d;
    d = c;
    c = b;
    b = next;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
}

}  // namespace

std::array<uint8_t, 16> Md5(std::string_view bytes) {
  static const SineTable table;
  uint32_t state[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t n = bytes.size();
  size_t full = n / 64;
  for (size_t i = 0; i < full; ++i) Block(state, data + i * 64, table.t);
  // Padding: 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian.
  uint8_t tail[128] = {};
  size_t rest = n - full * 64;
  if (rest > 0) std::memcpy(tail, data + full * 64, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest < 56 ? 64 : 128;
  uint64_t bits = uint64_t(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 8 + i] = uint8_t(bits >> (8 * i));
  for (size_t off = 0; off < tail_len; off += 64) Block(state, tail + off, table.t);
  std::array<uint8_t, 16> digest;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) digest[i * 4 + j] = uint8_t(state[i] >> (8 * j));
  }
  return digest;
}

std::string Md5Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t byte : Md5(bytes)) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

std::string SplitKeyText(int64_t key) { return std::to_string(key); }

uint32_t SplitBucket(std::string_view salt, std::string_view key_text) {
  std::string message;
  message.reserve(salt.size() + 1 + key_text.size());
  message.append(salt);
  message += ':';
  message.append(key_text);
  std::array<uint8_t, 16> digest = Md5(message);
  uint32_t h = uint32_t(digest[0]) << 24 | uint32_t(digest[1]) << 16 | uint32_t(digest[2]) << 8 |
               uint32_t(digest[3]);
  return h % kSplitBuckets;
}

std::vector<int64_t> PackSalt(std::string_view salt) {
  std::vector<int64_t> words{int64_t(salt.size())};
  for (size_t i = 0; i < salt.size(); i += 8) {
    uint64_t word = 0;
    for (size_t j = 0; j < 8 && i + j < salt.size(); ++j) {
      word |= uint64_t(uint8_t(salt[i + j])) << (8 * j);
    }
    words.push_back(int64_t(word));
  }
  return words;
}

std::string UnpackSalt(const int64_t* words, size_t count) {
  if (count == 0 || words[0] < 0) return {};
  size_t length = size_t(words[0]);
  std::string salt;
  for (size_t i = 0; i < length && 1 + i / 8 < count; ++i) {
    salt += char(uint8_t(uint64_t(words[1 + i / 8]) >> (8 * (i % 8))));
  }
  return salt;
}

}  // namespace segc::ir
