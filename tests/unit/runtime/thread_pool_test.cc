// Tests for ThreadPool::ParallelFor.
#include "runtime/exec/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

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

// A task that throws stops the batch: ParallelFor rethrows on the caller instead of terminating
// the process or waiting forever, and the pool still runs the next batch.
TEST(ThreadPool, TaskExceptionReachesTheCaller) {
  for (int threads : {1, 2, 4}) {
    ThreadPool pool(threads);
    EXPECT_TRUE(pool.status().ok());
    EXPECT_THROW(pool.ParallelFor(100,
                                  [](int64_t i) {
                                    if (i == 3) throw std::runtime_error("task 3");
                                  }),
                 std::runtime_error);
    std::atomic<int> ran{0};
    pool.ParallelFor(50, [&](int64_t) { ran++; });
    EXPECT_EQ(ran.load(), 50);
  }
}

}  // namespace
}  // namespace segc::rt
