#pragma once
// Answers of hot reads kept in memory, keyed by everything the answer depends on: the route and
// its query, the caller's scope (what the role and nation may see) and the workspace's revision
// (the last history entry's number, which every audited write advances, from this server or any
// other process). An answer is reused only at the revision it was made at, so a write is seen by
// the next read, and one caller's answer never reaches a caller of another scope.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace guarantor::server {

/// An answer as sent: status, headers and the encoded JSON body.
struct CachedReply {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string text;
};

class ResponseCache {
public:
  /// Keeps at most `capacity` answers, all of one revision.
  explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

  /// The answer stored for `key` at `revision`, if any.
  [[nodiscard]] std::optional<CachedReply> find(const std::string& key, std::int64_t revision);
  /// Keeps `reply` for `key` at `revision`. A newer revision drops every older answer; an older
  /// one (a read that started before a write) is not kept; a full cache keeps nothing more.
  void store(const std::string& key, std::int64_t revision, CachedReply reply);

private:
  std::mutex mutex_;
  std::size_t capacity_;
  std::int64_t revision_ = -1;
  std::unordered_map<std::string, CachedReply> entries_;
};

}  // namespace guarantor::server
