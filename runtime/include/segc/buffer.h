// Buffer: an immutable byte range, either owned (64-byte aligned) or borrowed with a release hook.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace segc::rt {

/// Alignment of every buffer the runtime allocates (Arrow recommends 64 bytes).
inline constexpr size_t kBufferAlignment = 64;

/// A contiguous block of memory shared by columns through `std::shared_ptr<Buffer>`.
/// An owned buffer is allocated 64-byte aligned, its size rounded up to a multiple of 64 with
/// zeroed padding. A borrowed buffer points into memory someone else owns (for example an Arrow
/// C Data Interface array); `owner` is kept alive until the last Buffer referring to it dies,
/// which is how an embedder's release callback is triggered (see MakeReleaseHook).
class Buffer {
 public:
  /// Allocates `size` bytes, zero-initialised, 64-byte aligned. Aborts on out-of-memory.
  static std::shared_ptr<Buffer> Allocate(size_t size);
  /// Like Allocate, but only the padding after `size` is zeroed: the caller overwrites all of
  /// [0, size) before anyone reads it.
  static std::shared_ptr<Buffer> AllocateUninitialized(size_t size);
  /// Like AllocateUninitialized, but from 8 MB on the memory is 2 MB aligned and advised for
  /// transparent huge pages (MADV_HUGEPAGE): for scratch and result columns a kernel fills at
  /// once, where first-touch page faults would cost more than the kernel (the ranking kernels).
  /// Not the default: for the CSV loader huge pages cost more system time than they saved
  /// (docs/data-loading.md, "Page faults").
  static std::shared_ptr<Buffer> AllocateHuge(size_t size);
  /// Wraps memory owned elsewhere; `owner` is released when the last reference goes away.
  static std::shared_ptr<Buffer> Wrap(const void* data, size_t size,
                                      std::shared_ptr<const void> owner);

  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();

  const uint8_t* data() const { return data_; }
  /// Writable pointer; only meaningful for owned buffers that are still being filled.
  uint8_t* mutable_data() { return data_; }
  size_t size() const { return size_; }
  bool owned() const { return owned_; }

  template <typename T>
  const T* as() const {
    return reinterpret_cast<const T*>(data_);
  }
  template <typename T>
  T* mutable_as() {
    return reinterpret_cast<T*>(data_);
  }

 private:
  static std::shared_ptr<Buffer> AllocateOwned(size_t size, bool huge);
  Buffer(uint8_t* data, size_t size, bool owned, std::shared_ptr<const void> owner)
      : data_(data), size_(size), owned_(owned), owner_(std::move(owner)) {}

  uint8_t* data_;
  size_t size_;
  bool owned_;
  std::shared_ptr<const void> owner_;
};

/// Returns a token whose destruction (when the last copy dies) calls `release` exactly once.
/// Pass it as the `owner` of every Buffer::Wrap over one foreign allocation.
std::shared_ptr<const void> MakeReleaseHook(std::function<void()> release);

}  // namespace segc::rt
