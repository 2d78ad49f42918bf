// ValueArray: a growable array of fixed-width values in an aligned Buffer (CSV chunk columns).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>

#include "segc/buffer.h"
#include "segc/check.h"

namespace segc::rt {

/// Like std::vector<T> for trivially copyable T, but the storage is a 64-byte aligned Buffer
/// that can be handed over without a copy: a CSV chunk that turns out to hold the whole table
/// becomes the column's values buffer directly (csv_merge.cc).
template <typename T>
class ValueArray {
 public:
  void reserve(size_t n) {
    if (n > capacity_) Grow(n);
  }
  /// Writes into `capacity` slots owned elsewhere (a chunk's range of the final column buffer)
  /// instead of an own buffer; appending past `capacity` is then a bug.
  void Attach(T* data, size_t capacity) {
    *this = ValueArray();
    data_ = data;
    capacity_ = capacity;
    attached_ = true;
  }
  void push_back(T value) {
    if (size_ == capacity_) Grow(capacity_ < 16 ? 16 : capacity_ + capacity_ / 2);
    data_[size_++] = value;
  }
  /// Shrinks to `n` <= size() elements (dropping the rows of a bad record).
  void resize(size_t n) {
    SEGC_CHECK(n <= size_);
    size_ = n;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  T operator[](size_t i) const { return data_[i]; }

  /// The buffer holding the values (it may be larger than size() elements); leaves this empty.
  std::shared_ptr<Buffer> Release() {
    std::shared_ptr<Buffer> out = buffer_ ? std::move(buffer_) : Buffer::Allocate(0);
    *this = ValueArray();
    return out;
  }

 private:
  void Grow(size_t n) {
    SEGC_CHECK(!attached_);
    auto bigger = Buffer::AllocateUninitialized(n * sizeof(T));
    if (size_ > 0) std::memcpy(bigger->mutable_data(), data_, size_ * sizeof(T));
    buffer_ = std::move(bigger);
    data_ = buffer_->mutable_as<T>();
    capacity_ = n;
  }

  std::shared_ptr<Buffer> buffer_;
  T* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  bool attached_ = false;
};

}  // namespace segc::rt
