// Colour decision for terminal output.
#include "cli/color.h"

#include <unistd.h>

namespace segc::cli {

std::optional<ColorMode> ParseColorMode(std::string_view name) {
  if (name == "auto") return ColorMode::kAuto;
  if (name == "always") return ColorMode::kAlways;
  if (name == "never") return ColorMode::kNever;
  return std::nullopt;
}

bool UseColor(ColorMode mode, int fd, const char* no_color) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(fd) == 1;
}

}  // namespace segc::cli
