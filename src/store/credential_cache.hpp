#pragma once
// The sessions and API tokens this process has verified against the database, kept for a few
// seconds so that an authenticated request does not read two rows to check its credentials.
//
// The rule (docs/workspace.md, "Users and credentials"): what this process changes takes effect
// at once - a logout, a revoked token, a user changed - because the write forgets the entry after
// its commit; what another process changes on the same database (a second server on one
// PostgreSQL database, the CLI on an SQLite file) takes effect here within RECHECK_SECONDS, when
// the entry is read again. A session is never served past its expiry, whatever the cache holds.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "guarantor/store/accounts.hpp"

namespace guarantor::store {

class CredentialCache {
public:
  /// How long a verified credential is trusted without reading the database again, in seconds
  /// of the caller's clock: the longest another process's revocation can go unseen here. Short
  /// against any session's life (hours), long against the time between requests of one client.
  static constexpr std::int64_t RECHECK_SECONDS = 5;
  /// Entries kept at most; a full cache drops the entries due for a recheck, then all of them
  /// (the next request of each credential reads the database again).
  static constexpr std::size_t MAX_ENTRIES = 4096;

  enum class Kind { Session, ApiToken };

  /// What the database said of one credential when it was checked.
  struct Entry {
    Kind kind = Kind::Session;
    User user;
    std::string csrf_token;          ///< a session's; empty for an API token
    std::int64_t expires_epoch = 0;  ///< a session's expiry; 0 for an API token (none)
    std::int64_t checked_epoch = 0;  ///< when the database was read
  };

  /// The entry of the credential with SHA-256 hex `digest`, when it is of `kind`, was checked at
  /// most RECHECK_SECONDS before `now_epoch` (and not after it) and, for a session, has not
  /// expired at `now_epoch`; nullopt otherwise (the caller reads the database).
  [[nodiscard]] std::optional<Entry> find(const std::string& digest, Kind kind, std::int64_t now_epoch) const;

  /// A stamp to take before reading a credential from the database and to give to remember().
  [[nodiscard]] std::uint64_t generation() const;
  /// Keeps `entry` unless something was forgotten since `generation` was taken: a logout or
  /// revocation that committed while the database was being read must not be undone by a read
  /// that began before it.
  void remember(const std::string& digest, Entry entry, std::uint64_t generation);

  /// Drops the credential with this digest (after a logout or a revocation has committed).
  void forget(const std::string& digest);
  /// Drops every credential of `user` (after the user's role, password or state has changed).
  void forget_user(const std::string& user);

private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  ///< by the credential's SHA-256 hex digest
  std::uint64_t generation_ = 0;                    ///< counts forget() and forget_user() calls
};

}  // namespace guarantor::store
