#pragma once
// Counts failed logins per key (a user name, a client address) in a sliding window, so that
// guessing passwords is slow from one address and against one account.
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace guarantor::server {

class LoginLimiter {
public:
  LoginLimiter(int failures_allowed, std::int64_t window_seconds)
      : allowed_(failures_allowed), window_(window_seconds) {}
  /// True while `key` has fewer than the allowed failures within the window ending at `now`.
  bool allows(const std::string& key, std::int64_t now);
  void record_failure(const std::string& key, std::int64_t now);

private:
  void expire(std::deque<std::int64_t>& times, std::int64_t now) const;
  int allowed_;
  std::int64_t window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> failures_;
};

}  // namespace guarantor::server
