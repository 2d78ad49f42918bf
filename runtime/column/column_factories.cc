// Copying convenience constructors: Column::FromInt64, FromFloat64, FromBool, FromStrings, ...
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "segc/check.h"
#include "segc/column.h"

namespace segc::rt {
namespace {

template <typename T, typename Value>
Column FromFixed(ColumnType type, const std::vector<std::optional<Value>>& values) {
  auto data = Buffer::Allocate(values.size() * sizeof(T));
  std::vector<uint8_t> valid(values.size());
  T* out = data->template mutable_as<T>();
  for (size_t i = 0; i < values.size(); ++i) {
    valid[i] = values[i].has_value();
    out[i] = values[i] ? T(*values[i]) : T{};
  }
  auto column = Column::Make(type, int64_t(values.size()), data, PackBitmap(valid));
  SEGC_CHECK(column.ok());
  return std::move(column).value();
}

Column FromCodes(ColumnType type, const std::vector<std::optional<int32_t>>& codes,
                 const std::vector<std::string_view>& dict) {
  auto data = Buffer::Allocate(codes.size() * sizeof(int32_t));
  std::vector<uint8_t> valid(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    valid[i] = codes[i].has_value();
    data->mutable_as<int32_t>()[i] = codes[i].value_or(0);
  }
  auto column =
      Column::Make(type, int64_t(codes.size()), data, PackBitmap(valid), Dictionary::Make(dict));
  SEGC_CHECK(column.ok());
  return std::move(column).value();
}

}  // namespace

Column Column::FromInt64(const std::vector<std::optional<int64_t>>& values) {
  return FromFixed<int64_t>(ColumnType::kInt, values);
}

Column Column::FromFloat64(const std::vector<std::optional<double>>& values) {
  return FromFixed<double>(ColumnType::kFloat, values);
}

Column Column::FromDate32(const std::vector<std::optional<int32_t>>& days) {
  return FromFixed<int32_t>(ColumnType::kDate, days);
}

Column Column::FromBool(const std::vector<std::optional<bool>>& values) {
  std::vector<uint8_t> bits(values.size()), valid(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    valid[i] = values[i].has_value();
    bits[i] = values[i].value_or(false);
  }
  auto column =
      Column::Make(ColumnType::kBool, int64_t(values.size()), PackBitmap(bits), PackBitmap(valid));
  SEGC_CHECK(column.ok());
  return std::move(column).value();
}

Column Column::FromStrings(const std::vector<std::optional<std::string>>& values) {
  std::unordered_map<std::string_view, int32_t> index;
  std::vector<std::string_view> dict;
  std::vector<std::optional<int32_t>> codes(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    auto [it, inserted] = index.emplace(*values[i], int32_t(dict.size()));
    if (inserted) dict.push_back(*values[i]);
    codes[i] = it->second;
  }
  return FromCodes(ColumnType::kString, codes, dict);
}

Column Column::FromEnum(const std::vector<std::optional<std::string>>& values,
                        const std::vector<std::string>& labels) {
  std::vector<std::string_view> dict(labels.begin(), labels.end());
  std::vector<std::optional<int32_t>> codes(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    auto it = std::find(dict.begin(), dict.end(), *values[i]);
    SEGC_CHECK(it != dict.end());
    codes[i] = int32_t(it - dict.begin());
  }
  return FromCodes(ColumnType::kEnum, codes, dict);
}

}  // namespace segc::rt
