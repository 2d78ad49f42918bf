// Private: the `pNN` percentile spelling shared by resolution and type checking.
#pragma once

#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace segc::sema::detail {

/// "p90" → 90, "p99.5" → 99.5; nullopt if `name` is not p followed by a decimal number.
inline std::optional<double> ParsePercentileName(std::string_view name) {
  if (name.size() < 2 || name[0] != 'p') return std::nullopt;
  std::string_view digits = name.substr(1);
  size_t dots = 0;
  for (char c : digits) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  if (dots > 1 || digits.front() == '.' || digits.back() == '.') return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

}  // namespace segc::sema::detail
