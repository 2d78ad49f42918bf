// `segc diff --base-rev REV`: the rule project as it was at a git revision, in a temporary
// directory.
#pragma once

#include <string>
#include <vector>

#include "segc/result.h"

namespace segc::cli {

/// A temporary directory removed (with its contents) when this goes out of scope.
class TempDir {
 public:
  TempDir() = default;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  /// Creates it under $TMPDIR (or /tmp); kIoError when that fails.
  Status Create();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Writes the files of `paths` (rule files or project directories, in the work tree of a git
/// repository) as they were at revision `rev` into `into`, keeping their paths relative to the
/// repository's top; returns the paths to give the pipeline, in the same order. A rule file
/// brings its whole directory (its schema.seg). kInvalidArgument (with git's message) for a
/// revision or path git does not know, kIoError when git cannot be run or a file not written.
Result<std::vector<std::string>> ExtractAtRevision(const std::vector<std::string>& paths,
                                                   const std::string& rev, const std::string& into);

}  // namespace segc::cli
