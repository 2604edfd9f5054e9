#pragma once
// One pool of worker threads for the whole process, so stages that work in parallel (the
// evidence log's hashing, and any planner or verifier stage that splits its work) share the
// machine's cores instead of each starting threads of their own per call.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace guarantor {

class ThreadPool {
public:
  /// A pool with `workers` threads (0: tasks run on the thread that waits for them).
  explicit ThreadPool(unsigned workers);
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool();

  /// The process's pool. Its size is, in order: the last set_shared_threads() before first use,
  /// the environment variable GUARANTOR_THREADS, or std::thread::hardware_concurrency(); it
  /// counts the calling thread, so the pool holds one worker fewer.
  static ThreadPool& shared();
  /// Sets the shared pool's thread count (>= 1) before its first use (a command-line option);
  /// returns false when the pool already exists with another size.
  static bool set_shared_threads(unsigned threads);

  /// Threads that can work at once: the workers plus the thread waiting for them.
  [[nodiscard]] unsigned concurrency() const noexcept { return static_cast<unsigned>(workers_.size()) + 1; }

  /// Queues `task`; the future holds its completion or exception.
  std::future<void> submit(std::function<void()> task);

private:
  void work();
  std::vector<std::thread> workers_;
  std::deque<std::packaged_task<void()>> queue_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool stopping_ = false;
};

}  // namespace guarantor
