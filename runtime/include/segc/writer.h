// Result writers: AtomicFileWriter and membership CSV / JSON-lines output (LANGUAGE.md §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// Writes a file so that readers see either the old content or the complete new one, and no
/// partial or temporary file is left behind. The data goes to an unnamed file (O_TMPFILE) in
/// the target's directory, or where the file system has none to a named `path.tmp.XXXXXX`.
/// Commit() flushes and fsyncs it, then links a new file under its name or renames it over the
/// old one, and fsyncs the directory. A new file has mode 0666 less the umask; a replaced
/// regular file keeps its mode. If Commit() is not reached or fails, the temp file is removed
/// (an unnamed one also when the process is killed; a named one on SIGINT, SIGTERM and SIGHUP
/// after RemoveTempFilesOnSignals()).
class AtomicFileWriter {
 public:
  /// Creates the temp file next to `path`; kIoError when the directory is not writable.
  static Result<AtomicFileWriter> Open(const std::string& path);

  AtomicFileWriter(AtomicFileWriter&& other) noexcept;
  AtomicFileWriter& operator=(AtomicFileWriter&&) = delete;
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  /// Appends bytes (buffered). kIoError on a failed write; the writer is then unusable.
  Status Write(std::string_view bytes);
  /// Flushes, fsyncs, puts the file in place. After a failure the temp file is gone.
  Status Commit();
  /// Drops the temp file without touching `path` (also done by the destructor).
  void Abort();

  /// The named temp file, or "" while the data goes to an unnamed one.
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFileWriter(std::string path, std::string temp_path, int fd);
  Status Flush();
  Status NameUnnamed();
  void ForgetTemp();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  int temp_slot_ = -1;  ///< in the signal handler's table, or -1
  std::string buffer_;
};

/// For programs (the segc CLI): installs SIGINT, SIGTERM and SIGHUP handlers that remove the
/// named temp files of open writers, then let the signal end the process as before. Signals
/// that are ignored or already handled are left alone. A library embedder need not call it.
void RemoveTempFilesOnSignals();

/// One output column of a run: a name and a column. Bool columns (segment bitmaps) print as
/// 0/1, float columns (scores) as shortest round-trip decimals, enum/string columns (class
/// labels) as their text; any null prints as an empty CSV field or JSON null.
struct OutputColumn {
  std::string name;
  Column column;
};

/// Writes `key` then `columns` as CSV (header row, RFC 4180 quoting when needed), atomically.
/// kInvalidArgument when lengths differ; kIoError on write failures (no file is left behind).
Status WriteMembershipCsv(const std::string& path, const OutputColumn& key,
                          const std::vector<OutputColumn>& columns);

/// Same content as one JSON object per line: {"key": ..., "Seg": 1, "score": 12.5, ...}.
Status WriteMembershipJsonl(const std::string& path, const OutputColumn& key,
                            const std::vector<OutputColumn>& columns);

}  // namespace segc::rt
