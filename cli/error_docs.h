// The error-code documentation pages (docs/errors/CODE.md), embedded into segc at build time.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace segc::cli {

/// One embedded page: the code ("E0101") and the Markdown text.
struct ErrorDoc {
  std::string_view id;
  std::string_view text;
};

/// Every page found in docs/errors/ when segc was built, sorted by code (generated file).
const std::vector<ErrorDoc>& EmbeddedErrorDocs();

/// The page for `id` (exact, upper-case code), or nullopt.
std::optional<std::string_view> FindErrorDoc(std::string_view id);

}  // namespace segc::cli
