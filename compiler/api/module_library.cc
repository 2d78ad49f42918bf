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

}  // namespace

std::optional<sema::ModuleText> ModuleLibrary::Find(const std::string& name) const {
  if (auto it = texts_.find(name); it != texts_.end()) {
    return sema::ModuleText{"<memory>/" + name + ".seg", it->second};
  }
  for (const std::string& dir : dirs_) {
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
