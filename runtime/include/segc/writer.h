// Result writers: AtomicFileWriter and membership CSV / JSON-lines output (LANGUAGE.md §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

/// Writes a file so that readers see either the old content or the complete new one: data goes
/// to a temp file in the same directory, Commit() flushes, fsyncs and renames it over `path`
/// (then fsyncs the directory). If Commit() is not reached or fails, the temp file is removed.
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
  /// Flushes, fsyncs, renames into place. After a failure the temp file is gone.
  Status Commit();
  /// Drops the temp file without touching `path` (also done by the destructor).
  void Abort();

  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFileWriter(std::string path, std::string temp_path, int fd)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), fd_(fd) {}
  Status Flush();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  std::string buffer_;
};

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
