// ThreadPool implementation: a generation counter wakes workers; tasks are claimed under a mutex.
#include "runtime/exec/thread_pool.h"

#include <fmt/format.h>

#include <system_error>
#include <utility>

namespace segc::rt {

int DefaultThreadCount() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : int(n);
}

ThreadPool::ThreadPool(int threads) {
  if (threads <= 0) threads = DefaultThreadCount();
  workers_.reserve(size_t(threads - 1));
  for (int i = 1; i < threads; ++i) {
    try {
      workers_.emplace_back([this] { WorkerLoop(); });
    } catch (const std::system_error& e) {
      // Out of memory for stacks, or a process/thread limit. Throwing here would destroy
      // joinable threads (std::terminate) while the others wait forever: stop them instead.
      status_ = Status(StatusCode::kResourceExhausted,
                       fmt::format("cannot start {} threads (the system refused thread {}: {})",
                                   threads, i + 1, e.what()));
      StopWorkers();
      return;
    }
  }
}

ThreadPool::~ThreadPool() { StopWorkers(); }

void ThreadPool::StopWorkers() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

void ThreadPool::ParallelFor(int64_t n_tasks, const std::function<void(int64_t)>& fn) {
  if (n_tasks <= 0) return;
  if (workers_.empty() || n_tasks == 1) {
    for (int64_t i = 0; i < n_tasks; ++i) fn(i);  // exceptions propagate directly
    return;
  }
  std::lock_guard run_lock(run_mu_);
  {
    std::lock_guard lock(mu_);
    fn_ = &fn;
    n_tasks_ = n_tasks;
    next_ = 0;
    finished_ = 0;
    failure_ = nullptr;
    ++generation_;
  }
  wake_.notify_all();
  RunTasks();
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_ == n_tasks_; });
  fn_ = nullptr;
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void ThreadPool::RunTasks() {
  std::unique_lock lock(mu_);
  while (fn_ != nullptr && next_ < n_tasks_) {
    int64_t task = next_++;
    const auto* fn = fn_;
    lock.unlock();
    std::exception_ptr failure;
    try {
      (*fn)(task);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    if (failure) {
      if (!failure_) failure_ = failure;
      finished_ += n_tasks_ - next_;  // the tasks nobody will start now count as finished
      next_ = n_tasks_;
    }
    if (++finished_ == n_tasks_) done_.notify_all();
  }
}

void ThreadPool::WorkerLoop() {
  uint64_t seen = 0;
  while (true) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    RunTasks();
  }
}

}  // namespace segc::rt
