// ModuleLibrary: where `import NAME` finds modules — in-memory texts, then library folders.
// (The embedded stdlib comes after both; sema looks there itself.)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/check.h"

namespace segc::api {

/// Modules given in memory (embedders, tests) and folders searched for NAME.seg (`--lib`).
/// Immutable once built; reading a folder happens at lookup, through this class only.
class ModuleLibrary : public sema::ModuleResolver {
 public:
  ModuleLibrary() = default;
  ModuleLibrary(std::vector<std::string> dirs, std::map<std::string, std::string> texts)
      : dirs_(std::move(dirs)), texts_(std::move(texts)) {}

  /// An in-memory module first (path "<memory>/NAME.seg"), then DIR/NAME.seg of the first folder
  /// that has it.
  std::optional<sema::ModuleText> Find(const std::string& name) const override;
  /// The in-memory modules and the .seg files of every folder.
  std::vector<std::string> Names() const override;

 private:
  std::vector<std::string> dirs_;
  std::map<std::string, std::string> texts_;
};

}  // namespace segc::api
