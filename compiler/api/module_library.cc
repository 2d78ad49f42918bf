// Module lookup in memory and in library folders.
#include "compiler/api/module_library.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace segc::api {
namespace {

std::optional<std::string> ReadModuleFile(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// DIR/NAME.seg with symlinks resolved, only when it stays inside DIR (also resolved): a
// symlink in a --lib folder cannot pull in a file from elsewhere.
std::optional<std::filesystem::path> InsideFolder(const std::string& dir, const std::string& name) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::canonical(dir, error);
  if (error) return std::nullopt;
  std::filesystem::path file = std::filesystem::canonical(folder / (name + ".seg"), error);
  if (error || file.parent_path() != folder) return std::nullopt;
  return file;
}

}  // namespace

std::optional<sema::ModuleText> ModuleLibrary::Find(const std::string& name) const {
  if (auto it = texts_.find(name); it != texts_.end()) {
    return sema::ModuleText{"<memory>/" + name + ".seg", it->second};
  }
  for (const std::string& dir : dirs_) {
    if (!InsideFolder(dir, name)) continue;
    std::filesystem::path path = std::filesystem::path(dir) / (name + ".seg");
    if (std::optional<std::string> text = ReadModuleFile(path)) {
      return sema::ModuleText{path.string(), *text};
    }
  }
  return std::nullopt;
}

std::vector<std::string> ModuleLibrary::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, text] : texts_) names.push_back(name);
  for (const std::string& dir : dirs_) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.path().extension() == ".seg") names.push_back(entry.path().stem().string());
    }
  }
  return names;
}

}  // namespace segc::api
