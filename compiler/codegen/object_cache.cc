// Object cache files: "SEGCOBJ2" + 32-byte SHA-256 of the payload + the payload, which is
// each object as an 8-byte little-endian length followed by its bytes.
#include "compiler/codegen/detail/object_cache.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "segc/kernel_abi.h"

namespace segc::codegen::detail {
namespace {

constexpr char kMagic[] = "SEGCOBJ2";
constexpr size_t kMagicSize = sizeof(kMagic) - 1;
constexpr size_t kDigestSize = 32;

#ifndef SEGC_VERSION_STRING
#define SEGC_VERSION_STRING "unknown"
#endif

std::string Digest(llvm::StringRef bytes) {
  std::array<uint8_t, kDigestSize> hash = llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes));
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 15];
  }
  return hex;
}

void AppendField(llvm::SHA256& hasher, llvm::StringRef field) {
  // Length-prefixed so that ("ab", "c") and ("a", "bc") hash differently.
  std::string length = std::to_string(field.size()) + ":";
  hasher.update(length);
  hasher.update(field);
}

// Changes whenever the kernel ABI structs change layout or meaning.
std::string KernelAbiFingerprint() {
  return std::to_string(SEGC_KERNEL_ABI_REVISION) + ":" + std::to_string(sizeof(segc_kernel_args)) +
         "." + std::to_string(sizeof(segc_column)) + "." + std::to_string(sizeof(segc_stat_value)) +
         "." + std::to_string(sizeof(segc_dict_table));
}

std::string Payload(const std::vector<std::string>& objects) {
  std::string payload;
  for (const std::string& object : objects) {
    uint64_t size = object.size();
    for (int byte = 0; byte < 8; ++byte) payload += char((size >> (8 * byte)) & 0xff);
    payload += object;
  }
  return payload;
}

std::optional<std::vector<std::string>> SplitPayload(llvm::StringRef payload) {
  std::vector<std::string> objects;
  while (!payload.empty()) {
    if (payload.size() < 8) return std::nullopt;
    uint64_t size = 0;
    for (int byte = 0; byte < 8; ++byte) size |= uint64_t(uint8_t(payload[byte])) << (8 * byte);
    payload = payload.drop_front(8);
    if (size > payload.size()) return std::nullopt;
    objects.push_back(payload.take_front(size).str());
    payload = payload.drop_front(size);
  }
  if (objects.empty()) return std::nullopt;
  return objects;
}

}  // namespace

std::string CacheKey(const CacheKeyParts& parts) {
  llvm::SHA256 hasher;
  AppendField(hasher, "segc-kernel-object");
  AppendField(hasher, SEGC_VERSION_STRING);
  AppendField(hasher, LLVM_VERSION_STRING);
  AppendField(hasher, KernelAbiFingerprint());
  AppendField(hasher, parts.cpu);
  AppendField(hasher, parts.features);
  AppendField(hasher, std::to_string(parts.opt_level));
  AppendField(hasher, parts.ir_text);
  std::array<uint8_t, kDigestSize> hash = hasher.final();
  return Hex(std::string(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

std::string ObjectCache::PathFor(const std::string& key) const {
  return (std::filesystem::path(dir_) / (key + ".o")).string();
}

std::optional<std::vector<std::string>> ObjectCache::Load(const std::string& key) const {
  std::ifstream in(PathFor(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream contents;
  contents << in.rdbuf();
  std::string file = contents.str();
  if (file.size() <= kMagicSize + kDigestSize || file.compare(0, kMagicSize, kMagic) != 0) {
    return std::nullopt;
  }
  llvm::StringRef payload = llvm::StringRef(file).drop_front(kMagicSize + kDigestSize);
  if (Digest(payload) != file.substr(kMagicSize, kDigestSize)) return std::nullopt;
  return SplitPayload(payload);
}

Status ObjectCache::Store(const std::string& key, const std::vector<std::string>& objects) const {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error) {
    return Status::IoError("cannot create cache directory '" + dir_ + "': " + error.message());
  }
  std::string path = PathFor(key);
  static std::atomic<uint64_t> counter{0};
  std::string temporary =
      path + ".tmp" + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    std::string payload = Payload(objects);
    out << kMagic << Digest(payload) << payload;
    if (!out.flush()) return Status::IoError("cannot write cache file '" + temporary + "'");
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return Status::IoError("cannot write cache file '" + path + "'");
  }
  return Status::Ok();
}

}  // namespace segc::codegen::detail
