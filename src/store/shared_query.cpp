#include "shared_query.hpp"

namespace guarantor::store {

std::int64_t SharedQuery::answer(const std::function<std::int64_t()>& query) {
  std::unique_lock lock(mutex_);
  // A run numbered `needed` or later starts after this call began: the run in progress (if
  // any) is `started_` and began earlier.
  const std::uint64_t needed = started_ + 1;
  while (done_ < needed) {
    if (running_) {
      finished_.wait(lock);
      continue;
    }
    running_ = true;
    const std::uint64_t run = ++started_;
    lock.unlock();
    std::int64_t value = 0;
    std::exception_ptr error;
    try {
      value = query();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    done_ = run;
    value_ = value;
    error_ = error;
    running_ = false;
    finished_.notify_all();
  }
  if (error_) std::rethrow_exception(error_);
  return value_;
}

}  // namespace guarantor::store
