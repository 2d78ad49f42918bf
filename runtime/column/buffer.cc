// Buffer allocation (64-byte aligned, zero padded) and borrowed buffers with release hooks.
#include "segc/buffer.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "segc/check.h"

namespace segc::rt {

std::shared_ptr<Buffer> Buffer::AllocateUninitialized(size_t size) {
  size_t padded = (size + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment;
  if (padded == 0) padded = kBufferAlignment;
  void* p = std::aligned_alloc(kBufferAlignment, padded);
  if (p == nullptr) throw std::bad_alloc();
  std::memset(static_cast<uint8_t*>(p) + size, 0, padded - size);
  return std::shared_ptr<Buffer>(new Buffer(static_cast<uint8_t*>(p), size, true, nullptr));
}

std::shared_ptr<Buffer> Buffer::Allocate(size_t size) {
  auto buffer = AllocateUninitialized(size);
  std::memset(buffer->mutable_data(), 0, size);
  return buffer;
}

std::shared_ptr<Buffer> Buffer::Wrap(const void* data, size_t size,
                                     std::shared_ptr<const void> owner) {
  auto* bytes = const_cast<uint8_t*>(static_cast<const uint8_t*>(data));
  return std::shared_ptr<Buffer>(new Buffer(bytes, size, false, std::move(owner)));
}

Buffer::~Buffer() {
  if (owned_) std::free(data_);
}

namespace {
struct ReleaseHook {
  std::function<void()> release;
  ~ReleaseHook() {
    if (release) release();
  }
};
}  // namespace

std::shared_ptr<const void> MakeReleaseHook(std::function<void()> release) {
  auto hook = std::make_shared<ReleaseHook>();  // built in place: no temporary may fire it
  hook->release = std::move(release);
  return hook;
}

}  // namespace segc::rt
