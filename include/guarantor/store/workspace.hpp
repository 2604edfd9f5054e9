#pragma once
// The workspace: one shared, persistent scenario in a database — an embedded SQLite file by
// default, or PostgreSQL (with PostGIS) for a shared deployment; both hold the same schema. It
// holds the coalition (nations, pledges with caveats) and the mandate (phases, conditions,
// posture, requirement lines) as typed rows, the theatre and catalogue files byte for byte, and
// an append-only, hash-chained history of every write. Safe to share between threads (writes
// go through one connection, serialised; reads through a small pool of connections, each read
// one snapshot) and between processes (the database's write lock).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/store/accounts.hpp"
#include "guarantor/store/findings.hpp"
#include "guarantor/store/plan_versions.hpp"
#include "guarantor/store/records.hpp"
#include "guarantor/store/sites.hpp"
#include "guarantor/store/spatial.hpp"
#include "guarantor/store/weeks.hpp"

namespace guarantor::store {

/// Returns the current time as ISO 8601 UTC ("2026-03-01T09:30:00Z"); injected so tests fix it.
using Clock = std::function<std::string()>;
/// The system clock in the form Clock promises.
std::string system_time_utc();

/// True for a location that names a PostgreSQL database (postgresql:// or postgres://).
bool is_database_url(const std::string& location);

/// What a reader that keeps the pledges in memory needs to catch up with the workspace.
struct PledgeChanges {
  std::int64_t revision = 0;  ///< the history's last sequence number: the answer is the state just after it
  /// True: `pledges` and `nations` are all of them. False: `pledges` are those replaced since the
  /// revision asked about (none when nothing was written), and no other pledge or nation changed.
  bool complete = false;
  std::vector<PledgeRecord> pledges;
  std::vector<NationRecord> nations;  ///< only when complete
};

/// How the workspace's grouped writes (every audited write but storing a plan or findings
/// version; sessions and jobs too) were committed since it was opened: each group is one
/// transaction.
struct WriteStatistics {
  std::int64_t groups = 0;         ///< transactions committed (or failed as a whole)
  std::int64_t writes = 0;         ///< writes they held, failed ones included
  std::int64_t largest_group = 0;  ///< most writes in one group
  std::int64_t pending = 0;        ///< writes now waiting for a group or in the one being written
};

class Workspace {
public:
  /// Opens the database at `location` — a postgresql:// URL, or else an SQLite file path —
  /// creating an SQLite file if missing and applying every pending schema migration. Throws
  /// Error: FileNotFound when the file cannot be opened or created or the server cannot be
  /// reached, Consistency when it was made by a newer Guarantor, Syntax when a file is not an
  /// SQLite database.
  explicit Workspace(const std::filesystem::path& location, Clock clock = system_time_utc);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  [[nodiscard]] int schema_version() const;
  /// Counts of the grouped writes since this workspace was opened.
  [[nodiscard]] WriteStatistics write_statistics() const;
  /// The database as messages name it: the file path, or the URL without its password.
  [[nodiscard]] const std::string& database_name() const noexcept;
  /// Schema versions applied when this object opened the database (empty if it was current).
  [[nodiscard]] const std::vector<int>& migrations_applied() const noexcept;
  /// True until a scenario has been imported.
  [[nodiscard]] bool empty() const;

  /// Validates the scenario (io::load_scenario) and replaces the workspace's scenario with it in
  /// one transaction, recording an import and one create per record in the history. Throws the
  /// loader's Error, listing every problem, and then changes nothing.
  void import_scenario(const std::filesystem::path& manifest, const io::LoadOptions& options, const std::string& actor);
  /// The same import of a scenario the caller has already loaded with io::load_scenario (so a
  /// caller that holds it does not parse its files again); the documents are read from the paths
  /// in `scenario.files`, so those files must still be there.
  void import_scenario(const model::Scenario& scenario, const std::string& actor);
  /// Writes the workspace as scenario files (scenario.json, coalition.json, mandate.json,
  /// theatre/ and catalogue/) that load_scenario reads back to the same model. Throws Error
  /// (Consistency) on an empty workspace, OutputFailed when a file cannot be written.
  void export_scenario(const std::filesystem::path& dir) const;
  /// The whole scenario as load_scenario reads it from an export (in a temporary directory).
  [[nodiscard]] model::Scenario load(const io::LoadOptions& options) const;

  [[nodiscard]] std::vector<NationRecord> nations() const;
  [[nodiscard]] std::optional<NationRecord> nation(const std::string& iso2) const;
  /// Replaces a nation's record (name, membership, home, source; matched by iso2, which does
  /// not change; the sharing level is kept). NotFound for an unknown nation; VersionConflict for
  /// a stale `expected_version`. One history entry with the record before and after.
  NationRecord update_nation(const model::Nation& nation, std::optional<std::int64_t> expected_version,
                             const std::string& actor);
  /// Sets how far a nation shares its pledges with other nations' liaisons.
  NationRecord set_sharing(const std::string& iso2, SharingLevel level, std::optional<std::int64_t> expected_version,
                           const std::string& actor);

  [[nodiscard]] std::vector<PledgeRecord> pledges() const;
  [[nodiscard]] std::optional<PledgeRecord> pledge(const std::string& id) const;
  /// The pledges changed after history entry `since` (a revision an earlier answer gave; -1 when
  /// nothing is held), read in one snapshot. Only pledges replaced in place are listed apart;
  /// after any other write that touches pledges or nations (a create, a delete, a sharing level,
  /// an import), or a `since` this history does not have, every pledge and nation is returned.
  [[nodiscard]] PledgeChanges pledge_changes_since(std::int64_t since) const;
  /// Adds a pledge (its nation must exist; ids are unique: Error Consistency otherwise).
  PledgeRecord create_pledge(const model::Pledge& pledge, const std::string& actor);
  /// Replaces the pledge with the same id. With `expected_version`, refuses (VersionConflict)
  /// unless it is the stored version. Throws NotFound for an unknown id.
  PledgeRecord update_pledge(const model::Pledge& pledge, std::optional<std::int64_t> expected_version,
                             const std::string& actor);
  void delete_pledge(const std::string& id, std::optional<std::int64_t> expected_version, const std::string& actor);

  [[nodiscard]] std::vector<RequirementRecord> requirement_lines() const;
  [[nodiscard]] std::optional<RequirementRecord> requirement_line(const std::string& id) const;
  RequirementRecord update_requirement_line(const model::RequirementLine& line,
                                            std::optional<std::int64_t> expected_version, const std::string& actor);
  /// Adds a requirement line after the others (version 1). The caller has checked it against the
  /// scenario (io::check_requirement_line); ids are unique (Error Consistency otherwise).
  RequirementRecord create_requirement_line(const model::RequirementLine& line, const std::string& actor);
  /// Removes a requirement line (NotFound; VersionConflict for a stale `expected_version`). The
  /// history keeps the line as it was; snapshots and plan versions that name it are not touched.
  void delete_requirement_line(const std::string& id, std::optional<std::int64_t> expected_version,
                               const std::string& actor);

  /// Sites whose negotiation someone has recorded, by site id.
  [[nodiscard]] std::vector<SiteNegotiationRecord> site_negotiations() const;
  /// A site's negotiation record; version 0 (proposed, unassessed) when nothing was recorded.
  /// The caller checks that the site exists in the theatre.
  [[nodiscard]] SiteNegotiationRecord site_negotiation(const std::string& site_id) const;
  /// Moves a site's negotiation to `status` (only legal transitions: Error Consistency otherwise),
  /// sets its lead nation (a nation of the workspace, or empty: Error Reference) and records the
  /// comment, if any, with the change. VersionConflict for a stale `expected_version`.
  SiteNegotiationRecord set_site_status(const std::string& site_id, model::SiteNegotiation status,
                                        const std::string& lead_nation, const std::string& comment,
                                        std::optional<std::int64_t> expected_version, const std::string& actor);
  /// Replaces a site's infrastructure assessment. VersionConflict for a stale `expected_version`.
  SiteNegotiationRecord set_site_assessment(const std::string& site_id, const InfrastructureAssessment& assessment,
                                            std::optional<std::int64_t> expected_version, const std::string& actor);
  SiteComment add_site_comment(const std::string& site_id, const std::string& text, const std::string& actor);
  [[nodiscard]] std::vector<SiteComment> site_comments(const std::string& site_id) const;

  /// Stores a plan made in the workspace as a new, unpublished version (one history entry with
  /// the inputs' hashes and the headline).
  PlanVersion store_plan_version(const std::string& plan_json, const nlohmann::json& inputs, const PlanHeadline& headline,
                                 const std::string& job_id, const std::string& actor);
  [[nodiscard]] std::vector<PlanVersion> plan_versions() const;
  [[nodiscard]] std::optional<PlanVersion> plan_version(std::int64_t id) const;
  /// The plan.json text of a version (NotFound for an unknown id).
  [[nodiscard]] std::string plan_version_text(std::int64_t id) const;
  /// Publishes a version, once (Error Consistency when already published; NotFound).
  PlanVersion publish_plan_version(std::int64_t id, const std::string& actor);
  /// Stores an ingested report file (already read by its adapter: `reports`/`rejected` are the
  /// counts), with one history entry (name, format, SHA-256, size; not the content).
  ReportFile add_report_file(const std::string& name, const std::string& format, const std::string& content, int reports,
                             int rejected, const std::string& actor);
  [[nodiscard]] std::vector<ReportFile> report_files() const;
  [[nodiscard]] std::optional<ReportFile> report_file(std::int64_t id) const;
  /// The content of a report file as uploaded (NotFound for an unknown id).
  [[nodiscard]] std::string report_file_content(std::int64_t id) const;
  /// Stores the findings of a verify job as a new, unpublished version (one history entry with
  /// the inputs' hashes and the summary).
  FindingsVersion store_findings_version(const std::string& findings_json, const nlohmann::json& inputs,
                                         const nlohmann::json& summary, const std::string& job_id, const std::string& actor);
  [[nodiscard]] std::vector<FindingsVersion> findings_versions() const;
  [[nodiscard]] std::optional<FindingsVersion> findings_version(std::int64_t id) const;
  /// The findings.json text of a version (NotFound for an unknown id).
  [[nodiscard]] std::string findings_version_text(std::int64_t id) const;
  /// Publishes a findings version, once (Error Consistency when already published; NotFound).
  FindingsVersion publish_findings_version(std::int64_t id, const std::string& actor);

  /// Sites of the imported theatre within `search`'s band of distances, nearest first (ties by
  /// id). Throws Error (Schema) for a band with min_m > max_m or a line of fewer than 2 points.
  [[nodiscard]] std::vector<SiteHit> search_sites(const SiteSearch& search) const;
  /// Incidents of findings version `findings_version` inside `area` (its edge counts as inside),
  /// by incident id (I2 before I10). Throws NotFound for an unknown version.
  [[nodiscard]] std::vector<IncidentPosition> search_incidents(std::int64_t findings_version,
                                                               const geo::MultiPolygon& area) const;

  /// Records a background job's state (`status` as the API answers it, with id, kind, state
  /// and revision); a record of a later revision is never overwritten by an earlier one.
  void record_job(const nlohmann::json& status);
  /// A job as last recorded; nullopt for an unknown id.
  [[nodiscard]] std::optional<nlohmann::json> job_record(const std::string& id) const;
  /// Marks every job recorded as queued or running as `interrupted` (the server that ran it
  /// stopped); returns how many. Called once at start, before jobs are taken.
  int interrupt_unfinished_jobs();

  [[nodiscard]] std::vector<WeekRecord> weeks() const;
  [[nodiscard]] std::optional<WeekRecord> week(std::int64_t number) const;
  /// Opens the next week (numbered after the last). Error Schema for a bad date; Consistency
  /// while another week is open or when the date is not after the last week's.
  WeekRecord open_week(const std::string& starts_on, const std::string& actor);
  /// Closes a week, freezing `snapshot` (its digest goes into the history). Consistency when
  /// already closed; VersionConflict; NotFound.
  WeekRecord close_week(std::int64_t number, const nlohmann::json& snapshot, std::optional<std::int64_t> expected_version,
                        const std::string& actor);
  /// Records a decision in an open week. Error Schema (every bad field: text, owner, a due week
  /// before this one), Consistency for a closed week, NotFound.
  DecisionRecord add_decision(std::int64_t week, const std::string& text, const std::string& owner, std::int64_t due_week,
                              const std::string& actor);
  [[nodiscard]] std::vector<DecisionRecord> decisions() const;
  /// Sets a decision open, done or dropped (Error Schema otherwise).
  DecisionRecord set_decision_status(std::int64_t id, const std::string& status, std::optional<std::int64_t> expected_version,
                                     const std::string& actor);

  /// The workspace clock's time now (ISO 8601 UTC), as written into its records.
  [[nodiscard]] std::string now() const;
  /// The last history entry's sequence number and hash: pins the state a plan was made from.
  [[nodiscard]] std::pair<std::int64_t, std::string> history_head() const;

  /// The coalition and mandate as stored, in the model's types (for planning in the server).
  [[nodiscard]] model::Coalition coalition() const;
  [[nodiscard]] model::Mandate mandate() const;

  /// History entries, oldest first; `entity`/`entity_id` filter when not empty.
  [[nodiscard]] std::vector<HistoryEntry> history(const std::string& entity = {}, const std::string& entity_id = {}) const;
  /// Recomputes the history's hash chain; returns the number of entries checked. Throws Error
  /// (Tampered) naming the first entry whose hash or link does not match.
  std::int64_t verify_history() const;

  /// Adds a user. Names are 1-64 characters of a-z, 0-9, '.', '_', '-'; a liaison needs a nation
  /// of the workspace, other roles none; passwords need at least 12 characters. Throws Error
  /// (Schema, Consistency for a taken name, Reference for an unknown nation).
  User create_user(const std::string& name, Role role, const std::string& nation, std::string_view password,
                   const std::string& actor);
  [[nodiscard]] std::vector<User> users() const;
  [[nodiscard]] std::optional<User> user(const std::string& name) const;
  /// Sets a user's password (the rules of create_user, Schema at /password) and ends every
  /// browser session of the user but the one of `kept_session_token` (empty: all of them), in
  /// this process at once. API tokens are kept. Recorded in the history (`set_password`, the
  /// number of sessions ended; never the password or its hash). Throws NotFound for an unknown
  /// user. Returns the number of sessions ended.
  std::int64_t set_password(const std::string& name, std::string_view password, const std::string& kept_session_token,
                            const std::string& actor);
  /// Disables or enables a user. Disabling ends the user's sessions; its API tokens are refused
  /// while it stays disabled (at once in this process). The last enabled secretariat user cannot
  /// be disabled (Consistency at /disabled): nobody could administer the workspace any more.
  /// Recorded in the history (`update`, the user before and after). Throws NotFound.
  User set_user_disabled(const std::string& name, bool disabled, const std::string& actor);
  /// The user if the name exists, is not disabled and the password matches; nullopt otherwise.
  /// Takes the same time whether or not the user exists, so timing does not reveal names.
  [[nodiscard]] std::optional<User> check_password(const std::string& name, std::string_view password) const;

  /// Starts a browser session for a user, valid until `expires_epoch` (seconds, UTC).
  NewSession create_session(const std::string& user, std::int64_t expires_epoch);
  /// The live session of a cookie token at `now_epoch`; nullopt when unknown, expired or the
  /// user is disabled. Expired sessions are removed on the way. A session verified within the
  /// last few seconds of `now_epoch` is answered from memory (docs/workspace.md, "Users and
  /// credentials").
  std::optional<Session> find_session(const std::string& token, std::int64_t now_epoch);
  /// Ends the session at once, in this process too.
  void end_session(const std::string& token);

  /// Issues an API token for a user; the token itself is returned once and never stored.
  std::pair<ApiToken, std::string> create_api_token(const std::string& user, const std::string& label,
                                                    const std::string& actor);
  [[nodiscard]] std::vector<ApiToken> api_tokens(const std::string& user) const;
  /// The user of a valid (not revoked) token; nullopt otherwise. A token verified within the
  /// last few seconds of `now_epoch` (seconds, UTC) is answered from memory (docs/workspace.md,
  /// "Users and credentials"); a revocation by this workspace object takes effect at once.
  [[nodiscard]] std::optional<User> user_of_token(const std::string& token, std::int64_t now_epoch) const;
  /// user_of_token at the system clock's time.
  [[nodiscard]] std::optional<User> user_of_token(const std::string& token) const;
  /// Revokes a token at once (NotFound for an unknown id). Returns the revoked token.
  ApiToken revoke_api_token(std::int64_t id, const std::string& actor);

  struct Impl;  ///< the connection and its lock; defined in src/store

private:
  /// export_scenario with every file written by `write` (durably, or as a scratch copy for load).
  void export_files(const std::filesystem::path& dir,
                    const std::function<void(const std::filesystem::path&, std::string_view)>& write) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace guarantor::store
