// Report files and findings versions as rows of report_file and findings_version. Ingesting a
// file, storing a version and publishing one are separate writes, each with its history entry;
// the history names a file by its SHA-256 and a version by its inputs' hashes and counts (the
// texts themselves are not copied into the history, and the rows are never changed afterwards
// except to publish a version).
#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "guarantor/store/findings.hpp"
#include "guarantor/store/workspace.hpp"
#include "spatial_rows.hpp"
#include "version_publication.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;
constexpr const char* SELECT_FILE =
    "SELECT id, name, format, sha256, bytes, reports, rejected, uploaded_at, uploaded_by FROM report_file ";
constexpr const char* SELECT_VERSION =
    "SELECT id, created_at, created_by, job_id, inputs_json, summary_json, published_at, published_by FROM findings_version ";

ReportFile row_to_file(const db::Statement& row) {
  ReportFile file;
  file.id = row.integer(0);
  file.name = row.text(1);
  file.format = row.text(2);
  file.sha256 = row.text(3);
  file.bytes = row.integer(4);
  file.reports = static_cast<int>(row.integer(5));
  file.rejected = static_cast<int>(row.integer(6));
  file.uploaded_at = row.text(7);
  file.uploaded_by = row.text(8);
  return file;
}

FindingsVersion row_to_version(const db::Statement& row) {
  FindingsVersion version;
  version.id = row.integer(0);
  version.created_at = row.text(1);
  version.created_by = row.text(2);
  version.job_id = row.text(3);
  version.inputs = json::parse(row.text(4));
  version.summary = json::parse(row.text(5));
  version.published_at = row.is_null(6) ? "" : row.text(6);
  version.published_by = row.is_null(7) ? "" : row.text(7);
  return version;
}

std::optional<FindingsVersion> read_version(db::Connection& connection, std::int64_t id) {
  auto select = connection.prepare(std::string(SELECT_VERSION) + "WHERE id = ?1");
  select.bind(1, id);
  if (select.step()) return row_to_version(select);
  return std::nullopt;
}
}  // namespace

json encode_report_file(const ReportFile& f) {
  return {{"id", f.id},           {"name", f.name},         {"format", f.format},           {"sha256", f.sha256},
          {"bytes", f.bytes},     {"reports", f.reports},   {"rejected", f.rejected},       {"uploaded_at", f.uploaded_at},
          {"uploaded_by", f.uploaded_by}};
}

json encode_findings_version(const FindingsVersion& v) {
  json out = {{"id", v.id},         {"created_at", v.created_at}, {"created_by", v.created_by}, {"job_id", v.job_id},
              {"inputs", v.inputs}, {"summary", v.summary},       {"published", v.published()}};
  if (v.published()) out["published_at"] = v.published_at, out["published_by"] = v.published_by;
  return out;
}

ReportFile Workspace::add_report_file(const std::string& name, const std::string& format, const std::string& content,
                                      int reports, int rejected, const std::string& actor) {
  return impl_->grouped_write<ReportFile>([&](db::Connection& connection) -> ReportFile {
    ReportFile file;
    file.name = name;
    file.format = format;
    file.sha256 = sha256_hex(content);
    file.bytes = static_cast<std::int64_t>(content.size());
    file.reports = reports;
    file.rejected = rejected;
    file.uploaded_at = impl_->clock();
    file.uploaded_by = actor;
    auto insert = connection.prepare(
        "INSERT INTO report_file (name, format, sha256, bytes, reports, rejected, content, uploaded_at, uploaded_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    insert.bind(1, name)
        .bind(2, format)
        .bind(3, file.sha256)
        .bind(4, file.bytes)
        .bind(5, reports)
        .bind(6, rejected)
        .bind(7, content)
        .bind(8, file.uploaded_at)
        .bind(9, actor);
    insert.step();
    file.id = insert.integer(0);
    insert.reset();
    json after = encode_report_file(file);
    after.erase("id");
    detail::append_history(connection, file.uploaded_at, actor, "create", "report_file", std::to_string(file.id),
                           nullptr, after);
    return file;
  });
}

std::vector<ReportFile> Workspace::report_files() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_FILE) + "ORDER BY id");
  std::vector<ReportFile> files;
  while (select.step()) files.push_back(row_to_file(select));
  return files;
}

std::optional<ReportFile> Workspace::report_file(std::int64_t id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_FILE) + "WHERE id = ?1");
  select.bind(1, id);
  if (select.step()) return row_to_file(select);
  return std::nullopt;
}

std::string Workspace::report_file_content(std::int64_t id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare("SELECT content FROM report_file WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) throw NotFound("report_file", std::to_string(id));
  return select.text(0);
}

FindingsVersion Workspace::store_findings_version(const std::string& findings_json, const json& inputs, const json& summary,
                                                  const std::string& job_id, const std::string& actor) {
  std::lock_guard lock(impl_->mutex);
  auto& connection = impl_->connection;
  db::Transaction transaction(connection);
  FindingsVersion version;
  version.created_at = impl_->clock();
  version.created_by = actor;
  version.job_id = job_id;
  version.inputs = inputs;
  version.summary = summary;
  auto insert = connection.prepare(
      "INSERT INTO findings_version (created_at, created_by, job_id, inputs_json, summary_json, findings_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  insert.bind(1, version.created_at)
      .bind(2, actor)
      .bind(3, job_id)
      .bind(4, inputs.dump())
      .bind(5, summary.dump())
      .bind(6, findings_json);
  insert.step();
  version.id = insert.integer(0);
  insert.reset();
  detail::store_incident_positions(connection, version.id, findings_json);
  detail::append_history(connection, version.created_at, actor, "create", "findings_version", std::to_string(version.id),
                         nullptr,
                         {{"job_id", job_id}, {"inputs", inputs}, {"summary", summary},
                          {"findings_sha256", sha256_hex(findings_json)}});
  transaction.commit();
  return version;
}

std::vector<FindingsVersion> Workspace::findings_versions() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_VERSION) + "ORDER BY id");
  std::vector<FindingsVersion> versions;
  while (select.step()) versions.push_back(row_to_version(select));
  return versions;
}

std::optional<FindingsVersion> Workspace::findings_version(std::int64_t id) const {
  const auto reader = impl_->read();
  return read_version(reader.connection(), id);
}

std::string Workspace::findings_version_text(std::int64_t id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare("SELECT findings_json FROM findings_version WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) throw NotFound("findings_version", std::to_string(id));
  return select.text(0);
}

FindingsVersion Workspace::publish_findings_version(std::int64_t id, const std::string& actor) {
  return detail::publish_version<FindingsVersion>(*impl_, "findings_version", id, actor, read_version,
                                                  [](const FindingsVersion& version) -> nlohmann::json {
                                                    return {{"summary", version.summary}};
                                                  });
}

}  // namespace guarantor::store
