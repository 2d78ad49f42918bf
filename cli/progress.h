// Progress lines on stderr while `segc run` works, shown only when stderr is a terminal.
#pragma once

#include <string_view>

namespace segc::cli {

/// Prints "segc: STEP..." on one self-overwriting stderr line when enabled; Clear() erases it.
/// Disabled (silent) when stderr is not a terminal, so pipes and logs stay clean.
class Progress {
 public:
  /// Enabled iff `fd` is a terminal.
  explicit Progress(int fd);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Shows `step` in place of the previous one.
  void Step(std::string_view step);
  /// Erases the line (before anything else is written to stderr or at the end).
  void Clear();

 private:
  bool enabled_ = false;
  bool shown_ = false;
};

}  // namespace segc::cli
