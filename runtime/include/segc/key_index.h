// KeyIndex: a hash index from the values of a key column to their rows (key integrity, joins).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// Why a column cannot be a key: the first offending row in row order.
struct KeyProblem {
  enum class Kind : uint8_t { kNone, kDuplicate, kNull };
  Kind kind = Kind::kNone;
  int64_t row = -1;        ///< the null row, or the second occurrence of a duplicate
  int64_t first_row = -1;  ///< kDuplicate: the earlier row holding the same key
};

/// Maps each key of a kInt or dictionary-coded (kString, kEnum) column to its row.
/// Int keys whose range is at most about twice the row count (ids 1..N, with gaps) use a direct
/// array; other int keys use open addressing (linear probing, load <= 1/2, 8-byte slots holding
/// a hash tag and the row). String keys are indexed through their dictionary codes, so a probe
/// costs one hash of the dictionary entry. Immutable once built; Find and Map may be called
/// from many threads at once. The index keeps the key column's buffers alive.
class KeyIndex {
 public:
  /// "No such key" in Find and Map.
  static constexpr int32_t kNoRow = -1;

  KeyIndex();
  ~KeyIndex();
  KeyIndex(KeyIndex&&) noexcept;
  KeyIndex& operator=(KeyIndex&&) noexcept;

  /// Indexes `keys`. A null key, or a key seen in an earlier row, makes it fail with
  /// kDataError ("duplicate key '42' in rows 3 and 8", rows 0-based) and, when `problem` is
  /// given, fills it with the rows of the first such problem in row order. kInvalidArgument for a
  /// column of another type or with more than INT32_MAX rows.
  static Result<KeyIndex> Build(const Column& keys, KeyProblem* problem = nullptr);

  /// The row holding `key`, or kNoRow (also when the index is over strings).
  int64_t Find(int64_t key) const;
  /// The row holding `key`, or kNoRow (also when the index is over ints).
  int64_t Find(std::string_view key) const;

  /// The row of every value of `foreign_keys` (kNoRow for nulls and unknown keys), computed on
  /// `threads` threads (0 = hardware concurrency). The column must be of the same kind as the
  /// keys (kInt for kInt; kString or kEnum for string keys), else kInvalidArgument.
  Result<std::vector<int32_t>> Map(const Column& foreign_keys, int threads = 0) const;

  /// Rows indexed (the key column's length).
  int64_t size() const;
  /// Bytes of the index's own tables (not the key column).
  int64_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The text of the key in `row` of `keys` as it appears in messages: the number, or the string.
std::string KeyText(const Column& keys, int64_t row);

}  // namespace segc::rt
