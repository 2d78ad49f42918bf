// The version string of `segc --version`.
#pragma once

#include <string>
#include <string_view>

namespace segc::cli {

/// The CMake project version ("0.1.0").
std::string_view ProjectVersion();

/// "segc 0.1.0 (LLVM 19.1.7)": the project version and the LLVM segc was built with.
std::string VersionString();

}  // namespace segc::cli
