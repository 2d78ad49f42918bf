// Object cache files: "SEGCOBJ3" + 32-byte SHA-256 of the rest + the key record as a
// length-prefixed field + the payload, which is each object as an 8-byte little-endian length
// followed by its bytes.
#include "compiler/codegen/detail/object_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "segc/kernel_abi.h"
#include "segc/writer.h"

namespace segc::codegen::detail {
namespace {

constexpr char kMagic[] = "SEGCOBJ3";
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

std::string CacheKeyRecord(const CacheKeyParts& parts) {
  return "segc=" + std::string(SEGC_VERSION_STRING) +
         "\nllvm=" LLVM_VERSION_STRING "\nabi=" + KernelAbiFingerprint() + "\ncpu=" + parts.cpu +
         "\nfeatures=" + parts.features + "\nopt=" + std::to_string(parts.opt_level) +
         "\nprogram=" + Hex(Digest(parts.ir_text)) + "\n";
}

Result<ObjectCache> ObjectCache::Open(const std::string& dir) {
  std::error_code error;
  std::filesystem::path path(dir);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::IoError("cannot create cache directory '" + dir + "': " + std::strerror(errno));
  }
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::IoError("cannot create cache directory '" + dir + "': not a directory");
  }
  // Anyone who can write the directory can make segc run their code (docs/codegen.md).
  if (st.st_uid != geteuid()) {
    return Status::InvalidArgument("'" + dir + "' belongs to another user");
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return Status::InvalidArgument("'" + dir + "' is writable by other users (chmod go-w)");
  }
  return ObjectCache(dir);
}

std::string ObjectCache::PathFor(const CacheKeyParts& parts) const {
  return (std::filesystem::path(dir_) / (CacheKey(parts) + ".o")).string();
}

std::optional<std::vector<std::string>> ObjectCache::Load(const CacheKeyParts& parts) const {
  const std::string path = PathFor(parts);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream contents;
  contents << in.rdbuf();
  std::string file = contents.str();
  auto bad = [&]() -> std::optional<std::vector<std::string>> {
    unlink(path.c_str());  // evicted: the next Store rewrites it
    return std::nullopt;
  };
  if (file.size() <= kMagicSize + kDigestSize || file.compare(0, kMagicSize, kMagic) != 0) {
    return bad();
  }
  llvm::StringRef body = llvm::StringRef(file).drop_front(kMagicSize + kDigestSize);
  if (Digest(body) != file.substr(kMagicSize, kDigestSize)) return bad();
  std::optional<std::vector<std::string>> fields = SplitPayload(body);
  if (!fields || fields->size() < 2 || (*fields)[0] != CacheKeyRecord(parts)) return bad();
  fields->erase(fields->begin());
  return fields;
}

Status ObjectCache::Store(const CacheKeyParts& parts,
                          const std::vector<std::string>& objects) const {
  const std::string path = PathFor(parts);
  std::vector<std::string> fields{CacheKeyRecord(parts)};
  fields.insert(fields.end(), objects.begin(), objects.end());
  std::string body = Payload(fields);
  SEGC_TRY(rt::AtomicFileWriter out, rt::AtomicFileWriter::Open(path));
  SEGC_RETURN_IF_ERROR(out.Write(kMagic));
  SEGC_RETURN_IF_ERROR(out.Write(Digest(body)));
  SEGC_RETURN_IF_ERROR(out.Write(body));
  return out.Commit();
}

void ObjectCache::Evict(const CacheKeyParts& parts) const { unlink(PathFor(parts).c_str()); }

}  // namespace segc::codegen::detail
