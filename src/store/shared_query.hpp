#pragma once
// One query's answer shared by the callers that ask for it at the same time, without ever
// answering a caller from a query that started before it asked.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>

namespace guarantor::store {

/// Runs at most one query at a time. A caller gets the answer of a query that started after the
/// caller asked, so it sees every write committed before it asked (what one query of its own
/// would give); callers that ask while a query runs share the next one. Under many concurrent
/// readers the query then runs about once per its own duration instead of once per reader.
class SharedQuery {
public:
  /// The answer of a run of `query` that started after this call began; rethrows the exception
  /// of that run.
  std::int64_t answer(const std::function<std::int64_t()>& query);

private:
  std::mutex mutex_;
  std::condition_variable finished_;
  std::uint64_t started_ = 0;  ///< runs started; they run one at a time, so they finish in order
  std::uint64_t done_ = 0;     ///< the number of the last run finished
  bool running_ = false;
  std::int64_t value_ = 0;  ///< the answer of run `done_`, unless it threw `error_`
  std::exception_ptr error_;
};

}  // namespace guarantor::store
