// Private: the table of embedded stdlib module texts that embed_stdlib.cmake generates.
#pragma once

#include <cstddef>
#include <string_view>

namespace segc::stdlib::detail {

struct EmbeddedModule {
  std::string_view name;
  std::string_view text;
};

extern const EmbeddedModule kEmbeddedModules[];
extern const size_t kEmbeddedModuleCount;

}  // namespace segc::stdlib::detail
