// On-disk cache of compiled kernel objects, keyed by what determines the machine code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_includes.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// Everything the machine code depends on; two equal keys give byte-identical objects.
struct CacheKeyParts {
  std::string ir_text;   // the program as printed by the IR printer
  std::string cpu;       // host CPU name
  std::string features;  // host CPU feature string
  int opt_level = 2;
};

/// Hex SHA-256 of the key parts plus the LLVM version, the segc version and the kernel ABI
/// version, so an upgrade of any of them never loads a stale object.
std::string CacheKey(const CacheKeyParts& parts);

/// A directory of `<key>.o` files, each holding the objects of one program (one per compilation
/// unit) behind a header with a checksum. A missing, truncated or corrupt entry is a miss (and
/// is overwritten by the next Store).
class ObjectCache {
 public:
  explicit ObjectCache(std::string dir) : dir_(std::move(dir)) {}

  /// The cached objects for `key`, or nullopt on a miss.
  std::optional<std::vector<std::string>> Load(const std::string& key) const;

  /// Writes the objects atomically (temporary file + rename); kIoError if the directory cannot
  /// be created or written.
  Status Store(const std::string& key, const std::vector<std::string>& objects) const;

 private:
  std::string PathFor(const std::string& key) const;
  std::string dir_;
};

}  // namespace segc::codegen::detail
