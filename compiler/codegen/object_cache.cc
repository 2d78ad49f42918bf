// Object cache files: "SEGCOBJ1" + 32-byte SHA-256 of the object + the object bytes.
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

constexpr char kMagic[] = "SEGCOBJ1";
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

// Changes whenever the kernel ABI structs change layout.
std::string KernelAbiFingerprint() {
  return std::to_string(sizeof(segc_kernel_args)) + "." + std::to_string(sizeof(segc_column)) +
         "." + std::to_string(sizeof(segc_stat_value)) + "." +
         std::to_string(sizeof(segc_dict_table));
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

std::unique_ptr<llvm::MemoryBuffer> ObjectCache::Load(const std::string& key) const {
  std::ifstream in(PathFor(key), std::ios::binary);
  if (!in) return nullptr;
  std::stringstream contents;
  contents << in.rdbuf();
  std::string file = contents.str();
  if (file.size() <= kMagicSize + kDigestSize || file.compare(0, kMagicSize, kMagic) != 0) {
    return nullptr;
  }
  llvm::StringRef object = llvm::StringRef(file).drop_front(kMagicSize + kDigestSize);
  if (Digest(object) != file.substr(kMagicSize, kDigestSize)) return nullptr;
  return llvm::MemoryBuffer::getMemBufferCopy(object, key + ".o");
}

Status ObjectCache::Store(const std::string& key, const std::string& object) const {
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
    out << kMagic << Digest(object) << object;
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
