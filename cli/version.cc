// Version strings from the build (SEGC_VERSION, SEGC_LLVM_VERSION: set by cli/CMakeLists.txt).
#include "cli/version.h"

#include <fmt/format.h>

namespace segc::cli {

std::string_view ProjectVersion() { return SEGC_VERSION; }

std::string VersionString() {
  return fmt::format("segc {} (LLVM {})", SEGC_VERSION, SEGC_LLVM_VERSION);
}

}  // namespace segc::cli
