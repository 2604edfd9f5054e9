// POST /api/v1/sites/search and POST /api/v1/findings/{id}/incidents/search: the workspace's
// spatial search (store/spatial.hpp). Sites are found within a band of distances from the line
// of contact (the boundary of the theatre's latest occupied area, as the verifier reads it),
// from a GeoJSON line, or from a point; incidents of a findings version inside an oblast, the
// occupied area or a GeoJSON polygon. Incidents located only to an admin area are listed with
// that area, since their position is the area's centre.
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/store/spatial.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> SITE_READERS = {Role::Secretariat, Role::Liaison, Role::HostNation, Role::Planner, Role::Monitor};
const std::set<Role> FINDINGS_READERS = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                         Role::Planner,     Role::Monitor, Role::Observer};
const std::set<Role> READ_UNPUBLISHED_FINDINGS = {Role::Secretariat, Role::Monitor};
// Half the equator's length on WGS84 (pi x 6,378,137 m): no two points are farther apart along
// the surface, so a larger band is a typing error.
constexpr double LONGEST_DISTANCE_M = 20'037'509.0;
constexpr const char* BODY = "request body";

// The one member of `choices` the body has; 400 naming the body when none or several are given.
std::string chosen_member(const json& body, std::initializer_list<const char*> choices) {
  std::string chosen;
  std::string listed;
  for (const char* choice : choices) {
    listed += fmt::format("{}\"{}\"", listed.empty() ? "" : ", ", choice);
    if (!body.contains(choice)) continue;
    if (!chosen.empty())
      throw ApiError(400, "schema", fmt::format(R"(both "{}" and "{}" given; expected exactly one)", chosen, choice),
                     std::string("/") + choice);
    chosen = choice;
  }
  if (chosen.empty()) throw ApiError(400, "schema", fmt::format("expected exactly one of {}", listed), "");
  return chosen;
}

void require_true(const json& body, const char* key) {
  if (body[key] != true)
    throw ApiError(400, "schema", fmt::format("got {}; expected true", body[key].dump()), std::string("/") + key);
}

const geo::MultiPolygon& occupied_area_or_conflict(Context& context, const char* key) {
  const auto* area = context.server.base.theatre.occupied_area();
  if (area == nullptr)
    throw ApiError(409, "consistency", "the workspace's theatre has no occupied area, so no line of contact",
                   std::string("/") + key);
  return area->area;
}

// A GeoJSON LineString or MultiLineString geometry as polylines of at least 2 positions.
std::vector<store::Polyline> read_lines(const json& geometry, const std::string& pointer, io::FieldReader& reader) {
  std::vector<store::Polyline> lines;
  if (reader.object(geometry, pointer) == nullptr) return lines;
  const std::string type = reader.string(geometry, "type", pointer);
  const io::Json* coordinates = reader.array(geometry, "coordinates", pointer);
  if (coordinates == nullptr) return lines;
  auto read_line = [&](const json& points, const std::string& at) {
    if (!points.is_array() || points.size() < 2) {
      reader.fail(ErrorCode::Schema, at, "expected an array of at least 2 [longitude, latitude] positions");
      return;
    }
    store::Polyline line;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (auto position = reader.position_value(points[i], fmt::format("{}/{}", at, i))) line.push_back(*position);
    if (line.size() == points.size()) lines.push_back(std::move(line));
  };
  if (type == "LineString") {
    read_line(*coordinates, pointer + "/coordinates");
  } else if (type == "MultiLineString") {
    if (coordinates->empty())
      reader.fail(ErrorCode::Schema, pointer + "/coordinates", "empty; expected at least one line");
    for (std::size_t i = 0; i < coordinates->size(); ++i)
      read_line((*coordinates)[i], fmt::format("{}/coordinates/{}", pointer, i));
  } else if (!type.empty()) {
    reader.fail(ErrorCode::Schema, pointer + "/type",
                fmt::format("got \"{}\"; expected LineString or MultiLineString", type));
  }
  return lines;
}

Reply search_sites(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  const std::string from = chosen_member(body, {"line_of_contact", "line", "point"});
  DiagnosticSink sink;
  io::FieldReader reader(BODY, sink);
  store::SiteSearch search;
  reader.known("", from);
  if (from == "line_of_contact") {
    require_true(body, "line_of_contact");
    search.lines = store::boundary_lines(occupied_area_or_conflict(context, "line_of_contact"));
  } else if (from == "line") {
    search.lines = read_lines(body["line"], "/line", reader);
  } else {
    search.point = reader.position_value(body["point"], "/point");
  }
  search.min_m = reader.number(body, "min_m", "", 0.0, LONGEST_DISTANCE_M, 0.0);
  search.max_m = reader.number(body, "max_m", "", 0.0, LONGEST_DISTANCE_M);
  if (sink.empty() && search.min_m > search.max_m)
    reader.fail(ErrorCode::Schema, "/min_m",
                fmt::format("got {}; expected at most max_m ({})", search.min_m, search.max_m));
  search.kinds = reader.strings(body, "kind", "");
  for (std::size_t i = 0; i < search.kinds.size(); ++i)
    if (!model::site_kind_from_string(search.kinds[i]))
      reader.fail(
          ErrorCode::Schema, fmt::format("/kind/{}", i),
          fmt::format("got \"{}\"; expected energy, airfield, port, border_crossing, rail_junction or candidate_hub",
                      search.kinds[i]));
  search.countries = reader.strings(body, "country", "");
  reader.close_object(body, "");
  sink.throw_if_any();

  const auto hits = context.server.workspace.search_sites(search);
  std::map<std::string, store::SiteNegotiationRecord> recorded;
  for (auto& record : context.server.workspace.site_negotiations()) recorded[record.site_id] = std::move(record);
  json items = json::array();
  for (std::size_t i = offset; i < hits.size() && items.size() < limit; ++i) {
    const auto& hit = hits[i];
    const auto* site = context.server.base.theatre.find_site(hit.site_id);
    const auto negotiation = recorded.find(hit.site_id);
    items.push_back(
        {{"id", hit.site_id},
         {"name", site != nullptr ? site->name : ""},
         {"kind", hit.kind},
         {"country", hit.country},
         {"position", {hit.position.lon, hit.position.lat}},
         {"distance_m", hit.distance_m},
         {"negotiation_status", model::to_string(negotiation != recorded.end() ? negotiation->second.status
                                                                               : model::SiteNegotiation::Proposed)}});
  }
  return {200,
          {{"measured_from", from}, {"items", items}, {"total", hits.size()}, {"limit", limit}, {"offset", offset}},
          {}};
}

Reply search_incidents(Context& context) {
  const auto [limit, offset] = page_of(context.request);
  const std::string id_text = context.path_param(1);
  auto version = context.server.workspace.findings_version(std::stoll(id_text));
  // As for GET /api/v1/findings/{id}: an unpublished version does not exist for its other readers.
  if (!version || (!READ_UNPUBLISHED_FINDINGS.contains(context.user().role) && !version->published()))
    throw store::NotFound("findings_version", id_text);
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  const std::string within = chosen_member(body, {"oblast", "occupied_area", "polygon"});
  DiagnosticSink sink;
  io::FieldReader reader(BODY, sink);
  reader.known("", within);
  geo::MultiPolygon area;
  if (within == "oblast") {
    const json& code = body["oblast"];
    const auto& regions = context.server.base.theatre.regions;
    const auto region = std::find_if(regions.begin(), regions.end(), [&](const model::Region& r) {
      return code.is_string() && r.iso_code == code.get<std::string>();
    });
    if (region == regions.end())
      throw ApiError(
          400, "reference",
          fmt::format("got {}; expected the ISO 3166-2 code of one of the theatre's {} regions, such as \"{}\"",
                      code.dump(), regions.size(), regions.empty() ? "UA-63" : regions.front().iso_code),
          "/oblast");
    area = region->area;
  } else if (within == "occupied_area") {
    require_true(body, "occupied_area");
    area = occupied_area_or_conflict(context, "occupied_area");
  } else {
    area = io::read_geojson_polygons(body["polygon"], "/polygon", reader);
  }
  reader.close_object(body, "");
  sink.throw_if_any();

  const auto found = context.server.workspace.search_incidents(version->id, area);
  json items = json::array();
  std::size_t area_only = 0;
  for (const auto& incident : found) area_only += incident.area.empty() ? 0 : 1;
  for (std::size_t i = offset; i < found.size() && items.size() < limit; ++i) {
    const auto& incident = found[i];
    json item = {{"incident", incident.incident_id},
                 {"position", {incident.position.lon, incident.position.lat}},
                 {"date", incident.date},
                 {"country", incident.country},
                 {"findings", incident.findings},
                 {"violations", incident.violations}};
    // Flagged, not dropped: the position is the area's centre and the incident may lie anywhere in it.
    if (!incident.area.empty()) item["located_only_to_area"] = incident.area;
    items.push_back(std::move(item));
  }
  return {200,
          {{"findings_version", version->id},
           {"within", within},
           {"items", items},
           {"total", found.size()},
           {"located_only_to_area", area_only},
           {"limit", limit},
           {"offset", offset}},
          {}};
}
}  // namespace

void add_spatial_routes(std::vector<Route>& table) {
  table.push_back({"POST", "/api/v1/sites/search", SITE_READERS, search_sites});
  table.push_back({"POST", R"(/api/v1/findings/([0-9]{1,18})/incidents/search)", FINDINGS_READERS, search_incidents});
}

}  // namespace guarantor::server
