// Stable 64-bit content hashes for run provenance (`rules_hash`; `data_hash` of gzip files).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "segc/result.h"

namespace segc::cli {

/// Incremental hash: FNV-1a over 8-byte little-endian words (then the remaining bytes), with a
/// final avalanche. Stable across runs, machines and segc versions; not cryptographic.
class ContentHash {
 public:
  /// Adds bytes. Feeding the same bytes in different chunkings gives the same hash.
  void Update(std::string_view bytes);
  /// The hash of everything added so far.
  uint64_t Digest() const;

 private:
  void Word(uint64_t word);
  uint64_t state_ = 0xcbf29ce484222325ull;
  uint64_t length_ = 0;
  char pending_[8] = {};
  size_t pending_size_ = 0;
};

/// rt::FileBytesHash of a file's bytes as stored (a gzip file is hashed compressed); kIoError
/// when it cannot be read. `segc run` uses it only when the CSV reader did not hash the file
/// while loading it (gzip files).
Result<uint64_t> HashFile(const std::string& path);

/// 16 lower-case hex digits.
std::string HexDigest(uint64_t hash);

}  // namespace segc::cli
