// A unified diff of two texts, line by line (`segc fmt --check`).
#pragma once

#include <string>
#include <string_view>

namespace segc::format {

/// The unified diff turning `before` into `after` (`--- a/PATH`, `+++ b/PATH`, `@@` hunks with
/// `context` lines around each change), from a shortest edit script (Myers). Empty when the
/// texts are equal. A text that does not end with a newline gets "\ No newline at end of file".
std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view path,
                        int context = 3);

}  // namespace segc::format
