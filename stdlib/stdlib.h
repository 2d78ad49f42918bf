// The stdlib library modules (stdlib/*.seg), embedded into the binary at build time.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace segc::stdlib {

/// The source text of stdlib module `name` ("rfm" → the text of stdlib/rfm.seg), if it exists.
/// The view points into static storage and stays valid for the whole program.
std::optional<std::string_view> FindStdlibModule(std::string_view name);

/// The names of every embedded stdlib module, in the order CMake lists them.
std::vector<std::string_view> StdlibModuleNames();

}  // namespace segc::stdlib
