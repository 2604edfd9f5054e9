// Opening the workspace, its records' vocabulary and the audited writes to pledges, nations and
// requirement lines.
#include "guarantor/store/workspace.hpp"

#include <chrono>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "guarantor/io/record_codec.hpp"
#include "guarantor/model/enum_names.hpp"
#include "migrations.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
constexpr model::detail::NameTable<SharingLevel, 3> SHARING_NAMES{{
    {SharingLevel::Full, "full"},
    {SharingLevel::CapabilityOnly, "capability_only"},
    {SharingLevel::Aggregate, "aggregate"},
}};
}  // namespace

std::string_view to_string(SharingLevel level) { return model::detail::name_of(SHARING_NAMES, level); }
std::optional<SharingLevel> sharing_level_from_string(std::string_view text) {
  return model::detail::parse_name(SHARING_NAMES, text);
}

VersionConflict::VersionConflict(const std::string& where, std::int64_t expected, std::int64_t current)
    : Error(ErrorCode::Consistency, where,
            fmt::format("version {} was named but the stored version is {}: someone changed the record since it "
                        "was read; read it again and reapply the change",
                        expected, current)),
      current_(current) {}

NotFound::NotFound(const std::string& entity, const std::string& id)
    : Error(ErrorCode::Reference, fmt::format("{} {}", entity, id), fmt::format("no {} has this id", entity)) {}

namespace {
// Read connections per workspace. Reads are short and CPU-bound, so a few per core keep the
// cores busy while others wait on I/O; each costs an SQLite page cache (about 2 MiB) or a
// PostgreSQL backend process (about 10 MiB), so the count stays small.
constexpr std::size_t READ_CONNECTIONS = 8;
}  // namespace

Workspace::Impl::Impl(const std::filesystem::path& location, Clock clock_fn)
    : owned(db::open(location.string())),
      connection(*owned),
      clock(std::move(clock_fn)),
      writes(connection, mutex),
      readers(location.string(), READ_CONNECTIONS) {}

std::string system_time_utc() {
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

namespace detail {
void check_version(const std::string& where, std::optional<std::int64_t> expected, std::int64_t current) {
  if (expected && *expected != current) throw VersionConflict(where, *expected, current);
}
}  // namespace detail

Workspace::Workspace(const std::filesystem::path& path, Clock clock)
    : impl_(std::make_unique<Impl>(path, std::move(clock))) {
  impl_->applied = detail::migrate(impl_->connection, impl_->clock());
}

Workspace::~Workspace() = default;

bool is_database_url(const std::string& location) { return db::is_postgresql_url(location); }

const std::string& Workspace::database_name() const noexcept { return impl_->connection.name(); }

int Workspace::schema_version() const {
  const auto reader = impl_->read();
  return detail::schema_version(reader.connection());
}

const std::vector<int>& Workspace::migrations_applied() const noexcept { return impl_->applied; }

bool Workspace::empty() const {
  const auto reader = impl_->read();
  auto count = reader.connection().prepare("SELECT count(*) FROM scenario_header");
  count.step();
  return count.integer(0) == 0;
}

std::vector<NationRecord> Workspace::nations() const {
  const auto reader = impl_->read();
  return detail::read_nations(reader.connection(), std::nullopt);
}

std::optional<NationRecord> Workspace::nation(const std::string& iso2) const {
  const auto reader = impl_->read();
  auto found = detail::read_nations(reader.connection(), iso2);
  if (found.empty()) return std::nullopt;
  return found.front();
}

NationRecord Workspace::update_nation(const model::Nation& nation, std::optional<std::int64_t> expected_version,
                                      const std::string& actor) {
  return impl_->grouped_write<NationRecord>([&](db::Connection& connection) {
    auto found = detail::read_nations(connection, nation.iso2);
    if (found.empty()) throw NotFound("nation", nation.iso2);
    NationRecord record = found.front();
    detail::check_version("nation " + nation.iso2, expected_version, record.version);
    const nlohmann::json before = io::encode_nation(record.nation);
    record.nation = nation;
    ++record.version;
    connection
        .prepare(
            "UPDATE nation SET name = ?1, nato = ?2, eu = ?3, home_lon = ?4, home_lat = ?5, source = ?6, "
            "version = ?7 WHERE iso2 = ?8")
        .bind(1, nation.name)
        .bind(2, nation.nato)
        .bind(3, nation.eu)
        .bind(4, nation.home.lon)
        .bind(5, nation.home.lat)
        .bind(6, nation.source)
        .bind(7, record.version)
        .bind(8, nation.iso2)
        .run();
    detail::append_history(connection, impl_->clock(), actor, "update", "nation", nation.iso2, before,
                           io::encode_nation(nation));
    return record;
  });
}

NationRecord Workspace::set_sharing(const std::string& iso2, SharingLevel level,
                                    std::optional<std::int64_t> expected_version, const std::string& actor) {
  std::optional<NationRecord> written;
  impl_->writes.run([&](db::Connection& connection) {
    auto found = detail::read_nations(connection, iso2);
    if (found.empty()) throw NotFound("nation", iso2);
    NationRecord record = found.front();
    detail::check_version("nation " + iso2, expected_version, record.version);
    const nlohmann::json before = {{"sharing", to_string(record.sharing)}};
    record.sharing = level;
    ++record.version;
    connection.prepare("UPDATE nation SET sharing = ?1, version = ?2 WHERE iso2 = ?3")
        .bind(1, to_string(level))
        .bind(2, record.version)
        .bind(3, iso2)
        .run();
    detail::append_history(connection, impl_->clock(), actor, "update", "nation", iso2, before,
                           {{"sharing", to_string(level)}});
    written = std::move(record);
  });
  return std::move(*written);
}

std::vector<PledgeRecord> Workspace::pledges() const {
  const auto reader = impl_->read();
  return detail::read_pledges(reader.connection(), std::nullopt);
}

std::optional<PledgeRecord> Workspace::pledge(const std::string& id) const {
  const auto reader = impl_->read();
  auto found = detail::read_pledges(reader.connection(), id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

PledgeChanges Workspace::pledge_changes_since(std::int64_t since) const {
  PledgeChanges changes;
  // Nearly every read finds nothing new. The head of the history, read once for all the readers
  // asking at the same moment, says so without a connection and a transaction for each (three
  // round trips each on PostgreSQL).
  if (since >= 0) {
    changes.revision =
        impl_->history_head.answer([this] { return detail::read_history_head(impl_->read().connection()).first; });
    if (since == changes.revision) return changes;
  }
  const auto reader = impl_->read();
  auto& connection = reader.connection();
  changes.revision = detail::read_history_head(connection).first;
  if (since == changes.revision) return changes;
  // Entries after `since`: pledge updates are re-read one by one; entities that hold no pledge
  // or sharing data (sites, weeks, users, versions...) change nothing here; anything else, or
  // more entries than re-reading everything would cost, makes the answer complete.
  constexpr std::int64_t MOST_ENTRIES_APART = 256;
  bool in_place = since >= 0 && since < changes.revision && changes.revision - since <= MOST_ENTRIES_APART;
  std::set<std::string> replaced;
  if (in_place) {
    auto entries = connection.prepare("SELECT entity, action, entity_id FROM history WHERE seq > ?1 ORDER BY seq");
    entries.bind(1, since);
    while (in_place && entries.step()) {
      const std::string entity = entries.text(0);
      if (entity == "pledge" && entries.text(1) == "update") replaced.insert(entries.text(2));
      else if (entity == "pledge" || entity == "nation" || entity == "scenario") in_place = false;
    }
  }
  for (auto id = replaced.begin(); in_place && id != replaced.end(); ++id) {
    auto found = detail::read_pledges(connection, *id);
    // An updated pledge always exists at the revision read, unless a later write is missing
    // from the history; then everything is read rather than guessed.
    if (found.empty()) in_place = false;
    else changes.pledges.push_back(std::move(found.front()));
  }
  if (in_place) return changes;
  changes.complete = true;
  changes.pledges = detail::read_pledges(connection, std::nullopt);
  changes.nations = detail::read_nations(connection, std::nullopt);
  return changes;
}

PledgeRecord Workspace::create_pledge(const model::Pledge& pledge, const std::string& actor) {
  impl_->writes.run([&](db::Connection& connection) {
    if (!detail::read_pledges(connection, pledge.id).empty())
      throw Error(ErrorCode::Consistency, "pledge " + pledge.id, "a pledge with this id exists; expected a new id");
    if (detail::read_nations(connection, pledge.nation).empty()) throw NotFound("nation", pledge.nation);
    auto next = connection.prepare("SELECT coalesce(max(position), -1) + 1 FROM pledge");
    next.step();
    detail::insert_pledge(connection, pledge, next.integer(0), 1);
    detail::append_history(connection, impl_->clock(), actor, "create", "pledge", pledge.id, nullptr,
                           io::encode_pledge(pledge));
  });
  return {pledge, 1};
}

PledgeRecord Workspace::update_pledge(const model::Pledge& pledge, std::optional<std::int64_t> expected_version,
                                      const std::string& actor) {
  std::int64_t version = 0;
  impl_->writes.run([&](db::Connection& connection) {
    auto found = detail::read_pledges(connection, pledge.id);
    if (found.empty()) throw NotFound("pledge", pledge.id);
    const PledgeRecord& current = found.front();
    detail::check_version("pledge " + pledge.id, expected_version, current.version);
    if (detail::read_nations(connection, pledge.nation).empty()) throw NotFound("nation", pledge.nation);
    // Delete and re-insert at the same position keeps the caveat rows exactly the new ones.
    const std::int64_t position = detail::delete_pledge_row(connection, pledge.id);
    detail::insert_pledge(connection, pledge, position, current.version + 1);
    detail::append_history(connection, impl_->clock(), actor, "update", "pledge", pledge.id,
                           io::encode_pledge(current.value), io::encode_pledge(pledge));
    version = current.version + 1;
  });
  return {pledge, version};
}

void Workspace::delete_pledge(const std::string& id, std::optional<std::int64_t> expected_version,
                              const std::string& actor) {
  impl_->writes.run([&](db::Connection& connection) {
    auto found = detail::read_pledges(connection, id);
    if (found.empty()) throw NotFound("pledge", id);
    detail::check_version("pledge " + id, expected_version, found.front().version);
    detail::delete_pledge_row(connection, id);
    detail::append_history(connection, impl_->clock(), actor, "delete", "pledge", id,
                           io::encode_pledge(found.front().value), nullptr);
  });
}

std::vector<RequirementRecord> Workspace::requirement_lines() const {
  const auto reader = impl_->read();
  return detail::read_requirement_lines(reader.connection(), std::nullopt);
}

std::optional<RequirementRecord> Workspace::requirement_line(const std::string& id) const {
  const auto reader = impl_->read();
  auto found = detail::read_requirement_lines(reader.connection(), id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

RequirementRecord Workspace::update_requirement_line(const model::RequirementLine& line,
                                                     std::optional<std::int64_t> expected_version,
                                                     const std::string& actor) {
  std::int64_t version = 0;
  impl_->writes.run([&](db::Connection& connection) {
    auto found = detail::read_requirement_lines(connection, line.id);
    if (found.empty()) throw NotFound("requirement_line", line.id);
    const RequirementRecord& current = found.front();
    detail::check_version("requirement_line " + line.id, expected_version, current.version);
    auto position = connection.prepare("SELECT position FROM requirement_line WHERE id = ?1");
    position.bind(1, line.id).step();
    const std::int64_t at = position.integer(0);
    connection.prepare("DELETE FROM requirement_line WHERE id = ?1").bind(1, line.id).run();
    detail::insert_requirement_line(connection, line, at, current.version + 1);
    detail::append_history(connection, impl_->clock(), actor, "update", "requirement_line", line.id,
                           io::encode_requirement_line(current.value), io::encode_requirement_line(line));
    version = current.version + 1;
  });
  return {line, version};
}

RequirementRecord Workspace::create_requirement_line(const model::RequirementLine& line, const std::string& actor) {
  impl_->writes.run([&](db::Connection& connection) {
    if (!detail::read_requirement_lines(connection, line.id).empty())
      throw Error(ErrorCode::Consistency, "requirement_line " + line.id,
                  "a requirement line with this id exists; expected a new id");
    auto next = connection.prepare("SELECT coalesce(max(position), -1) + 1 FROM requirement_line");
    next.step();
    detail::insert_requirement_line(connection, line, next.integer(0), 1);
    detail::append_history(connection, impl_->clock(), actor, "create", "requirement_line", line.id, nullptr,
                           io::encode_requirement_line(line));
  });
  return {line, 1};
}

void Workspace::delete_requirement_line(const std::string& id, std::optional<std::int64_t> expected_version,
                                        const std::string& actor) {
  impl_->writes.run([&](db::Connection& connection) {
    auto found = detail::read_requirement_lines(connection, id);
    if (found.empty()) throw NotFound("requirement_line", id);
    detail::check_version("requirement_line " + id, expected_version, found.front().version);
    connection.prepare("DELETE FROM requirement_line WHERE id = ?1").bind(1, id).run();
    detail::append_history(connection, impl_->clock(), actor, "delete", "requirement_line", id,
                           io::encode_requirement_line(found.front().value), nullptr);
  });
}

WriteStatistics Workspace::write_statistics() const { return impl_->writes.statistics(); }

}  // namespace guarantor::store
