#include "credential_cache.hpp"

#include <iterator>

namespace guarantor::store {

namespace {
// True while an entry checked at `checked_epoch` may still be trusted at `now_epoch`. A clock
// that went back (now before the check) rechecks too, rather than trusting for longer.
bool fresh(std::int64_t checked_epoch, std::int64_t now_epoch) {
  return checked_epoch <= now_epoch && now_epoch - checked_epoch < CredentialCache::RECHECK_SECONDS;
}
}  // namespace

std::optional<CredentialCache::Entry> CredentialCache::find(const std::string& digest, Kind kind,
                                                            std::int64_t now_epoch) const {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(digest);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (entry.kind != kind || !fresh(entry.checked_epoch, now_epoch)) return std::nullopt;
  if (kind == Kind::Session && entry.expires_epoch <= now_epoch) return std::nullopt;
  return entry;
}

std::uint64_t CredentialCache::generation() const {
  const std::lock_guard lock(mutex_);
  return generation_;
}

void CredentialCache::remember(const std::string& digest, Entry entry, std::uint64_t generation) {
  const std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  if (entries_.size() >= MAX_ENTRIES && !entries_.contains(digest)) {
    for (auto it = entries_.begin(); it != entries_.end();)
      it = fresh(it->second.checked_epoch, entry.checked_epoch) ? std::next(it) : entries_.erase(it);
    if (entries_.size() >= MAX_ENTRIES) entries_.clear();
  }
  entries_.insert_or_assign(digest, std::move(entry));
}

void CredentialCache::forget(const std::string& digest) {
  const std::lock_guard lock(mutex_);
  entries_.erase(digest);
  ++generation_;
}

void CredentialCache::forget_user(const std::string& user) {
  const std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& item) { return item.second.user.name == user; });
  ++generation_;
}

}  // namespace guarantor::store
