// Rule-language source text for numbers and names.
#include "compiler/ast/source_text.h"

#include <charconv>

namespace segc::ast {
namespace {

bool IsIdentifierText(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string FormatNumber(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string FormatName(std::string_view name) {
  return IsIdentifierText(name) ? std::string(name) : "`" + std::string(name) + "`";
}

}  // namespace segc::ast
