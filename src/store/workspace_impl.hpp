#pragma once
// The workspace's private state and the row-level helpers its parts share. Every helper runs
// inside the caller's lock and, for writes, inside the caller's transaction.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/store/workspace.hpp"
#include "database.hpp"

namespace guarantor::store {

struct Workspace::Impl {
  Impl(const std::filesystem::path& location, Clock clock_fn)
      : owned(db::open(location.string())), connection(*owned), clock(std::move(clock_fn)) {}
  std::unique_ptr<db::Connection> owned;
  db::Connection& connection;  ///< *owned, the back end the location named
  Clock clock;
  std::vector<int> applied;
  /// One connection is used by one thread at a time; the database serialises across processes.
  mutable std::mutex mutex;
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
