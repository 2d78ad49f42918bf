// Key text ↔ row, by a linear scan: tests and explain look up a handful of keys.
#include "cli/row_keys.h"

#include <fmt/format.h>

#include <charconv>

namespace segc::cli {

std::string KeyText(const rt::Column& key, int64_t row) {
  if (key.IsNull(row)) return "null";
  if (key.type() == rt::ColumnType::kInt) return std::to_string(key.Int64(row));
  if (key.type() == rt::ColumnType::kString || key.type() == rt::ColumnType::kEnum)
    return std::string(key.String(row));
  return fmt::format("row {}", row + 1);
}

std::optional<int64_t> FindRow(const rt::Column& key, const std::string& text) {
  std::string wanted = text;
  if (key.type() == rt::ColumnType::kInt) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && end == text.data() + text.size()) wanted = std::to_string(v);
  }
  for (int64_t row = 0; row < key.length(); ++row) {
    if (KeyText(key, row) == wanted) return row;
  }
  return std::nullopt;
}

}  // namespace segc::cli
