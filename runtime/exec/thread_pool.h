// ThreadPool: fixed worker threads running ParallelFor batches (CSV reader, executor).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "segc/result.h"

namespace segc::rt {

/// A fixed set of worker threads. ParallelFor hands out task indices dynamically; the calling
/// thread works too, so a pool of `threads` uses `threads - 1` background workers. One
/// ParallelFor runs at a time per pool (calls are serialised). A task that throws (e.g.
/// std::bad_alloc) stops the hand-out of further tasks; ParallelFor rethrows the first exception
/// on the calling thread once every running task has finished.
class ThreadPool {
 public:
  /// `threads` <= 0 means std::thread::hardware_concurrency(). When the system refuses to start
  /// a thread, the workers already started are stopped, status() says why and the pool runs
  /// every task on the calling thread (callers report the status instead of running).
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /// Total threads that run tasks (workers + caller).
  int size() const { return int(workers_.size()) + 1; }

  /// Ok, or kResourceExhausted naming how many threads could not be started and the reason.
  const Status& status() const { return status_; }

  /// Runs fn(i) for every i in [0, n_tasks) and returns when all have finished.
  void ParallelFor(int64_t n_tasks, const std::function<void(int64_t)>& fn);

 private:
  void WorkerLoop();
  void RunTasks();
  void StopWorkers();

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::mutex run_mu_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(int64_t)>* fn_ = nullptr;
  int64_t n_tasks_ = 0;
  int64_t next_ = 0;
  int64_t finished_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_;  ///< the first exception a task of this batch threw
  Status status_;
};

/// Threads to use when an option says 0: the hardware concurrency (at least 1).
int DefaultThreadCount();

}  // namespace segc::rt
