// Plan versions as rows of plan_version. Storing a version and publishing one are separate
// writes, each with its history entry (the plan text itself is not copied into the history: its
// inputs' hashes and headline are, and the row cannot be changed afterwards except to publish).
#include <fmt/format.h>

#include "guarantor/store/plan_versions.hpp"
#include "guarantor/store/workspace.hpp"
#include "version_publication.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;
constexpr const char* SELECT_VERSION =
    "SELECT id, created_at, created_by, job_id, inputs_json, headline_json, published_at, published_by FROM plan_version ";

PlanHeadline decode_headline(const json& value) {
  PlanHeadline headline;
  headline.lines_met = value.value("lines_met", 0);
  headline.lines_total = value.value("lines_total", 0);
  headline.deployed_units = value.value("deployed_units", 0);
  headline.deployed_personnel = value.value("deployed_personnel", 0);
  headline.closure_day = value.value("closure_day", 0);
  headline.illustrative = value.value("illustrative", false);
  return headline;
}

PlanVersion row_to_version(const db::Statement& row) {
  PlanVersion version;
  version.id = row.integer(0);
  version.created_at = row.text(1);
  version.created_by = row.text(2);
  version.job_id = row.text(3);
  version.inputs = json::parse(row.text(4));
  version.headline = decode_headline(json::parse(row.text(5)));
  version.published_at = row.is_null(6) ? "" : row.text(6);
  version.published_by = row.is_null(7) ? "" : row.text(7);
  return version;
}

std::optional<PlanVersion> read_version(db::Connection& connection, std::int64_t id) {
  auto select = connection.prepare(std::string(SELECT_VERSION) + "WHERE id = ?1");
  select.bind(1, id);
  if (select.step()) return row_to_version(select);
  return std::nullopt;
}
}  // namespace

json encode_headline(const PlanHeadline& h) {
  return {{"lines_met", h.lines_met},           {"lines_total", h.lines_total},
          {"deployed_units", h.deployed_units}, {"deployed_personnel", h.deployed_personnel},
          {"closure_day", h.closure_day},       {"illustrative", h.illustrative}};
}

json encode_plan_version(const PlanVersion& v) {
  json out = {{"id", v.id},         {"created_at", v.created_at}, {"created_by", v.created_by}, {"job_id", v.job_id},
              {"inputs", v.inputs}, {"headline", encode_headline(v.headline)}, {"published", v.published()}};
  if (v.published()) out["published_at"] = v.published_at, out["published_by"] = v.published_by;
  return out;
}

PlanVersion Workspace::store_plan_version(const std::string& plan_json, const json& inputs, const PlanHeadline& headline,
                                          const std::string& job_id, const std::string& actor) {
  std::lock_guard lock(impl_->mutex);
  auto& connection = impl_->connection;
  db::Transaction transaction(connection);
  PlanVersion version;
  version.created_at = impl_->clock();
  version.created_by = actor;
  version.job_id = job_id;
  version.inputs = inputs;
  version.headline = headline;
  auto insert = connection.prepare(
      "INSERT INTO plan_version (created_at, created_by, job_id, inputs_json, headline_json, plan_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  insert.bind(1, version.created_at)
      .bind(2, actor)
      .bind(3, job_id)
      .bind(4, inputs.dump())
      .bind(5, encode_headline(headline).dump())
      .bind(6, plan_json);
  insert.step();
  version.id = insert.integer(0);
  insert.reset();
  detail::append_history(connection, version.created_at, actor, "create", "plan_version", std::to_string(version.id), nullptr,
                         {{"job_id", job_id}, {"inputs", inputs}, {"headline", encode_headline(headline)}});
  transaction.commit();
  return version;
}

std::vector<PlanVersion> Workspace::plan_versions() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(std::string(SELECT_VERSION) + "ORDER BY id");
  std::vector<PlanVersion> versions;
  while (select.step()) versions.push_back(row_to_version(select));
  return versions;
}

std::optional<PlanVersion> Workspace::plan_version(std::int64_t id) const {
  const auto reader = impl_->read();
  return read_version(reader.connection(), id);
}

std::string Workspace::plan_version_text(std::int64_t id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare("SELECT plan_json FROM plan_version WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) throw NotFound("plan_version", std::to_string(id));
  return select.text(0);
}

PlanVersion Workspace::publish_plan_version(std::int64_t id, const std::string& actor) {
  return detail::publish_version<PlanVersion>(*impl_, "plan_version", id, actor, read_version,
                                              [](const PlanVersion& version) -> nlohmann::json {
                                                return {{"headline", encode_headline(version.headline)}};
                                              });
}

std::string Workspace::now() const { return impl_->clock(); }

std::pair<std::int64_t, std::string> Workspace::history_head() const {
  const auto reader = impl_->read();
  return detail::read_history_head(reader.connection());
}

}  // namespace guarantor::store
