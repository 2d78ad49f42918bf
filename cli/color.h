// Whether diagnostics get ANSI colours (--color auto|always|never, NO_COLOR).
#pragma once

#include <optional>
#include <string_view>

namespace segc::cli {

enum class ColorMode { kAuto, kAlways, kNever };

/// Parses "auto", "always" or "never".
std::optional<ColorMode> ParseColorMode(std::string_view name);

/// always → true; never → false; auto → `fd` is a terminal and NO_COLOR is unset or empty
/// (https://no-color.org). `no_color` is the value of NO_COLOR (nullptr when unset).
bool UseColor(ColorMode mode, int fd, const char* no_color);

}  // namespace segc::cli
