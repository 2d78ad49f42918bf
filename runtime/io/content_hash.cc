// BlockHashes and FileBytesHash (the data file's content hash) over header-only XXH3.
#include "runtime/io/content_hash.h"

#include <algorithm>
#include <bit>

#include "segc/csv.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace segc::rt {

static_assert(std::endian::native == std::endian::little, "block hashes are hashed as stored");

BlockHashes::BlockHashes(std::string_view bytes) : base(bytes.data()), size(int64_t(bytes.size())) {
  const size_t blocks = size_t((size + kHashBlockBytes - 1) / kHashBlockBytes);
  hashes.assign(blocks, 0);
  done.assign(blocks, 0);
}

void BlockHashes::HashWithin(const char* from, const char* to) {
  const int64_t begin = from - base;
  const int64_t end = to - base;
  for (int64_t b = (begin + kHashBlockBytes - 1) / kHashBlockBytes; b < int64_t(hashes.size());
       ++b) {
    const int64_t start = b * kHashBlockBytes;
    const int64_t stop = std::min(size, start + kHashBlockBytes);
    if (stop > end) break;
    if (done[size_t(b)]) continue;
    hashes[size_t(b)] = XXH3_64bits(base + start, size_t(stop - start));
    done[size_t(b)] = 1;
  }
}

uint64_t BlockHashes::Finish() {
  HashWithin(base, base + size);
  return XXH3_64bits_withSeed(hashes.data(), hashes.size() * sizeof(uint64_t), uint64_t(size));
}

uint64_t FileBytesHash(std::string_view bytes) { return BlockHashes(bytes).Finish(); }

void FileBytesHasher::Update(std::string_view bytes) {
  size_ += bytes.size();
  while (!bytes.empty()) {
    const size_t room = size_t(kHashBlockBytes) - pending_.size();
    if (pending_.empty() && bytes.size() >= room) {  // a whole block: no copy
      blocks_.push_back(XXH3_64bits(bytes.data(), room));
      bytes.remove_prefix(room);
      continue;
    }
    const size_t take = std::min(room, bytes.size());
    pending_.append(bytes.data(), take);
    bytes.remove_prefix(take);
    if (pending_.size() == size_t(kHashBlockBytes)) {
      blocks_.push_back(XXH3_64bits(pending_.data(), pending_.size()));
      pending_.clear();
    }
  }
}

uint64_t FileBytesHasher::Digest() const {
  std::vector<uint64_t> blocks = blocks_;
  if (!pending_.empty()) blocks.push_back(XXH3_64bits(pending_.data(), pending_.size()));
  return XXH3_64bits_withSeed(blocks.data(), blocks.size() * sizeof(uint64_t), size_);
}

}  // namespace segc::rt
