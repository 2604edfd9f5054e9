#pragma once
// Group commit: writes that arrive while another group is being written queue behind it, and
// the first of them then writes the whole queue in one transaction, each write under a savepoint
// of its own. One commit (one WAL append on SQLite, one fsync of PostgreSQL's log) then serves
// every write of the group, instead of one each; a write that fails rolls back to its savepoint
// alone, and each caller gets its own result only once the group's commit has returned, so an
// acknowledged write is as durable as a write committed alone.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

#include "database.hpp"
#include "guarantor/store/workspace.hpp"

namespace guarantor::store {

class WriteGroups {
public:
  /// One write: its statements on the writer's connection, inside the group's transaction.
  /// Throwing rolls back this write alone; the exception reaches its caller.
  using Write = std::function<void(db::Connection&)>;

  /// Groups writes on `connection`, whose use `connection_mutex` serialises with the writes
  /// that do not go through groups (the lock is held while a group is written).
  WriteGroups(db::Connection& connection, std::mutex& connection_mutex)
      : connection_(connection), connection_mutex_(connection_mutex) {}

  /// Runs `write` in the next group and returns once that group has committed. Rethrows the
  /// write's own exception, or the group's when its transaction could not begin or commit
  /// (then no write of the group is stored).
  void run(const Write& write);

  /// Groups committed (or failed as a whole) so far and the writes they held.
  [[nodiscard]] WriteStatistics statistics() const;

private:
  struct Pending {
    const Write* write;
    std::exception_ptr error;
    bool done = false;
  };
  /// Writes `group` in one transaction; sets each entry's error. Runs without `mutex_`.
  void write_group(const std::deque<Pending*>& group);

  db::Connection& connection_;
  std::mutex& connection_mutex_;
  mutable std::mutex mutex_;  ///< guards the fields below
  std::condition_variable finished_;
  std::deque<Pending*> queue_;  ///< writes not yet taken into a group, in arrival order
  bool writing_ = false;        ///< a group is being written
  std::size_t in_group_ = 0;    ///< writes in the group being written
  WriteStatistics statistics_;
};

}  // namespace guarantor::store
