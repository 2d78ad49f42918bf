// Column: one typed array in the Arrow memory layout (values + validity bitmap + dictionary).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/bitmap.h"
#include "segc/buffer.h"
#include "segc/result.h"

namespace segc::rt {

/// Logical column types of the runtime (LANGUAGE.md §3).
/// Physical layout: kInt int64, kFloat float64, kBool bit-packed, kDate int32 days since
/// 1970-01-01, kString and kEnum int32 dictionary codes plus a Dictionary.
enum class ColumnType : uint8_t { kInt, kFloat, kBool, kString, kDate, kEnum };

/// The segc spelling of a type: "int", "float", "bool", "string", "date", "enum".
std::string_view ColumnTypeName(ColumnType type);

/// Byte width of one value, or 0 for the bit-packed kBool.
int ValueWidth(ColumnType type);

/// The distinct strings of a dictionary-encoded column, stored as an Arrow utf8 array
/// (int32 offsets, n + 1 of them, plus the concatenated bytes). Immutable once built.
class Dictionary {
 public:
  /// Copies `values` into a new owned dictionary.
  static std::shared_ptr<const Dictionary> Make(const std::vector<std::string_view>& values);
  /// Borrows Arrow utf8 buffers; fails if the offsets are out of range or not monotonic.
  static Result<std::shared_ptr<const Dictionary>> FromBuffers(std::shared_ptr<Buffer> offsets,
                                                               std::shared_ptr<Buffer> bytes,
                                                               int64_t size);

  int64_t size() const { return size_; }
  /// The i-th string (0 <= i < size()).
  std::string_view Get(int64_t i) const {
    const int32_t* off = offsets_->as<int32_t>();
    return {reinterpret_cast<const char*>(bytes_->data()) + off[i], size_t(off[i + 1] - off[i])};
  }
  /// Code of `value`, or -1 when absent (linear scan; dictionaries are evaluated once per entry).
  int32_t Find(std::string_view value) const;
  const std::shared_ptr<Buffer>& offsets() const { return offsets_; }
  const std::shared_ptr<Buffer>& bytes() const { return bytes_; }

 private:
  std::shared_ptr<Buffer> offsets_;
  std::shared_ptr<Buffer> bytes_;
  int64_t size_ = 0;
};

/// A column: a value type plus shared buffers. Copies and slices are zero-copy views.
/// `validity` may be null (then every row is valid). `offset` is the logical start, in rows,
/// into the buffers (as in Arrow), so imported arrays with an offset need no copy.
class Column {
 public:
  Column() = default;

  /// Assembles a column from buffers, checking that they are large enough for
  /// offset + length rows and that string/enum columns have a dictionary.
  /// `null_count` < 0 means "count it now".
  static Result<Column> Make(ColumnType type, int64_t length, std::shared_ptr<Buffer> values,
                             std::shared_ptr<Buffer> validity,
                             std::shared_ptr<const Dictionary> dictionary = nullptr,
                             int64_t offset = 0, int64_t null_count = -1);

  ColumnType type() const { return type_; }
  int64_t length() const { return length_; }
  int64_t offset() const { return offset_; }
  int64_t null_count() const { return null_count_; }

  /// True when row i holds a value.
  bool IsValid(int64_t i) const {
    return validity_ == nullptr || GetBit(validity_->data(), offset_ + i);
  }
  bool IsNull(int64_t i) const { return !IsValid(i); }

  /// Typed pointer to row 0 of the values (T matches the physical type; not for kBool).
  template <typename T>
  const T* data() const {
    return values_->as<T>() + offset_;
  }
  int64_t Int64(int64_t i) const { return data<int64_t>()[i]; }
  double Float64(int64_t i) const { return data<double>()[i]; }
  int32_t Date32(int64_t i) const { return data<int32_t>()[i]; }
  int32_t Code(int64_t i) const { return data<int32_t>()[i]; }
  bool Bool(int64_t i) const { return GetBit(values_->data(), offset_ + i); }
  /// The string of row i for kString / kEnum columns (undefined for null rows).
  std::string_view String(int64_t i) const { return dictionary_->Get(Code(i)); }

  const std::shared_ptr<Buffer>& values() const { return values_; }
  const std::shared_ptr<Buffer>& validity() const { return validity_; }
  const std::shared_ptr<const Dictionary>& dictionary() const { return dictionary_; }

  /// Rows [offset, offset + length) of this column, sharing its buffers.
  Column Slice(int64_t offset, int64_t length) const;

  /// Convenience constructors (copying), mostly for tests and embedders.
  static Column FromInt64(const std::vector<std::optional<int64_t>>& values);
  static Column FromFloat64(const std::vector<std::optional<double>>& values);
  static Column FromBool(const std::vector<std::optional<bool>>& values);
  static Column FromDate32(const std::vector<std::optional<int32_t>>& days);
  /// A kString column whose dictionary is the distinct values in first-appearance order.
  static Column FromStrings(const std::vector<std::optional<std::string>>& values);
  /// A kEnum column over `labels`; every non-null value must be one of them (SEGC_CHECK).
  static Column FromEnum(const std::vector<std::optional<std::string>>& values,
                         const std::vector<std::string>& labels);

 private:
  ColumnType type_ = ColumnType::kInt;
  int64_t length_ = 0;
  int64_t offset_ = 0;
  int64_t null_count_ = 0;
  std::shared_ptr<Buffer> values_;
  std::shared_ptr<Buffer> validity_;
  std::shared_ptr<const Dictionary> dictionary_;
};

}  // namespace segc::rt
