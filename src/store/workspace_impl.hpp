#pragma once
// The workspace's private state and the row-level helpers its parts share. Every helper runs
// inside the caller's lock and, for writes, inside the caller's transaction.
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "credential_cache.hpp"
#include "database.hpp"
#include "guarantor/store/workspace.hpp"
#include "shared_query.hpp"
#include "write_groups.hpp"

namespace guarantor::store {

/// Connections that only read, opened on first need up to a fixed number and reused. Reads
/// then neither wait for the writer's connection (and its commit's fsync) nor for each other:
/// SQLite in WAL mode and PostgreSQL both let readers go on while one writer writes.
class ReadPool {
public:
  /// Up to `capacity` connections to `location`, none opened yet.
  ReadPool(std::string location, std::size_t capacity) : location_(std::move(location)), capacity_(capacity) {}

  /// One connection for one reader, inside a read transaction (one snapshot) until released.
  class Lease {
  public:
    Lease(ReadPool& pool, std::unique_ptr<db::Connection> connection);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    [[nodiscard]] db::Connection& connection() const noexcept { return *connection_; }

  private:
    ReadPool& pool_;
    std::unique_ptr<db::Connection> connection_;
  };

  /// An idle connection, a new one while fewer than the capacity are open, or else the next one
  /// released. Throws Error when a new connection cannot be opened.
  [[nodiscard]] Lease lease();

private:
  void release(std::unique_ptr<db::Connection> connection);
  std::string location_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<db::Connection>> idle_;
  std::size_t open_ = 0;
};

struct Workspace::Impl {
  Impl(const std::filesystem::path& location, Clock clock_fn);
  std::unique_ptr<db::Connection> owned;
  db::Connection& connection;  ///< *owned, the back end the location named: writes (and migrations)
  Clock clock;
  std::vector<int> applied;
  /// The writer's connection is used by one thread at a time; the database serialises across
  /// processes.
  mutable std::mutex mutex;
  /// The audited writes (pledges, sharing levels, requirement lines, sites, weeks, decisions,
  /// users, tokens, sessions, jobs and their interruption at start, report files, imports, the
  /// publication of plan and findings versions), committed in groups on `connection` (holding
  /// `mutex` while a group is written). Migrations and storing a plan or findings version, whose
  /// body runs to megabytes, are written alone.
  WriteGroups writes;
  /// Reads go through these instead of `connection`.
  mutable ReadPool readers;
  /// Sessions and API tokens verified lately (credential_cache.hpp). A write that ends a session,
  /// revokes a token or changes a user forgets what it changed here after its commit.
  mutable CredentialCache credentials;
  /// The history's head (its last sequence number) for the readers that ask at the same time.
  mutable SharedQuery history_head;
  /// A connection of the read pool in a read transaction, for one read of the workspace.
  [[nodiscard]] ReadPool::Lease read() const { return readers.lease(); }
  /// Runs `write` in the next write group and returns what it returned once the group has
  /// committed; rethrows its exception (the write then changed nothing).
  template <typename Result, typename Write>
  Result grouped_write(const Write& write) {
    std::optional<Result> result;
    writes.run([&](db::Connection& connection) { result.emplace(write(connection)); });
    return std::move(*result);
  }
};

namespace detail {

std::vector<NationRecord> read_nations(db::Connection& connection, const std::optional<std::string>& iso2);
void insert_nation(db::Connection& connection, const NationRecord& record, int position);

std::vector<PledgeRecord> read_pledges(db::Connection& connection, const std::optional<std::string>& id);
/// Inserts the pledge row and its caveats at `position` with `version`.
void insert_pledge(db::Connection& connection, const model::Pledge& pledge, std::int64_t position,
                   std::int64_t version);
/// Deletes the pledge row (its caveats cascade) and returns its list position.
std::int64_t delete_pledge_row(db::Connection& connection, const std::string& id);

std::vector<RequirementRecord> read_requirement_lines(db::Connection& connection,
                                                      const std::optional<std::string>& id);
void insert_requirement_line(db::Connection& connection, const model::RequirementLine& line,
                             std::int64_t position, std::int64_t version);

/// The history's last entry: its seq and hash ({0, ""} while the history is empty). Every
/// reader of the head (a write's chaining, the change feed's revision, the published head)
/// reads it here, so they agree on what "last" is.
std::pair<std::int64_t, std::string> read_history_head(db::Connection& connection);

/// Appends one entry to the hash-chained history.
void append_history(db::Connection& connection, const std::string& at, const std::string& actor,
                    const std::string& action, const std::string& entity, const std::string& entity_id,
                    const nlohmann::json& before, const nlohmann::json& after);

/// Sets the listed sites' negotiation status (an import: no transition rule), recording each change.
void apply_site_negotiation(db::Connection& connection, const std::map<std::string, model::SiteNegotiation>& statuses,
                            const std::string& at, const std::string& actor);
/// Every site with a negotiation row and its status.
std::map<std::string, model::SiteNegotiation> read_site_statuses(db::Connection& connection);

/// Refuses a write naming a stale version.
void check_version(const std::string& where, std::optional<std::int64_t> expected, std::int64_t current);

}  // namespace detail
}  // namespace guarantor::store
