// AtomicFileWriter: temp file in the target directory, fsync, rename, fsync the directory.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "segc/writer.h"

namespace segc::rt {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status IoFailure(const std::string& what, const std::string& path) {
  return Status::IoError(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

}  // namespace

Result<AtomicFileWriter> AtomicFileWriter::Open(const std::string& path) {
  std::string temp = path + ".tmp.XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) return IoFailure("cannot create a temporary file next to it", path);
  fchmod(fd, 0644);
  return AtomicFileWriter(path, temp, fd);
}

AtomicFileWriter::AtomicFileWriter(AtomicFileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      fd_(other.fd_),
      buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
  other.temp_path_.clear();
}

AtomicFileWriter::~AtomicFileWriter() { Abort(); }

void AtomicFileWriter::Abort() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
  temp_path_.clear();
}

Status AtomicFileWriter::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status s = IoFailure("write failed", path_);
      Abort();
      return s;
    }
    done += size_t(n);
  }
  buffer_.clear();
  return Status::Ok();
}

Status AtomicFileWriter::Write(std::string_view bytes) {
  if (fd_ < 0) return Status::IoError(fmt::format("{}: writer is closed", path_));
  buffer_.append(bytes);
  return buffer_.size() >= kFlushBytes ? Flush() : Status::Ok();
}

Status AtomicFileWriter::Commit() {
  if (fd_ < 0) return Status::IoError(fmt::format("{}: writer is closed", path_));
  SEGC_RETURN_IF_ERROR(Flush());
  if (fsync(fd_) != 0 || close(fd_) != 0) {
    Status s = IoFailure("fsync failed", path_);
    fd_ = -1;
    Abort();
    return s;
  }
  fd_ = -1;
  if (rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Status s = IoFailure("rename failed", path_);
    Abort();
    return s;
  }
  temp_path_.clear();
  int dir = open(DirectoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);  // best effort: makes the rename durable
    close(dir);
  }
  return Status::Ok();
}

}  // namespace segc::rt
