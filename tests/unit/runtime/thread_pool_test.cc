// Tests for ThreadPool::ParallelFor.
#include "runtime/exec/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>

namespace segc::rt {
namespace {

TEST(ThreadPool, RunsEveryTaskOnce) {
  for (int threads : {1, 2, 7}) {
    ThreadPool pool(threads);
    EXPECT_EQ(pool.size(), threads);
    std::vector<std::atomic<int>> hits(1000);
    for (int round = 0; round < 5; ++round) {
      pool.ParallelFor(1000, [&](int64_t i) { hits[i]++; });
    }
    for (auto& h : hits) EXPECT_EQ(h.load(), 5);
  }
}

TEST(ThreadPool, ZeroTasksAndDefaultSize) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), DefaultThreadCount());
  pool.ParallelFor(0, [](int64_t) { FAIL(); });
}

}  // namespace
}  // namespace segc::rt
