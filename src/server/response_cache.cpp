#include "response_cache.hpp"

namespace guarantor::server {

std::optional<CachedReply> ResponseCache::find(const std::string& key, std::int64_t revision) {
  std::lock_guard lock(mutex_);
  if (revision != revision_) return std::nullopt;
  auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  return found->second;
}

void ResponseCache::store(const std::string& key, std::int64_t revision, CachedReply reply) {
  std::lock_guard lock(mutex_);
  if (revision < revision_) return;
  if (revision > revision_) {
    entries_.clear();
    revision_ = revision;
  }
  if (entries_.size() >= capacity_) return;
  entries_[key] = std::move(reply);
}

}  // namespace guarantor::server
