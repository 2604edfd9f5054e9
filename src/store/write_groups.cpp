#include "write_groups.hpp"

#include <algorithm>

namespace guarantor::store {

namespace {
// Writes in one group at most. A group holds the database's write lock while it is written,
// so a bound keeps other processes' writers (and a failed commit's retries by callers) from
// waiting behind an unbounded transaction; the server's 32 HTTP threads rarely queue more.
constexpr std::size_t MOST_WRITES_PER_GROUP = 64;
constexpr const char* SAVEPOINT = "SAVEPOINT grouped_write";
constexpr const char* RELEASE = "RELEASE SAVEPOINT grouped_write";
constexpr const char* ROLLBACK_TO = "ROLLBACK TO SAVEPOINT grouped_write";
}  // namespace

void WriteGroups::run(const Write& write) {
  Pending mine{&write, nullptr};
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  // Either a group written by another thread takes this write, or this write is the oldest
  // waiting when no group is being written, and its thread writes the next group.
  finished_.wait(lock, [&] { return mine.done || (!writing_ && queue_.front() == &mine); });
  if (!mine.done) {
    writing_ = true;
    const auto size = std::min(queue_.size(), MOST_WRITES_PER_GROUP);
    in_group_ = size;
    std::deque<Pending*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
    lock.unlock();
    write_group(group);
    lock.lock();
    for (Pending* pending : group) pending->done = true;
    writing_ = false;
    in_group_ = 0;
    ++statistics_.groups;
    statistics_.writes += static_cast<std::int64_t>(group.size());
    statistics_.largest_group = std::max(statistics_.largest_group, static_cast<std::int64_t>(group.size()));
    finished_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

void WriteGroups::write_group(const std::deque<Pending*>& group) {
  std::lock_guard connection_lock(connection_mutex_);
  try {
    db::Transaction transaction(connection_);
    for (Pending* pending : group) {
      connection_.exec(SAVEPOINT);
      try {
        (*pending->write)(connection_);
      } catch (...) {
        pending->error = std::current_exception();
        // Undoes this write's statements; on PostgreSQL it also clears the transaction's
        // aborted state after a failed statement, so the group's other writes go on.
        connection_.exec(ROLLBACK_TO);
      }
      connection_.exec(RELEASE);
    }
    transaction.commit();
  } catch (...) {
    // The transaction did not begin or commit, or a savepoint could not be undone: nothing of
    // the group is stored, and each write that had succeeded reports why.
    const auto error = std::current_exception();
    for (Pending* pending : group)
      if (!pending->error) pending->error = error;
  }
}

WriteStatistics WriteGroups::statistics() const {
  std::lock_guard lock(mutex_);
  WriteStatistics now = statistics_;
  now.pending = static_cast<std::int64_t>(queue_.size() + in_group_);
  return now;
}

}  // namespace guarantor::store
