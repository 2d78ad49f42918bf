// FileData: mmap of plain files and zlib inflation of .gz input.
#include "runtime/io/file_data.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "segc/csv.h"

namespace segc::rt {

FileData& FileData::operator=(FileData&& other) noexcept {
  if (this != &other) {
    if (map_) munmap(map_, map_size_);
    map_ = other.map_;
    map_size_ = other.map_size_;
    inflated_ = std::move(other.inflated_);
    stored_hash_ = other.stored_hash_;
    other.map_ = nullptr;
    other.map_size_ = 0;
  }
  return *this;
}

FileData::~FileData() {
  if (map_) munmap(map_, map_size_);
}

Result<FileData> FileData::Read(const std::string& path, TextEncoding encoding, bool hash_stored) {
  SEGC_TRY(FileData raw, ReadBytes(path, hash_stored));
  // A UTF-8 byte-order mark says what the file is (Excel's "CSV UTF-8"), whatever was asked.
  bool utf8_bom = raw.view().substr(0, 3) == "\xEF\xBB\xBF";
  if (encoding == TextEncoding::kUtf8 || utf8_bom) return raw;
  FileData converted;
  converted.inflated_ = ToUtf8(raw.view(), encoding);
  converted.stored_hash_ = raw.stored_hash_;
  if (hash_stored && raw.mapped()) converted.stored_hash_ = FileBytesHash(raw.view());
  return converted;
}

Result<FileData> FileData::ReadBytes(const std::string& path, bool hash_stored) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(fmt::format("cannot open {}: {}", path, strerror(errno)));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::IoError(fmt::format("{}: not a regular file", path));
  }
  FileData data;
  if (st.st_size > 0) {
    void* p = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int error = errno;
      close(fd);
      if (error == ENOMEM) {  // the address space limit, not a bad file
        return Status::ResourceExhausted(
            fmt::format("not enough memory to load '{}' ({} bytes)", path, st.st_size));
      }
      return Status::IoError(fmt::format("{}: cannot map: {}", path, strerror(error)));
    }
    madvise(p, size_t(st.st_size), MADV_SEQUENTIAL);
    data.map_ = p;
    data.map_size_ = size_t(st.st_size);
  }
  close(fd);
  std::string_view bytes = data.view();
  if (bytes.size() >= 2 && uint8_t(bytes[0]) == 0x1f && uint8_t(bytes[1]) == 0x8b) {
    SEGC_TRY(std::string inflated, GunzipBytes(bytes, path));
    FileData out;
    out.inflated_ = std::move(inflated);
    if (hash_stored) out.stored_hash_ = FileBytesHash(bytes);  // data_hash: the compressed bytes
    return out;
  }
  return data;
}

void ReleaseMappedPages(const char* begin, const char* end) {
  const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
  const uintptr_t b = (uintptr_t(begin) + page - 1) & ~(page - 1);
  const uintptr_t e = uintptr_t(end) & ~(page - 1);
  if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
}

Result<std::string> GunzipBytes(std::string_view compressed, const std::string& name) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::IoError("zlib init failed");
  std::string out;
  out.resize(std::max<size_t>(compressed.size() * 4, 1 << 16));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  // zlib counts in uInt: inputs over 4 GiB are fed in pieces.
  size_t fed = compressed.size() > UINT32_MAX ? UINT32_MAX : compressed.size();
  zs.avail_in = uInt(fed);
  size_t produced = 0;
  int rc = Z_OK;
  while (true) {
    if (produced == out.size()) out.resize(out.size() * 2);
    size_t room = std::min<size_t>(out.size() - produced, UINT32_MAX);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = uInt(room);
    rc = inflate(&zs, Z_NO_FLUSH);
    produced += room - zs.avail_out;
    if (zs.avail_in == 0 && fed < compressed.size()) {
      size_t more = std::min<size_t>(compressed.size() - fed, UINT32_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
      zs.avail_in = uInt(more);
      fed += more;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    return Status::IoError(fmt::format("{}: corrupt or truncated gzip data", name));
  }
  out.resize(produced);
  return out;
}

}  // namespace segc::rt
