// Dictionary: Arrow utf8 storage of the distinct strings of a string or enum column.
#include <cstring>

#include "segc/column.h"

namespace segc::rt {

std::shared_ptr<const Dictionary> Dictionary::Make(const std::vector<std::string_view>& values) {
  size_t total = 0;
  for (std::string_view v : values) total += v.size();
  auto dict = std::make_shared<Dictionary>();
  dict->size_ = int64_t(values.size());
  dict->offsets_ = Buffer::Allocate((values.size() + 1) * sizeof(int32_t));
  dict->bytes_ = Buffer::Allocate(total);
  int32_t* offsets = dict->offsets_->mutable_as<int32_t>();
  uint8_t* out = dict->bytes_->mutable_data();
  int64_t pos = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    offsets[i] = int32_t(pos);
    if (!values[i].empty()) std::memcpy(out + pos, values[i].data(), values[i].size());
    pos += int64_t(values[i].size());
  }
  offsets[values.size()] = int32_t(pos);
  return dict;
}

Result<std::shared_ptr<const Dictionary>> Dictionary::FromBuffers(std::shared_ptr<Buffer> offsets,
                                                                  std::shared_ptr<Buffer> bytes,
                                                                  int64_t size) {
  if (size < 0 || offsets == nullptr || offsets->size() < size_t(size + 1) * sizeof(int32_t)) {
    return Status::InvalidArgument("dictionary offsets buffer is too small");
  }
  const int32_t* off = offsets->as<int32_t>();
  for (int64_t i = 0; i < size; ++i) {
    if (off[i] < 0 || off[i] > off[i + 1]) {
      return Status::InvalidArgument("dictionary offsets are not monotonic");
    }
  }
  if (size > 0 && (bytes == nullptr || size_t(off[size]) > bytes->size())) {
    return Status::InvalidArgument("dictionary offsets point past the data buffer");
  }
  auto dict = std::make_shared<Dictionary>();
  dict->offsets_ = std::move(offsets);
  dict->bytes_ = bytes ? std::move(bytes) : Buffer::Allocate(0);
  dict->size_ = size;
  return std::shared_ptr<const Dictionary>(std::move(dict));
}

int32_t Dictionary::Find(std::string_view value) const {
  for (int64_t i = 0; i < size_; ++i) {
    if (Get(i) == value) return int32_t(i);
  }
  return -1;
}

}  // namespace segc::rt
