// The workspace's pool of read connections.
#include "workspace_impl.hpp"

namespace guarantor::store {

ReadPool::Lease::Lease(ReadPool& pool, std::unique_ptr<db::Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {
  try {
    connection_->begin_read();
  } catch (...) {
    // A connection that cannot start a transaction is broken (a PostgreSQL session the server
    // ended): it is dropped, and the next lease opens a new one.
    pool_.release(nullptr);
    throw;
  }
}

ReadPool::Lease::~Lease() {
  // Ends the snapshot; nothing was written, so rolling back and committing are the same.
  connection_->rollback();
  pool_.release(std::move(connection_));
}

ReadPool::Lease ReadPool::lease() {
  std::unique_lock lock(mutex_);
  released_.wait(lock, [this] { return !idle_.empty() || open_ < capacity_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    lock.unlock();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  std::unique_ptr<db::Connection> connection;
  try {
    connection = db::open(location_);
  } catch (...) {
    release(nullptr);
    throw;
  }
  return Lease(*this, std::move(connection));
}

void ReadPool::release(std::unique_ptr<db::Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (connection) idle_.push_back(std::move(connection));
    else --open_;
  }
  released_.notify_one();
}

}  // namespace guarantor::store
