// The one shared pool: tasks run, exceptions reach the waiter, and the evidence log's parallel
// hashing uses the pool's threads rather than starting its own.
#include <atomic>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "guarantor/core/thread_pool.hpp"
#include "guarantor/verify/evidence_log.hpp"

namespace guarantor {
namespace {

TEST(ThreadPool, RunsEveryTaskAndPassesExceptionsOn) {
  ThreadPool pool(3);
  EXPECT_EQ(pool.concurrency(), 4u);
  std::atomic<int> sum{0};
  std::vector<std::future<void>> done;
  for (int i = 1; i <= 100; ++i) done.push_back(pool.submit([&sum, i] { sum += i; }));
  for (auto& task : done) task.get();
  EXPECT_EQ(sum, 5050);
  auto failing = pool.submit([] { throw std::runtime_error("task failed"); });
  EXPECT_THROW(failing.get(), std::runtime_error);
  ThreadPool inline_only(0);
  int ran = 0;
  inline_only.submit([&ran] { ++ran; }).get();
  EXPECT_EQ(ran, 1);
}

TEST(ThreadPool, LogBatchesRunOnTheSharedPoolsThreads) {
  ThreadPool& pool = ThreadPool::shared();
  // The pool's worker ids, collected by blocking every worker at once.
  std::set<std::thread::id> pool_threads;
  {
    std::mutex mutex;
    std::atomic<unsigned> arrived{0};
    std::vector<std::future<void>> tasks;
    const unsigned workers = pool.concurrency() - 1;
    for (unsigned i = 0; i < workers; ++i)
      tasks.push_back(pool.submit([&] {
        {
          const std::lock_guard lock(mutex);
          pool_threads.insert(std::this_thread::get_id());
        }
        ++arrived;
        while (arrived < workers) std::this_thread::yield();
      }));
    for (auto& task : tasks) task.get();
  }
  std::set<std::thread::id> body_threads;
  std::mutex mutex;
  std::ostringstream text;
  {
    verify::EvidenceLog log(text);
    log.append_batch(
        "report", 20000,
        [&](std::size_t index, std::string& out) {
          {
            const std::lock_guard lock(mutex);
            body_threads.insert(std::this_thread::get_id());
          }
          out += "{\"i\":" + std::to_string(index) + "}";
        },
        pool.concurrency());
  }
  for (const auto& id : body_threads)
    EXPECT_TRUE(id == std::this_thread::get_id() || pool_threads.count(id) > 0) << "a thread outside the pool";
}

}  // namespace
}  // namespace guarantor
