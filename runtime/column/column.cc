// Column assembly, validation of buffer sizes, slicing, and type names.
#include "segc/column.h"

#include <fmt/format.h>

namespace segc::rt {

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
      return "int";
    case ColumnType::kFloat:
      return "float";
    case ColumnType::kBool:
      return "bool";
    case ColumnType::kString:
      return "string";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kEnum:
      return "enum";
  }
  return "?";
}

int ValueWidth(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kFloat:
      return 8;
    case ColumnType::kBool:
      return 0;
    default:
      return 4;
  }
}

namespace {
int64_t ValueBytesNeeded(ColumnType type, int64_t rows) {
  return type == ColumnType::kBool ? BitmapBytes(rows) : rows * ValueWidth(type);
}
}  // namespace

Result<Column> Column::Make(ColumnType type, int64_t length, std::shared_ptr<Buffer> values,
                            std::shared_ptr<Buffer> validity,
                            std::shared_ptr<const Dictionary> dictionary, int64_t offset,
                            int64_t null_count) {
  if (length < 0 || offset < 0) return Status::InvalidArgument("negative column length or offset");
  if (values == nullptr) values = Buffer::Allocate(0);
  if (int64_t(values->size()) < ValueBytesNeeded(type, offset + length)) {
    return Status::InvalidArgument(fmt::format("{} values buffer too small for {} rows",
                                               ColumnTypeName(type), offset + length));
  }
  if (validity && int64_t(validity->size()) < BitmapBytes(offset + length)) {
    return Status::InvalidArgument("validity bitmap too small");
  }
  bool dictionary_type = type == ColumnType::kString || type == ColumnType::kEnum;
  if (dictionary_type != (dictionary != nullptr)) {
    return Status::InvalidArgument("only string and enum columns carry a dictionary");
  }
  Column c;
  c.type_ = type;
  c.length_ = length;
  c.offset_ = offset;
  c.values_ = std::move(values);
  c.validity_ = std::move(validity);
  c.dictionary_ = std::move(dictionary);
  if (null_count < 0) {
    null_count = c.validity_ ? length - CountSetBits(c.validity_->data(), offset, length) : 0;
  }
  c.null_count_ = null_count;
  return c;
}

Column Column::Slice(int64_t offset, int64_t length) const {
  Column c = *this;
  c.offset_ = offset_ + offset;
  c.length_ = length;
  c.null_count_ = validity_ ? length - CountSetBits(validity_->data(), c.offset_, length) : 0;
  return c;
}

}  // namespace segc::rt
