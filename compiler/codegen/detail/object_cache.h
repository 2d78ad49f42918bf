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
/// version, so an upgrade of any of them never loads a stale object. It names the entry's file.
std::string CacheKey(const CacheKeyParts& parts);

/// The full key as recorded inside an entry: one `name=value` line per component (the program
/// as the SHA-256 of its IR text). An entry is used only when its record equals this.
std::string CacheKeyRecord(const CacheKeyParts& parts);

/// A directory of `<key>.o` files, each holding the objects of one program (one per compilation
/// unit) behind a header with the full key record and a checksum of the whole entry. A missing
/// entry is a miss; a truncated or corrupt one, or one recorded for another key (a file copied
/// or renamed in the cache), is a miss and is deleted. The cache trusts the directory: it is
/// created 0700, and one owned by another user or writable by group or others is not used
/// (docs/codegen.md, "Threat model").
class ObjectCache {
 public:
  /// Creates `dir` (mode 0700, parents as needed) and checks that only this user can write it.
  /// kIoError when it cannot be created; kInvalidArgument when it is not safe to use.
  static Result<ObjectCache> Open(const std::string& dir);

  /// The cached objects for `parts`, or nullopt on a miss (bad entries are deleted).
  std::optional<std::vector<std::string>> Load(const CacheKeyParts& parts) const;

  /// Writes the objects atomically (no partial or temporary file is left, even on a full disk);
  /// kIoError if the file cannot be written.
  Status Store(const CacheKeyParts& parts, const std::vector<std::string>& objects) const;

  /// Deletes the entry for `parts` (e.g. its objects failed to link); no error if absent.
  void Evict(const CacheKeyParts& parts) const;

 private:
  explicit ObjectCache(std::string dir) : dir_(std::move(dir)) {}
  std::string PathFor(const CacheKeyParts& parts) const;
  std::string dir_;
};

}  // namespace segc::codegen::detail
