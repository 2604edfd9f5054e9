// Positions of sites and incidents for the spatial search, derived from what the workspace
// stores: the theatre's site files (kept byte for byte, validated at import) and the findings
// documents of findings versions. A findings document can be large (60 MiB for 56,078
// findings), so it is read as a stream of events, never as a whole tree.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/store/spatial.hpp"
#include "spatial_rows.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;

// The sentence the verifier writes into a finding's reasons when its incident was located only
// to an admin area (verify/finding_text.cpp, coarse_location_reason); an "area" member, where a
// findings document has one, says it directly.
constexpr std::string_view AREA_ONLY_REASON = "located only to area ";

std::string area_in_reason(const std::string& reason) {
  const auto at = reason.find(AREA_ONLY_REASON);
  if (at == std::string::npos) return {};
  const auto start = at + AREA_ONLY_REASON.size();
  const auto end = reason.find_first_of(" ;(", start);
  return reason.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Reads the members of each element of the root's "findings" array that place its incident.
// Depth counts open objects and arrays: 1 the root, 2 the findings array, 3 a finding, 4 an
// array or object inside a finding (its position, its reasons; deeper ones are skipped).
class FindingsReader : public nlohmann::json_sax<json> {
public:
  FindingsReader(std::string where, std::vector<IncidentPosition>& incidents)
      : where_(std::move(where)), incidents_(incidents) {}

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t value) override { return number(static_cast<double>(value)); }
  bool number_unsigned(number_unsigned_t value) override { return number(static_cast<double>(value)); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return number(value); }
  bool binary(binary_t& /*value*/) override { return true; }
  bool string(string_t& value) override {
    if (depth_ == 3) {
      if (key_ == "incident") finding_.incident_id = value;
      else if (key_ == "date") finding_.date = value;
      else if (key_ == "country") finding_.country = value;
      else if (key_ == "outcome") violation_ = value == "violation";
      else if (key_ == "area") finding_.area = value;
    } else if (depth_ == 4 && key_ == "reasons" && finding_.area.empty()) {
      finding_.area = area_in_reason(value);
    }
    return true;
  }
  bool start_object(std::size_t /*elements*/) override {
    if (++depth_ == 3 && in_findings_) {
      finding_ = IncidentPosition{};
      coordinates_.clear();
      violation_ = false;
    }
    return true;
  }
  bool end_object() override {
    if (depth_-- == 3 && in_findings_) finish();
    return true;
  }
  bool start_array(std::size_t /*elements*/) override {
    if (++depth_ == 2 && key_ == "findings") in_findings_ = true;
    return true;
  }
  bool end_array() override {
    if (depth_-- == 2) in_findings_ = false;
    return true;
  }
  bool key(string_t& value) override {
    if (depth_ <= 3) key_ = value;
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& error) override {
    throw Error(ErrorCode::Syntax, where_,
                fmt::format("byte {}: {}; expected a findings document", position, error.what()));
  }

private:
  bool number(double value) {
    if (depth_ == 4 && key_ == "position" && in_findings_) coordinates_.push_back(value);
    return true;
  }

  void finish() {
    const std::string pointer = fmt::format("{} /findings/{}", where_, ordinal_++);
    if (finding_.incident_id.empty())
      throw Error(ErrorCode::Schema, pointer + "/incident", "missing; expected the incident's id");
    if (coordinates_.size() != 2 || !geo::is_valid({coordinates_[0], coordinates_[1]}))
      throw Error(ErrorCode::Schema, pointer + "/position", "expected the incident's [lon, lat] in degrees");
    auto [at, fresh] = by_id_.try_emplace(finding_.incident_id, incidents_.size());
    if (fresh) {
      finding_.position = {coordinates_[0], coordinates_[1]};
      incidents_.push_back(finding_);
    }
    auto& incident = incidents_[at->second];
    if (incident.area.empty()) incident.area = finding_.area;
    ++incident.findings;
    if (violation_) ++incident.violations;
  }

  std::string where_;
  std::vector<IncidentPosition>& incidents_;
  std::map<std::string, std::size_t> by_id_;
  int depth_ = 0;
  bool in_findings_ = false;
  std::string key_;
  IncidentPosition finding_;
  std::vector<double> coordinates_;
  bool violation_ = false;
  std::size_t ordinal_ = 0;
};
}  // namespace

std::vector<Polyline> boundary_lines(const geo::MultiPolygon& area) {
  std::vector<Polyline> lines;
  auto add = [&](const geo::Ring& ring) {
    if (ring.empty()) return;
    Polyline line = ring;
    line.push_back(ring.front());  // rings are stored open; the line returns to its start
    lines.push_back(std::move(line));
  };
  for (const auto& part : area.parts()) {
    add(part.outer);
    for (const auto& hole : part.holes) add(hole);
  }
  return lines;
}

std::vector<IncidentPosition> incidents_of_findings(const std::string& findings_json, const std::string& where) {
  std::vector<IncidentPosition> incidents;
  FindingsReader reader(where, incidents);
  json::sax_parse(findings_json, &reader);
  return incidents;
}

namespace detail {

void store_site_positions(db::Connection& connection) {
  connection.exec("DELETE FROM site_position");
  auto documents = connection.prepare(
      "SELECT file_name, content FROM scenario_document WHERE role = 'theatre.sites' ORDER BY position");
  auto insert =
      connection.prepare("INSERT INTO site_position (site_id, kind, country, lon, lat) VALUES (?1, ?2, ?3, ?4, ?5)");
  while (documents.step()) {
    // Validated by the scenario loader when imported: only the members placed here are read.
    const json root = json::parse(documents.text(1));
    for (const auto& site : root.at("sites")) {
      const auto& position = site.at("position");
      insert.bind(1, site.at("id").get<std::string>())
          .bind(2, site.at("kind").get<std::string>())
          .bind(3, site.at("country").get<std::string>())
          .bind(4, position.at(0).get<double>())
          .bind(5, position.at(1).get<double>());
      insert.run();
      insert.reset();
    }
  }
}

void store_incident_positions(db::Connection& connection, std::int64_t version_id, const std::string& findings_json) {
  const auto incidents = incidents_of_findings(findings_json, fmt::format("findings version {}", version_id));
  auto insert = connection.prepare(
      "INSERT INTO incident_position (findings_version, incident_id, lon, lat, incident_date, country, area, findings, "
      "violations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const auto& incident : incidents) {
    insert.bind(1, version_id)
        .bind(2, incident.incident_id)
        .bind(3, incident.position.lon)
        .bind(4, incident.position.lat)
        .bind(5, incident.date)
        .bind(6, incident.country)
        .bind(7, incident.area)
        .bind(8, incident.findings)
        .bind(9, incident.violations);
    insert.run();
    insert.reset();
  }
}

void fill_spatial_rows(db::Connection& connection) {
  store_site_positions(connection);
  std::vector<std::int64_t> versions;
  auto ids = connection.prepare("SELECT id FROM findings_version ORDER BY id");
  while (ids.step()) versions.push_back(ids.integer(0));
  ids.reset();
  for (const auto id : versions) {
    auto text = connection.prepare("SELECT findings_json FROM findings_version WHERE id = ?1");
    text.bind(1, id);
    text.step();
    const std::string document = text.text(0);
    text.reset();
    store_incident_positions(connection, id, document);
  }
}

}  // namespace detail
}  // namespace guarantor::store
