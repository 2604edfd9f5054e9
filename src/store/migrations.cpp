#include "migrations.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "spatial_rows.hpp"

namespace guarantor::store::detail {

namespace {
struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;             ///< portable SQL (database.hpp), run on every back end
  std::string_view sqlite_sql;      ///< then this on SQLite only
  std::string_view postgresql_sql;  ///< or this on PostgreSQL only
  /// Then this, for rows derived from data the workspace already holds (nullptr: none).
  void (*fill)(db::Connection&);
};

// Append only: a released migration is never edited in meaning, a change is a new migration.
// (Versions 1 and 2 were rewritten once in the portable form; on SQLite every column keeps its
// affinity, so files made before read and write exactly as they did.) Lists inside a record
// (caveat values, pledge sites) are JSON arrays of strings; everything a query filters or joins
// on is a typed column.
constexpr Migration MIGRATIONS[] = {
    {1, "scenario model (nations, pledges, caveats, requirement lines) and the audited history", R"sql(
CREATE TABLE scenario_header (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  as_of TEXT NOT NULL,
  coalition_name TEXT NOT NULL,
  mandate_name TEXT NOT NULL,
  mandate_description TEXT NOT NULL,
  mandate_source TEXT NOT NULL,
  posture_json TEXT NOT NULL
);
-- Theatre and catalogue files, kept byte for byte: they are sourced facts the workspace reads
-- but does not edit, and export writes them back unchanged.
CREATE TABLE scenario_document (
  position INTEGER PRIMARY KEY,
  role TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE nation (
  iso2 TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  nato INTEGER NOT NULL,
  eu INTEGER NOT NULL,
  home_lon DOUBLE PRECISION NOT NULL,
  home_lat DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL,
  sharing TEXT NOT NULL DEFAULT 'full' CHECK (sharing IN ('full', 'capability_only', 'aggregate')),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE pledge (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  nation TEXT NOT NULL REFERENCES nation (iso2),
  capability TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  readiness_days INTEGER NOT NULL CHECK (readiness_days >= 0),
  status TEXT NOT NULL,
  illustrative INTEGER NOT NULL,
  home_lon DOUBLE PRECISION,
  home_lat DOUBLE PRECISION,
  valid_until TEXT NOT NULL,
  source TEXT NOT NULL,
  includes_rotation INTEGER NOT NULL,
  sites_json TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pledge_by_nation ON pledge (nation);
CREATE TABLE pledge_caveat (
  pledge_id TEXT NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  values_json TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (pledge_id, position)
);
CREATE TABLE phase_gate (
  phase TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  opens_day INTEGER NOT NULL,
  trigger_text TEXT NOT NULL
);
CREATE TABLE condition_status (
  key TEXT PRIMARY KEY,
  met INTEGER NOT NULL
);
CREATE TABLE requirement_line (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  capability TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  phase TEXT NOT NULL,
  priority INTEGER NOT NULL,
  location TEXT NOT NULL,
  role TEXT NOT NULL,
  required_by_day INTEGER NOT NULL,
  coverage_demand TEXT,
  coverage_fraction DOUBLE PRECISION,
  coverage_filter TEXT,
  description TEXT NOT NULL,
  source TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- Every write: who, when, what before and after, hash-chained like the evidence log.
CREATE TABLE history (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX history_by_entity ON history (entity, entity_id, seq);
)sql",
     R"sql(
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
)sql",
     R"sql(
CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
  BEGIN RAISE EXCEPTION 'history is append-only'; END
$body$;
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE OR DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER history_is_append_only_truncate BEFORE TRUNCATE ON history
  FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
)sql",
     nullptr},
    {2, "users, browser sessions and API tokens", R"sql(
-- A liaison's nation is not a foreign key: a re-import may drop a nation, and the liaison then
-- simply has no pledges of its own.
CREATE TABLE app_user (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('secretariat', 'liaison', 'host_nation', 'planner', 'monitor', 'observer')),
  nation TEXT,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  CHECK ((role = 'liaison') = (nation IS NOT NULL))
);
-- Tokens are stored as SHA-256 digests only.
CREATE TABLE user_session (
  token_digest TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_epoch BIGINT NOT NULL
);
CREATE TABLE api_token (
  id @AUTO_ID@,
  user_name TEXT NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  label TEXT NOT NULL,
  token_digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
)sql",
     "", "", nullptr},
    {3, "site negotiation (status, lead nation, infrastructure assessment) and site comments", R"sql(
-- One row per site someone has touched; a site without one is proposed and unassessed. The site
-- itself is the theatre's (kept byte for byte), so site_id is not a foreign key. Portable SQL:
-- TEXT, INTEGER and DOUBLE PRECISION, times as ISO 8601 text.
CREATE TABLE site_negotiation (
  site_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'surveyed', 'offered', 'agreed', 'rejected')),
  lead_nation TEXT NOT NULL,
  runway_m INTEGER,
  rail_siding INTEGER,
  rail_gauge_mm INTEGER,
  housing_personnel INTEGER,
  protected_storage_m2 DOUBLE PRECISION,
  power_mw DOUBLE PRECISION,
  medical TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  notes TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE site_comment (
  id @AUTO_ID@,
  site_id TEXT NOT NULL,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX site_comment_by_site ON site_comment (site_id, id);
)sql",
     "", "", nullptr},
    {4, "plan versions made in the workspace, with their inputs' hashes and publication", R"sql(
-- A version is written once by a plan job; publishing sets published_at/by once (audited).
CREATE TABLE plan_version (
  id @AUTO_ID@,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  job_id TEXT NOT NULL,
  inputs_json TEXT NOT NULL,
  headline_json TEXT NOT NULL,
  plan_json TEXT NOT NULL,
  published_at TEXT,
  published_by TEXT
);
)sql",
     "", "", nullptr},
    {5, "the weekly cycle: weeks with their closing snapshot, and decisions", R"sql(
CREATE TABLE week (
  number INTEGER PRIMARY KEY,
  starts_on TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  snapshot_json TEXT,
  version INTEGER NOT NULL
);
CREATE TABLE decision (
  id @AUTO_ID@,
  week INTEGER NOT NULL REFERENCES week (number),
  body TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_week INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL
);
)sql",
     "", "", nullptr},
    {6, "incident report files ingested by monitors, and findings versions made by verify jobs", R"sql(
-- A report file is kept byte for byte as uploaded (CSV or JSON text) with its SHA-256, so a
-- findings version names exactly what it was made from; rows and rejected are the adapter's
-- counts when it was read at upload.
CREATE TABLE report_file (
  id @AUTO_ID@,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  reports INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  content TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);
-- Written once by a verify job; publishing sets published_at/by once (audited), as for plans.
CREATE TABLE findings_version (
  id @AUTO_ID@,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  job_id TEXT NOT NULL,
  inputs_json TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  findings_json TEXT NOT NULL,
  published_at TEXT,
  published_by TEXT
);
)sql",
     "", "", nullptr},
    {7, "background jobs as last recorded, so a restart reports them instead of forgetting them", R"sql(
-- One row per job, rewritten on each change of state (never to an older revision); status_json
-- is the job as GET /api/v1/jobs/{id} answers it. Not part of the audited history: a job's
-- lasting result is its version, which is.
CREATE TABLE job (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  revision BIGINT NOT NULL,
  status_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX job_by_state ON job (state);
)sql",
     "", "", nullptr},
    {8, "positions of the theatre's sites and of the incidents of findings versions, for spatial search", R"sql(
-- Derived rows, rebuilt from the theatre's site files at import and from a findings version's
-- document when it is stored (spatial_rows.cpp); a workspace of version 7 is filled when it is
-- opened. area is the admin area an incident was located only to, '' when located to a point.
CREATE TABLE site_position (
  site_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  lat DOUBLE PRECISION NOT NULL
);
CREATE TABLE incident_position (
  findings_version BIGINT NOT NULL REFERENCES findings_version (id),
  incident_id TEXT NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  incident_date TEXT NOT NULL,
  country TEXT NOT NULL,
  area TEXT NOT NULL,
  findings INTEGER NOT NULL,
  violations INTEGER NOT NULL,
  PRIMARY KEY (findings_version, incident_id)
);
)sql",
     // SQLite: the lon/lat prefilter of a search reads these; the exact test is the project's geometry.
     R"sql(
CREATE INDEX site_position_by_lat ON site_position (lat, lon);
CREATE INDEX incident_position_by_lat ON incident_position (findings_version, lat, lon);
)sql",
     // PostgreSQL: PostGIS columns kept by the database itself. Sites: geography, for geodesic
     // distances (band and radius searches). Incidents: geometry in lon/lat degrees, for
     // containment with straight edges in lon/lat as the project's polygons and RFC 7946 draw
     // them (geography would bend every edge along a great circle).
     R"sql(
CREATE EXTENSION IF NOT EXISTS postgis;
ALTER TABLE site_position ADD COLUMN geog geography(Point, 4326)
  GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED;
CREATE INDEX site_position_geog ON site_position USING GIST (geog);
ALTER TABLE incident_position ADD COLUMN geom geometry(Point, 4326)
  GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED;
CREATE INDEX incident_position_geom ON incident_position USING GIST (geom);
)sql",
     detail::fill_spatial_rows},
};
// The one DDL word the portable form leaves to each back end: a generated 64-bit row id.
std::string in_dialect(std::string_view sql, db::Dialect dialect) {
  static constexpr std::string_view AUTO_ID = "@AUTO_ID@";
  const std::string_view id_column = dialect == db::Dialect::Sqlite
                                         ? "INTEGER PRIMARY KEY"
                                         : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  std::string out(sql);
  for (auto at = out.find(AUTO_ID); at != std::string::npos; at = out.find(AUTO_ID, at))
    out.replace(at, AUTO_ID.size(), id_column);
  return out;
}
}  // namespace

int latest_schema_version() { return MIGRATIONS[std::size(MIGRATIONS) - 1].version; }

int schema_version(db::Connection& connection) {
  if (!connection.has_table("schema_migration")) return 0;
  auto max = connection.prepare("SELECT coalesce(max(version), 0) FROM schema_migration");
  max.step();
  return static_cast<int>(max.integer(0));
}

std::vector<int> migrate(db::Connection& connection, const std::string& now) {
  std::vector<int> applied;
  db::Transaction transaction(connection);
  connection.exec(
      "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  const int current = schema_version(connection);
  if (current > latest_schema_version()) {
    throw Error(ErrorCode::Consistency, connection.name(),
                fmt::format("the workspace has schema version {}; this guarantor knows versions up to {}. Use the "
                            "guarantor that created it, or a newer one",
                            current, latest_schema_version()));
  }
  for (const auto& migration : MIGRATIONS) {
    if (migration.version <= current) continue;
    connection.exec(in_dialect(migration.sql, connection.dialect()));
    const auto own = connection.dialect() == db::Dialect::Sqlite ? migration.sqlite_sql : migration.postgresql_sql;
    if (!own.empty()) connection.exec(own);
    if (migration.fill != nullptr) migration.fill(connection);
    connection.prepare("INSERT INTO schema_migration (version, description, applied_at) VALUES (?1, ?2, ?3)")
        .bind(1, migration.version)
        .bind(2, migration.description)
        .bind(3, now)
        .run();
    applied.push_back(migration.version);
  }
  transaction.commit();
  return applied;
}

}  // namespace guarantor::store::detail
