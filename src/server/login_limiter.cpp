#include "login_limiter.hpp"

namespace guarantor::server {

void LoginLimiter::expire(std::deque<std::int64_t>& times, std::int64_t now) const {
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
}

bool LoginLimiter::allows(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto found = failures_.find(key);
  if (found == failures_.end()) return true;
  expire(found->second, now);
  if (found->second.empty()) {
    failures_.erase(found);  // keeps the map from growing with every address ever seen
    return true;
  }
  return static_cast<int>(found->second.size()) < allowed_;
}

void LoginLimiter::record_failure(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto& times = failures_[key];
  expire(times, now);
  times.push_back(now);
}

}  // namespace guarantor::server
