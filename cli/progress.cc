// Progress: a single "\r"-rewritten status line on a terminal.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace segc::cli {

Progress::Progress(int fd) : enabled_(isatty(fd) == 1) {}

Progress::~Progress() { Clear(); }

void Progress::Step(std::string_view step) {
  if (!enabled_) return;
  // \r returns to the line start, \x1b[K erases what a longer previous step left behind.
  std::fprintf(stderr, "\rsegc: %.*s...\x1b[K", static_cast<int>(step.size()), step.data());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace segc::cli
