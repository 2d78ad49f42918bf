// AtomicFileWriter: an unnamed (O_TMPFILE) or named temp file in the target directory, fsync,
// link or rename into place, fsync the directory.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string_view>
#include <thread>

#include "runtime/io/temp_files.h"
#include "segc/writer.h"

namespace segc::rt {
namespace {

constexpr size_t kFlushBytes = 1 << 20;
constexpr mode_t kNewFileMode = 0666;  // less the umask, which open() applies

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status IoFailure(const std::string& what, const std::string& path) {
  return Status::IoError(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

// Test hooks (docs/cli.md): SEGC_TEST_TEMP_FILE=named skips O_TMPFILE, and
// SEGC_TEST_WRITE_PAUSE_MS=N sleeps after the temp file is created, so tests can interrupt a
// write deterministically.
bool NamedTempForced() {
  const char* value = std::getenv("SEGC_TEST_TEMP_FILE");
  return value != nullptr && std::string_view(value) == "named";
}

void TestPause() {
  const char* value = std::getenv("SEGC_TEST_WRITE_PAUSE_MS");
  if (value != nullptr) std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(value)));
}

/// `path.tmp.XXXXXX` with six random letters or digits.
std::string TempName(const std::string& path) {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 random(std::random_device{}() ^ uint64_t(getpid()) << 32 ^
                                      counter.fetch_add(1));
  static constexpr std::string_view kChars =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string name = path + ".tmp.";
  for (int i = 0; i < 6; ++i) name += kChars[random() % kChars.size()];
  return name;
}

/// Gives the unnamed file `fd` the name `dest` (fails with EEXIST when it is taken).
int LinkUnnamed(int fd, const std::string& dest) {
  if (linkat(fd, "", AT_FDCWD, dest.c_str(), AT_EMPTY_PATH) == 0) return 0;
  std::string proc = fmt::format("/proc/self/fd/{}", fd);
  return linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, dest.c_str(), AT_SYMLINK_FOLLOW);
}

/// An unnamed file in `dir` that can be linked later (needs O_TMPFILE support in the file
/// system, and /proc for the link when the process lacks CAP_DAC_READ_SEARCH); else -1.
int OpenUnnamed(const std::string& dir) {
  if (NamedTempForced()) return -1;
  int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, kNewFileMode);
  if (fd < 0) return -1;
  if (access(fmt::format("/proc/self/fd/{}", fd).c_str(), F_OK) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int OpenNamed(const std::string& path, std::string* temp) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    *temp = TempName(path);
    int fd = open(temp->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kNewFileMode);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

void SyncDirectory(const std::string& path) {
  int dir = open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);  // best effort: makes the link or rename durable
    close(dir);
  }
}

}  // namespace

Result<AtomicFileWriter> AtomicFileWriter::Open(const std::string& path) {
  std::string temp;
  int fd = OpenUnnamed(DirectoryOf(path));
  if (fd < 0) fd = OpenNamed(path, &temp);
  if (fd < 0) return IoFailure("cannot create a temporary file next to it", path);
  AtomicFileWriter writer(path, temp, fd);
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    fchmod(fd, st.st_mode & 0777);  // a replaced file keeps its mode
  }
  TestPause();
  return writer;
}

AtomicFileWriter::AtomicFileWriter(std::string path, std::string temp_path, int fd)
    : path_(std::move(path)), temp_path_(std::move(temp_path)), fd_(fd) {
  if (!temp_path_.empty()) temp_slot_ = detail::RegisterTempFile(temp_path_);
}

AtomicFileWriter::AtomicFileWriter(AtomicFileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      fd_(other.fd_),
      temp_slot_(other.temp_slot_),
      buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
  other.temp_path_.clear();
  other.temp_slot_ = -1;
}

AtomicFileWriter::~AtomicFileWriter() { Abort(); }

void AtomicFileWriter::ForgetTemp() {
  detail::UnregisterTempFile(temp_slot_);
  temp_slot_ = -1;
  temp_path_.clear();
}

void AtomicFileWriter::Abort() {
  if (fd_ >= 0) close(fd_);  // an unnamed file disappears with its last descriptor
  fd_ = -1;
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
  ForgetTemp();
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

Status AtomicFileWriter::NameUnnamed() {
  // A new file is linked under its final name directly; an existing one is replaced by a
  // rename from a named temp, which is visible only for that moment.
  if (LinkUnnamed(fd_, path_) == 0) return Status::Ok();
  if (errno != EEXIST) return IoFailure("cannot link the new file", path_);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string temp = TempName(path_);
    temp_slot_ = detail::RegisterTempFile(temp);
    if (LinkUnnamed(fd_, temp) == 0) {
      temp_path_ = temp;
      return Status::Ok();
    }
    ForgetTemp();
    if (errno != EEXIST) return IoFailure("cannot link the new file", path_);
  }
  return IoFailure("cannot link the new file", path_);
}

Status AtomicFileWriter::Commit() {
  if (fd_ < 0) return Status::IoError(fmt::format("{}: writer is closed", path_));
  SEGC_RETURN_IF_ERROR(Flush());
  if (fsync(fd_) != 0) {
    Status s = IoFailure("fsync failed", path_);
    Abort();
    return s;
  }
  if (temp_path_.empty()) {
    Status named = NameUnnamed();
    if (!named.ok()) {
      Abort();
      return named;
    }
  }
  if (close(fd_) != 0) {
    fd_ = -1;
    Status s = IoFailure("close failed", path_);
    Abort();
    return s;
  }
  fd_ = -1;
  if (!temp_path_.empty() && rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Status s = IoFailure("rename failed", path_);
    Abort();
    return s;
  }
  ForgetTemp();
  SyncDirectory(path_);
  return Status::Ok();
}

}  // namespace segc::rt
