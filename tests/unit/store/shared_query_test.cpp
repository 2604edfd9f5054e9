// The history's head is read once for all the readers asking at the same time: every reader
// gets the answer of a query that started after it asked (so no reader misses a write committed
// before it asked), and a failed query's error reaches its readers.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "shared_query.hpp"

namespace guarantor::store {
namespace {

TEST(SharedQuery, EveryAnswerSeesTheWritesCommittedBeforeItsCall) {
  SharedQuery head;
  std::atomic<std::int64_t> committed{0};
  std::atomic<int> stale{0};
  constexpr int THREADS = 8;
  constexpr int CALLS = 200;
  std::vector<std::thread> readers;
  readers.reserve(THREADS);
  for (int t = 0; t < THREADS; ++t) {
    readers.emplace_back([&] {
      for (int call = 0; call < CALLS; ++call) {
        // This reader's own write, committed before it asks.
        const std::int64_t mine = ++committed;
        const std::int64_t seen = head.answer([&] {
          const std::int64_t value = committed.load();
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          return value;
        });
        if (seen < mine) ++stale;
      }
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(stale.load(), 0);
}

TEST(SharedQuery, ReadersThatAskWhileAQueryRunsGetALaterOne) {
  SharedQuery head;
  std::atomic<int> runs{0};
  std::atomic<bool> release_first{false};
  std::atomic<int> waiting{0};
  std::int64_t first = -1;
  std::thread opener([&] {
    first = head.answer([&] {
      ++runs;
      while (!release_first) std::this_thread::yield();
      return std::int64_t{1};
    });
  });
  while (runs.load() == 0) std::this_thread::yield();
  // Asked after the first query started: none may get its answer.
  constexpr int LATE = 4;
  std::vector<std::int64_t> late(LATE, -1);
  std::vector<std::thread> readers;
  readers.reserve(LATE);
  for (int r = 0; r < LATE; ++r) {
    readers.emplace_back([&, r] {
      ++waiting;
      late[r] = head.answer([&] { return std::int64_t{++runs}; });
    });
  }
  while (waiting.load() < LATE) std::this_thread::yield();
  release_first = true;
  opener.join();
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(first, 1);
  for (const auto value : late) EXPECT_GE(value, 2);
}

TEST(SharedQuery, AFailedQueryThrowsToItsReadersAndTheNextOneRunsAgain) {
  SharedQuery head;
  EXPECT_THROW(head.answer([]() -> std::int64_t { throw std::runtime_error("connection lost"); }), std::runtime_error);
  EXPECT_EQ(head.answer([] { return std::int64_t{7}; }), 7);
}

}  // namespace
}  // namespace guarantor::store
