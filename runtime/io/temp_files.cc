// A fixed table of temp file paths and the signal handler that unlinks them. The handler only
// reads lock-free atomics and calls unlink and raise, which are async-signal-safe.
#include "runtime/io/temp_files.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "segc/writer.h"

namespace segc::rt {
namespace {

constexpr int kSlots = 32;
constexpr size_t kMaxPath = 4096;
enum SlotState : int { kFree = 0, kFilling = 1, kReady = 2 };

char g_paths[kSlots][kMaxPath];
std::atomic<int> g_state[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void RemoveTempFilesAndDie(int signal_number) {
  int saved = errno;
  for (int i = 0; i < kSlots; ++i) {
    if (g_state[i].load() == kReady) unlink(g_paths[i]);
  }
  errno = saved;
  raise(signal_number);  // SA_RESETHAND restored the default action: the process dies of it
}

}  // namespace

namespace detail {

int RegisterTempFile(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_state[i].compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
    g_state[i].store(kReady);
    return i;
  }
  return -1;
}

void UnregisterTempFile(int slot) {
  if (slot >= 0 && slot < kSlots) g_state[slot].store(kFree);
}

}  // namespace detail

void RemoveTempFilesOnSignals() {
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old;
    if (sigaction(signal_number, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) {
      continue;  // ignored (nohup) or handled by someone else: left alone
    }
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = RemoveTempFilesAndDie;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace segc::rt
