// CustomerTable, EventTable: generated columns of each type.
#include "tests/fuzz/fuzz_table.h"

#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "segc/check.h"

namespace segc::fuzz {
namespace {

// Row 2 of every non-key column is null; the other rows cycle through these.
constexpr int64_t kNullRow = 2;
constexpr int64_t kInts[] = {0, -7, 0, std::numeric_limits<int64_t>::max(), 42};
constexpr double kFloats[] = {1.5, -0.0, 0, 1e308, 0.1};
constexpr bool kBools[] = {true, false, false, true, false};
// 2026-11-01, 1970-01-01, -, 2147-12-18, 1915-03-25: inside what the CSV reader accepts.
constexpr int32_t kDates[] = {20758, 0, 0, 65000, -20000};
const char* const kStrings[] = {"Gold", "", "", "caf\xc3\xa9", "a,b \"q\""};

template <typename T>
std::optional<T> Cell(const T* cycle, int64_t row, bool nullable) {
  if (nullable && row == kNullRow) return std::nullopt;
  return cycle[row % 5];
}

/// A key value: distinct per customer (row i % kCustomerRows), never null unless `null`.
std::optional<std::string> KeyText(int64_t customer, bool null) {
  if (null) return std::nullopt;
  return "k" + std::to_string(customer);
}

template <typename T>
std::vector<std::optional<T>> Cycle(const T* cycle, int64_t rows) {
  std::vector<std::optional<T>> values;
  for (int64_t i = 0; i < rows; ++i) values.push_back(Cell(cycle, i, true));
  return values;
}

rt::Column StringColumn(int64_t rows) {
  std::vector<std::optional<std::string>> values;
  for (int64_t i = 0; i < rows; ++i) {
    if (i == kNullRow) {
      values.push_back(std::nullopt);
    } else {
      values.push_back(kStrings[i % 5]);
    }
  }
  return rt::Column::FromStrings(values);
}

rt::Column EnumColumn(const rt::ColumnSpec& spec, int64_t rows) {
  std::vector<std::optional<std::string>> values;
  for (int64_t i = 0; i < rows; ++i) {
    if (i == kNullRow || spec.enum_values.empty()) {
      values.push_back(std::nullopt);
    } else {
      values.push_back(spec.enum_values[size_t(i) % spec.enum_values.size()]);
    }
  }
  return rt::Column::FromEnum(values, spec.enum_values);
}

rt::Column ValueColumn(const rt::ColumnSpec& spec, int64_t rows) {
  switch (spec.type) {
    case rt::ColumnType::kInt:
      return rt::Column::FromInt64(Cycle(kInts, rows));
    case rt::ColumnType::kFloat:
      return rt::Column::FromFloat64(Cycle(kFloats, rows));
    case rt::ColumnType::kBool:
      return rt::Column::FromBool(Cycle(kBools, rows));
    case rt::ColumnType::kDate:
      return rt::Column::FromDate32(Cycle(kDates, rows));
    case rt::ColumnType::kEnum:
      return EnumColumn(spec, rows);
    case rt::ColumnType::kString:
      break;
  }
  return StringColumn(rows);
}

/// The key column of `spec`'s type: row i holds customer i % kCustomerRows's key; `null_last`
/// makes the last row's key null (an event that belongs to nobody).
rt::Column KeyColumn(const rt::ColumnSpec& spec, int64_t rows, bool null_last) {
  std::vector<std::optional<std::string>> texts;
  std::vector<std::optional<int64_t>> ints;
  for (int64_t i = 0; i < rows; ++i) {
    bool null = null_last && i == rows - 1;
    texts.push_back(KeyText(i % kCustomerRows, null));
    ints.push_back(null ? std::nullopt : std::optional<int64_t>(i % kCustomerRows + 1));
  }
  if (spec.type == rt::ColumnType::kInt) return rt::Column::FromInt64(ints);
  // Keys of other types (sema refuses most of them) get ordinary values of their type.
  if (spec.type != rt::ColumnType::kString) return ValueColumn(spec, rows);
  return rt::Column::FromStrings(texts);
}

rt::Table MakeTable(const rt::Schema& schema, int64_t rows, bool events) {
  std::vector<std::string> names;
  std::vector<rt::Column> columns;
  for (const rt::ColumnSpec& spec : schema.columns) {
    names.push_back(spec.name);
    columns.push_back(spec.name == schema.key ? KeyColumn(spec, rows, events)
                                              : ValueColumn(spec, rows));
  }
  Result<rt::Table> table = rt::Table::Make(std::move(names), std::move(columns));
  SEGC_CHECK(table.ok());  // names are unique: sema rejects a repeated column
  return std::move(table).value();
}

}  // namespace

rt::Table CustomerTable(const rt::Schema& schema) {
  return MakeTable(schema, kCustomerRows, false);
}

rt::Table EventTable(const rt::Schema& schema) { return MakeTable(schema, kEventRows, true); }

}  // namespace segc::fuzz
