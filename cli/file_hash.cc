// ContentHash and HashFile.
#include "cli/file_hash.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "segc/csv.h"

namespace segc::cli {
namespace {

constexpr uint64_t kPrime = 0x100000001b3ull;

uint64_t LoadLittleEndian(const char* p) {
  uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | static_cast<unsigned char>(p[i]);
  return word;
}

}  // namespace

void ContentHash::Word(uint64_t word) {
  state_ = (state_ ^ word) * kPrime;
  state_ ^= state_ >> 29;
}

void ContentHash::Update(std::string_view bytes) {
  length_ += bytes.size();
  while (pending_size_ > 0 && pending_size_ < 8 && !bytes.empty()) {
    pending_[pending_size_++] = bytes.front();
    bytes.remove_prefix(1);
  }
  if (pending_size_ == 8) {
    Word(LoadLittleEndian(pending_));
    pending_size_ = 0;
  }
  while (bytes.size() >= 8) {
    Word(LoadLittleEndian(bytes.data()));
    bytes.remove_prefix(8);
  }
  std::memcpy(pending_ + pending_size_, bytes.data(), bytes.size());
  pending_size_ += bytes.size();
}

uint64_t ContentHash::Digest() const {
  uint64_t h = state_;
  for (size_t i = 0; i < pending_size_; ++i) {
    h = (h ^ static_cast<unsigned char>(pending_[i])) * kPrime;
  }
  // Length and a murmur-style finalizer, so that trailing zero bytes and short inputs mix well.
  h ^= length_;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

Result<uint64_t> HashFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file)
    return Status::IoError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  rt::FileBytesHasher hash;
  std::vector<char> buffer(1 << 20);
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    hash.Update(std::string_view(buffer.data(), n));
  }
  if (std::ferror(file.get())) {
    return Status::IoError(fmt::format("cannot read '{}': read error", path));
  }
  return hash.Digest();
}

std::string HexDigest(uint64_t hash) { return fmt::format("{:016x}", hash); }

}  // namespace segc::cli
