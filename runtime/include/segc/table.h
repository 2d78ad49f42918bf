// Table: named columns of equal length; copies, projections and slices share buffers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// An immutable set of named columns with one row count. Cheap to copy (buffers are shared).
class Table {
 public:
  Table() = default;

  /// Builds a table; fails with kInvalidArgument when lengths differ, names repeat, or the
  /// name and column counts differ.
  static Result<Table> Make(std::vector<std::string> names, std::vector<Column> columns);

  int64_t num_rows() const { return num_rows_; }
  int num_columns() const { return int(columns_.size()); }
  const Column& column(int i) const { return columns_[i]; }
  const std::string& name(int i) const { return names_[i]; }
  const std::vector<std::string>& names() const { return names_; }

  /// Index of the column named `name`, or -1.
  int FindColumn(std::string_view name) const;
  /// The column named `name`, or nullptr.
  const Column* GetColumn(std::string_view name) const;

  /// A zero-copy projection onto `names` (in that order); kInvalidArgument for unknown names.
  Result<Table> Select(const std::vector<std::string>& names) const;
  /// Rows [offset, offset + length) of every column, zero-copy.
  Table Slice(int64_t offset, int64_t length) const;

 private:
  std::vector<std::string> names_;
  std::vector<Column> columns_;
  int64_t num_rows_ = 0;
};

/// The rows of `parts` one after another, in new buffers (a copy of every column). The parts
/// must have the same column names and types in the same order; string and enum dictionaries are
/// merged into one (codes remapped), unless every part shares one dictionary. kInvalidArgument
/// when `parts` is empty or the parts differ in their columns.
Result<Table> ConcatTables(const std::vector<Table>& parts);

}  // namespace segc::rt
