// Buffer allocation (64-byte aligned, zero padded) and borrowed buffers with release hooks.
#include "segc/buffer.h"

#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "segc/check.h"

namespace segc::rt {
namespace {

// Buffers from this size on (a column of a million rows and more) are aligned to, and asked to
// be backed by, 2 MB pages: filling fresh memory costs a page fault per page, and on a virtual
// machine 4 KB faults can take longer than the kernel filling the column.
constexpr size_t kHugePage = size_t(2) << 20;
constexpr size_t kHugeBuffer = size_t(4) * kHugePage;

void* AllocateAligned(size_t padded) {
  if (padded < kHugeBuffer) return std::aligned_alloc(kBufferAlignment, padded);
  const size_t whole = (padded + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, whole);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (p != nullptr) madvise(p, whole, MADV_HUGEPAGE);  // advice only: failure changes nothing
#endif
  return p;
}

}  // namespace

std::shared_ptr<Buffer> Buffer::AllocateUninitialized(size_t size) {
  size_t padded = (size + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment;
  if (padded == 0) padded = kBufferAlignment;
  void* p = AllocateAligned(padded);
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
