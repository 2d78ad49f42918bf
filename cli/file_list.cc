#include "cli/file_list.h"

#include <algorithm>
#include <filesystem>

namespace segc::cli {

std::vector<std::string> FilesUnder(const std::string& dir, std::string_view extension) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == extension) {
      found.push_back(it->path().string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace segc::cli
