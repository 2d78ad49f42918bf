// The named temporary files of open AtomicFileWriters, kept where a signal handler can remove
// them (RemoveTempFilesOnSignals in segc/writer.h).
#pragma once

#include <string>

namespace segc::rt::detail {

/// Records `path` for removal on SIGINT/SIGTERM/SIGHUP; returns its slot, or -1 when the table
/// is full or the path too long (the file is then only removed by its writer).
int RegisterTempFile(const std::string& path);

/// Forgets a slot from RegisterTempFile (-1 is ignored).
void UnregisterTempFile(int slot);

}  // namespace segc::rt::detail
