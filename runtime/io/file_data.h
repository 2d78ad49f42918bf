// FileData: the whole content of an input file in memory (mmap, or inflated when gzip).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "segc/encoding.h"
#include "segc/result.h"

namespace segc::rt {

/// Read-only bytes of a file. Plain files are memory-mapped; gzip files (detected by their
/// magic bytes, multi-member allowed) are inflated into memory. Move-only.
class FileData {
 public:
  /// Maps or inflates `path`; kIoError when it cannot be opened or decompressed. Bytes in
  /// another `encoding` than UTF-8 are converted to UTF-8 in memory, unless they start with a
  /// UTF-8 byte-order mark (then they are UTF-8). With `hash_stored`, the file's bytes as
  /// stored (gzip: compressed; other encodings: before conversion) are hashed (FileBytesHash)
  /// while they are in memory, when the result is not the file mapping itself: see
  /// stored_hash().
  static Result<FileData> Read(const std::string& path, TextEncoding encoding = TextEncoding::kUtf8,
                               bool hash_stored = false);

  FileData() = default;
  FileData(FileData&& other) noexcept { *this = std::move(other); }
  FileData& operator=(FileData&& other) noexcept;
  FileData(const FileData&) = delete;
  FileData& operator=(const FileData&) = delete;
  ~FileData();

  /// True when the bytes are a read-only file mapping (see ReleaseMappedPages).
  bool mapped() const { return map_ != nullptr; }

  std::string_view view() const {
    return map_ ? std::string_view(static_cast<const char*>(map_), map_size_) : inflated_;
  }

  /// FileBytesHash of the stored file, when Read was asked for it and view() is not the file's
  /// bytes as stored (inflated or converted); empty otherwise.
  std::optional<uint64_t> stored_hash() const { return stored_hash_; }

 private:
  static Result<FileData> ReadBytes(const std::string& path, bool hash_stored);

  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string inflated_;
  std::optional<uint64_t> stored_hash_;
};

/// Drops the resident pages lying fully inside [begin, end) of a read-only file mapping
/// (MADV_DONTNEED), so pages already parsed do not count in the process RSS. Touching them
/// again re-reads them from the page cache, so this never changes what the bytes are. Only
/// for memory returned by FileData::Read of a plain (mapped) file: on anonymous memory it
/// would zero the data.
void ReleaseMappedPages(const char* begin, const char* end);

/// Bytes parsed between two ReleaseMappedPages calls of one parser.
inline constexpr int64_t kReleaseStride = 8 << 20;

/// Inflates gzip bytes (all members). kIoError when the stream is corrupt or truncated.
Result<std::string> GunzipBytes(std::string_view compressed, const std::string& name);

}  // namespace segc::rt
