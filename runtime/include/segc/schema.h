// Schema: the runtime's description of a table (names, types, enum labels, date formats).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// One declared column. `enum_values` is used only for kEnum; `date_format` only for kDate
/// (empty means ISO "%Y-%m-%d"). The compiler converts its `table` declaration into this.
struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::kString;
  std::vector<std::string> enum_values;
  std::string date_format;
  /// kFloat only: how the file writes 1234.56 ("1 234,56 €", "1.234,56", "12,5%" for a
  /// percent); empty = plain numbers. See NumberFormat (runtime/io/number_format.h).
  std::string number_format = "";
  /// kBool only: "TRUE/FALSE", the column's own texts for true and false ("O/N", "X/-"),
  /// read besides the usual ones, in any letter case; empty = the usual ones only.
  std::string bool_tokens = "";
};

/// A table declaration: its name, its key column and its columns in declaration order.
struct Schema {
  std::string table_name;
  std::string key;
  std::vector<ColumnSpec> columns;

  /// Index of the column named `name`, or -1.
  int FindColumn(std::string_view name) const;
};

/// Parses a segc type name ("int", "float", "bool", "string", "date", "enum").
std::optional<ColumnType> ParseColumnType(std::string_view name);

/// The directives a `date("...")` format may use (docs/data-loading.md#date-formats).
inline constexpr const char* kSupportedDateDirectives = "%Y %m %d %y %b %H %M %S %%";

/// Ok when the CSV reader can read dates written in `format` (empty = "%Y-%m-%d"), else
/// kInvalidArgument naming the first directive it cannot: `segc check` reports it at the schema.
Status ValidateDateFormat(std::string_view format);
/// Whether `example` is a number format a float column can declare (1234.56 written with
/// thousands separators, a decimal mark, a currency text, or 12,5% for percents).
Status ValidateNumberFormat(std::string_view example);
/// Whether `tokens` is "TRUE/FALSE": two different non-empty texts without spaces around.
Status ValidateBoolTokens(std::string_view tokens);

}  // namespace segc::rt
