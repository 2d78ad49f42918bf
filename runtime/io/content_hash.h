// The content hash of a data file (`data_hash`): XXH3-64 of every 1 MiB block of the file's
// bytes, then XXH3-64 of those block hashes seeded with the size. Blocks are independent, so the
// CSV reader hashes them while it parses (each chunk the blocks lying wholly inside it, the
// main thread the few that straddle chunks): no second pass over the file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace segc::rt {

inline constexpr int64_t kHashBlockBytes = int64_t(1) << 20;

/// Block hashes of one file, filled by several parsers at once (each block by one of them).
struct BlockHashes {
  const char* base = nullptr;  ///< the file's first byte
  int64_t size = 0;
  std::vector<uint64_t> hashes;
  std::vector<uint8_t> done;  ///< by block: hashes[b] is computed

  /// Prepares the blocks of `bytes`.
  explicit BlockHashes(std::string_view bytes);
  /// Hashes the blocks lying wholly inside [from, to) that are not done yet; tasks calling this
  /// on disjoint ranges touch disjoint blocks.
  void HashWithin(const char* from, const char* to);
  /// Hashes what is left and returns the file's hash.
  uint64_t Finish();
};

}  // namespace segc::rt
