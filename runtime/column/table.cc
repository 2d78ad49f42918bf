// Table construction, lookup by name, zero-copy projection and slicing.
#include "segc/table.h"

#include <fmt/format.h>

#include <unordered_set>

namespace segc::rt {

Result<Table> Table::Make(std::vector<std::string> names, std::vector<Column> columns) {
  if (names.size() != columns.size()) {
    return Status::InvalidArgument("table needs one name per column");
  }
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!seen.insert(names[i]).second) {
      return Status::InvalidArgument(fmt::format("duplicate column name '{}'", names[i]));
    }
    if (columns[i].length() != columns[0].length()) {
      return Status::InvalidArgument(fmt::format("column '{}' has {} rows, expected {}", names[i],
                                                 columns[i].length(), columns[0].length()));
    }
  }
  Table t;
  t.num_rows_ = columns.empty() ? 0 : columns[0].length();
  t.names_ = std::move(names);
  t.columns_ = std::move(columns);
  return t;
}

int Table::FindColumn(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return int(i);
  }
  return -1;
}

const Column* Table::GetColumn(std::string_view name) const {
  int i = FindColumn(name);
  return i < 0 ? nullptr : &columns_[i];
}

Result<Table> Table::Select(const std::vector<std::string>& names) const {
  std::vector<Column> columns;
  for (const std::string& name : names) {
    const Column* c = GetColumn(name);
    if (c == nullptr) return Status::InvalidArgument(fmt::format("no column named '{}'", name));
    columns.push_back(*c);
  }
  SEGC_TRY(Table t, Make(names, std::move(columns)));
  if (names.empty()) t.num_rows_ = num_rows_;
  return t;
}

Table Table::Slice(int64_t offset, int64_t length) const {
  Table t = *this;
  for (Column& c : t.columns_) c = c.Slice(offset, length);
  t.num_rows_ = length;
  return t;
}

}  // namespace segc::rt
