#include "guarantor/core/thread_pool.hpp"

#include <cstdlib>
#include <string>

namespace guarantor {
namespace {

std::mutex shared_mutex;
unsigned requested_threads = 0;  // 0: not set by the program

unsigned default_threads() {
  if (requested_threads > 0) return requested_threads;
  if (const char* text = std::getenv("GUARANTOR_THREADS")) {
    char* end = nullptr;
    const unsigned long value = std::strtoul(text, &end, 10);
    constexpr unsigned long MAX_THREADS = 1024;  // a typo, not a machine
    if (end != text && *end == '\0' && value >= 1 && value <= MAX_THREADS) return static_cast<unsigned>(value);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

ThreadPool::ThreadPool(unsigned workers) {
  workers_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

ThreadPool& ThreadPool::shared() {
  const std::lock_guard lock(shared_mutex);
  static ThreadPool pool(default_threads() - 1);
  return pool;
}

bool ThreadPool::set_shared_threads(unsigned threads) {
  if (threads == 0) return false;
  {
    const std::lock_guard lock(shared_mutex);
    requested_threads = threads;
  }
  return shared().concurrency() == threads;
}

std::future<void> ThreadPool::submit(std::function<void()> task) {
  std::packaged_task<void()> packaged(std::move(task));
  std::future<void> done = packaged.get_future();
  if (workers_.empty()) {
    packaged();
    return done;
  }
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(packaged));
  }
  ready_.notify_one();
  return done;
}

void ThreadPool::work() {
  while (true) {
    std::packaged_task<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

}  // namespace guarantor
