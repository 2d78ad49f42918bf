// The error-code documentation pages (docs/errors/CODE.md, in French docs/fr/errors/CODE.md),
// embedded into segc at build time.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "compiler/diag/catalog.h"

namespace segc::cli {

/// One embedded page: the code ("E0101") and the Markdown text.
struct ErrorDoc {
  std::string_view id;
  std::string_view text;
};

/// Every page found in docs/errors/ when segc was built, sorted by code (generated file).
const std::vector<ErrorDoc>& EmbeddedErrorDocs();
/// Every page found in docs/fr/errors/ (generated file).
const std::vector<ErrorDoc>& EmbeddedFrenchErrorDocs();

/// The page for `id` (exact, upper-case code) in `lang`, or nullopt.
std::optional<std::string_view> FindErrorDoc(std::string_view id,
                                             diag::Lang lang = diag::Lang::kEn);

/// The summary a page gives in its title ("# E0101 : colonne inconnue" -> "colonne inconnue"),
/// or nullopt when the page has no such title.
std::optional<std::string_view> PageSummary(std::string_view page);

}  // namespace segc::cli
