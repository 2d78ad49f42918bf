// ConcatTables: the rows of several tables with the same columns, copied into one table.
#include <fmt/format.h>

#include <cstring>

#include "runtime/io/string_map.h"
#include "segc/table.h"

namespace segc::rt {
namespace {

bool HasNulls(const std::vector<const Column*>& pieces) {
  for (const Column* c : pieces) {
    if (c->null_count() > 0) return true;
  }
  return false;
}

// Copies the bits of `count` rows (validity or bool values) of each piece, one after another.
template <typename Bit>
std::shared_ptr<Buffer> ConcatBits(const std::vector<const Column*>& pieces, int64_t rows,
                                   Bit bit) {
  auto out = Buffer::Allocate(size_t(BitmapBytes(rows)));
  int64_t row = 0;
  for (const Column* c : pieces) {
    for (int64_t i = 0; i < c->length(); ++i, ++row) {
      if (bit(*c, i)) SetBit(out->mutable_data(), row);
    }
  }
  return out;
}

std::shared_ptr<Buffer> ConcatFixed(const std::vector<const Column*>& pieces, int64_t rows,
                                    int width) {
  auto out = Buffer::AllocateUninitialized(size_t(rows * width));
  uint8_t* at = out->mutable_data();
  for (const Column* c : pieces) {
    const size_t bytes = size_t(c->length() * width);
    if (bytes > 0) std::memcpy(at, c->values()->data() + c->offset() * width, bytes);
    at += bytes;
  }
  return out;
}

bool SharedDictionary(const std::vector<const Column*>& pieces) {
  for (const Column* c : pieces) {
    if (c->dictionary() != pieces[0]->dictionary()) return false;
  }
  return true;
}

// Codes onto one dictionary holding every piece's distinct strings (in first-seen order).
Result<Column> ConcatDictionary(const std::vector<const Column*>& pieces, int64_t rows,
                                std::shared_ptr<Buffer> validity) {
  const ColumnType type = pieces[0]->type();
  if (SharedDictionary(pieces)) {
    return Column::Make(type, rows, ConcatFixed(pieces, rows, 4), validity,
                        pieces[0]->dictionary());
  }
  StringMap map;
  std::vector<std::string_view> distinct;
  auto codes = Buffer::AllocateUninitialized(size_t(rows) * 4);
  int32_t* out = codes->mutable_as<int32_t>();
  for (const Column* c : pieces) {
    std::vector<int32_t> remap;
    for (int64_t e = 0; e < c->dictionary()->size(); ++e) {
      remap.push_back(map.Insert(c->dictionary()->Get(e), int32_t(distinct.size())));
      if (remap.back() == int32_t(distinct.size())) distinct.push_back(c->dictionary()->Get(e));
    }
    for (int64_t i = 0; i < c->length(); ++i) *out++ = c->IsValid(i) ? remap[c->Code(i)] : 0;
  }
  return Column::Make(type, rows, codes, validity, Dictionary::Make(distinct));
}

Result<Column> ConcatColumn(const std::vector<const Column*>& pieces, int64_t rows) {
  std::shared_ptr<Buffer> validity;
  if (HasNulls(pieces)) {
    validity = ConcatBits(pieces, rows, [](const Column& c, int64_t i) { return c.IsValid(i); });
  }
  switch (pieces[0]->type()) {
    case ColumnType::kBool:
      return Column::Make(
          ColumnType::kBool, rows,
          ConcatBits(pieces, rows, [](const Column& c, int64_t i) { return c.Bool(i); }), validity);
    case ColumnType::kString:
    case ColumnType::kEnum:
      return ConcatDictionary(pieces, rows, validity);
    default:
      break;
  }
  const ColumnType type = pieces[0]->type();
  return Column::Make(type, rows, ConcatFixed(pieces, rows, ValueWidth(type)), validity);
}

Status CheckSameColumns(const Table& first, const Table& other) {
  if (other.names() != first.names()) {
    return Status::InvalidArgument("tables to concatenate have different column names");
  }
  for (int i = 0; i < first.num_columns(); ++i) {
    if (other.column(i).type() != first.column(i).type()) {
      return Status::InvalidArgument(fmt::format(
          "column '{}' is {} in one table and {} in another", first.name(i),
          ColumnTypeName(first.column(i).type()), ColumnTypeName(other.column(i).type())));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Table> ConcatTables(const std::vector<Table>& parts) {
  if (parts.empty()) return Status::InvalidArgument("no tables to concatenate");
  int64_t rows = 0;
  for (const Table& part : parts) {
    SEGC_RETURN_IF_ERROR(CheckSameColumns(parts[0], part));
    rows += part.num_rows();
  }
  std::vector<Column> columns;
  for (int i = 0; i < parts[0].num_columns(); ++i) {
    std::vector<const Column*> pieces;
    for (const Table& part : parts) pieces.push_back(&part.column(i));
    SEGC_TRY(Column column, ConcatColumn(pieces, rows));
    columns.push_back(std::move(column));
  }
  return Table::Make(parts[0].names(), std::move(columns));
}

}  // namespace segc::rt
