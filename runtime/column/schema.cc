// Schema lookups and type-name parsing.
#include "segc/schema.h"

namespace segc::rt {

int Schema::FindColumn(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return int(i);
  }
  return -1;
}

std::optional<ColumnType> ParseColumnType(std::string_view name) {
  for (ColumnType t : {ColumnType::kInt, ColumnType::kFloat, ColumnType::kBool, ColumnType::kString,
                       ColumnType::kDate, ColumnType::kEnum}) {
    if (ColumnTypeName(t) == name) return t;
  }
  return std::nullopt;
}

}  // namespace segc::rt
