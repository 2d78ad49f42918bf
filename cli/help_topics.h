// What `segc help TOPIC` prints for an error code or the list of codes (testable without CLI11).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/diag/catalog.h"

namespace segc::cli {

/// True for words shaped like a diagnostic code: a letter E or W and four digits ("e0101" too).
bool LooksLikeCode(std::string_view word);

/// The documentation of a known code in `lang`: its embedded docs/errors (docs/fr/errors) page, or
/// its one-line summary when the page is missing. nullopt for an unknown code.
std::optional<std::string> CodeHelp(std::string_view code, diag::Lang lang = diag::Lang::kEn);

/// A hint for an unknown code: the nearest known code, or where the list is.
std::string UnknownCodeHint(std::string_view code);

/// `segc help codes`: every code with its severity and summary, one per line; in French, the
/// summary is the title of the code's French page.
std::string CodeList(diag::Lang lang = diag::Lang::kEn);

}  // namespace segc::cli
