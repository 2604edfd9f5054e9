// Spatial search over site_position and incident_position. On PostgreSQL, PostGIS decides in
// the database: ST_DWithin / ST_Distance on the sites' geography (geodesic, on the WGS84
// spheroid) through its GiST index, ST_Covers on the incidents' lon/lat geometry. On SQLite, a
// lon/lat box the answer cannot leave is read through the (lat, lon) index, and the project's
// geometry decides (geo::distance_to_segment, geo::geodesic_distance, MultiPolygon::contains),
// as the verifier judges bands and zones.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/geo/geodesic.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;

// The shortest degree of latitude (at the equator) and the longest degree of longitude (also
// there), in metres on WGS84: a distance d spans at most d / LAT_DEGREE_MIN_M degrees of
// latitude and d / (LON_DEGREE_EQUATOR_M cos(lat)) of longitude.
constexpr double LAT_DEGREE_MIN_M = 110'574.0;
constexpr double LON_DEGREE_EQUATOR_M = 111'320.0;
// The box is widened by this fraction and this many degrees more: a geodesic between two vertices
// leaves their lon/lat box (towards the pole) by a little, which the box must still hold.
constexpr double BOX_SLACK_FRACTION = 0.05;
constexpr double BOX_SLACK_DEG = 0.05;

struct Box {
  double min_lon, min_lat, max_lon, max_lat;
};

// The box of `points` widened by `distance_m` on every side; the longitude range is the whole
// circle when it reaches a pole or would wrap around the antimeridian.
Box widened_box(const std::vector<geo::LonLat>& points, double distance_m) {
  geo::BoundingBox box;
  for (const auto& point : points) box.extend(point);
  const double reach_m = distance_m * (1.0 + BOX_SLACK_FRACTION);
  const double dlat = reach_m / LAT_DEGREE_MIN_M + BOX_SLACK_DEG;
  Box out{box.min_lon, std::max(-90.0, box.min_lat - dlat), box.max_lon, std::min(90.0, box.max_lat + dlat)};
  const double poleward = std::max(std::fabs(out.min_lat), std::fabs(out.max_lat));
  const double cos_lat = std::cos(poleward * std::numbers::pi / 180.0);
  const double dlon = cos_lat > 1e-6 ? reach_m / (LON_DEGREE_EQUATOR_M * cos_lat) + BOX_SLACK_DEG : 360.0;
  out.min_lon -= dlon;
  out.max_lon += dlon;
  if (out.min_lon < -180.0 || out.max_lon > 180.0) {
    out.min_lon = -180.0;
    out.max_lon = 180.0;
  }
  return out;
}

// Shortest distance from p to any segment of the lines, metres; segments that cannot be nearer
// than the best so far are screened out by a lower bound in degrees (as MultiPolygon does).
double distance_to_lines(geo::LonLat p, const std::vector<Polyline>& lines) {
  constexpr double LOWER_BOUND_M_PER_DEG = (1.0 - BOX_SLACK_FRACTION) * LAT_DEGREE_MIN_M;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& line : lines) {
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const geo::LonLat& a = line[i];
      const geo::LonLat& b = line[i + 1];
      const double dlon = std::max({0.0, std::min(a.lon, b.lon) - p.lon, p.lon - std::max(a.lon, b.lon)});
      const double dlat = std::max({0.0, std::min(a.lat, b.lat) - p.lat, p.lat - std::max(a.lat, b.lat)});
      const double max_abs_lat = std::max({std::fabs(a.lat), std::fabs(b.lat), std::fabs(p.lat)});
      const double lon_scale = std::cos(max_abs_lat * std::numbers::pi / 180.0);
      if (LOWER_BOUND_M_PER_DEG * std::hypot(dlat, dlon * lon_scale) >= best) continue;
      best = std::min(best, geo::distance_to_segment(p, a, b).value);
    }
  }
  return best;
}

json coordinates_of(const std::vector<geo::LonLat>& points) {
  json out = json::array();
  for (const auto& point : points) out.push_back({point.lon, point.lat});
  return out;
}

// What the search measures from, as GeoJSON for PostGIS.
std::string target_geojson(const SiteSearch& search) {
  if (search.point) return json{{"type", "Point"}, {"coordinates", {search.point->lon, search.point->lat}}}.dump();
  json lines = json::array();
  for (const auto& line : search.lines) lines.push_back(coordinates_of(line));
  return json{{"type", "MultiLineString"}, {"coordinates", lines}}.dump();
}

std::string area_geojson(const geo::MultiPolygon& area) {
  auto closed = [](const geo::Ring& ring) {
    json out = coordinates_of(ring);
    if (!ring.empty()) out.push_back({ring.front().lon, ring.front().lat});
    return out;
  };
  json parts = json::array();
  for (const auto& part : area.parts()) {
    json rings = json::array({closed(part.outer)});
    for (const auto& hole : part.holes) rings.push_back(closed(hole));
    parts.push_back(rings);
  }
  return json{{"type", "MultiPolygon"}, {"coordinates", parts}}.dump();
}

// " AND column IN (?n, ?n+1, ...)" for a non-empty list, numbering from `next`.
std::string in_list(const char* column, const std::vector<std::string>& values, int& next) {
  if (values.empty()) return {};
  std::string out = fmt::format(" AND {} IN (", column);
  for (std::size_t i = 0; i < values.size(); ++i) out += fmt::format("{}?{}", i == 0 ? "" : ", ", next++);
  return out + ")";
}

void bind_list(db::Statement& statement, const std::vector<std::string>& values, int& next) {
  for (const auto& value : values) statement.bind(next++, value);
}

void check_search(const SiteSearch& search) {
  if (!(search.min_m >= 0.0 && search.max_m >= search.min_m && std::isfinite(search.max_m)))
    throw Error(ErrorCode::Schema, "site search",
                fmt::format("band [{}, {}] m; expected 0 <= min_m <= max_m, finite", search.min_m, search.max_m));
  if (search.point) return;
  if (search.lines.empty()) throw Error(ErrorCode::Schema, "site search", "expected a point or at least one line");
  for (const auto& line : search.lines)
    if (line.size() < 2) throw Error(ErrorCode::Schema, "site search", "expected every line to have at least 2 points");
}

SiteHit site_hit(const db::Statement& row, double distance_m) {
  return {row.text(0), row.text(1), row.text(2), {row.real(3), row.real(4)}, distance_m};
}
}  // namespace

std::vector<SiteHit> Workspace::search_sites(const SiteSearch& search) const {
  check_search(search);
  const auto reader = impl_->read();
  auto& connection = reader.connection();
  std::vector<SiteHit> hits;
  int next = 1;
  if (connection.dialect() == db::Dialect::Postgresql) {
    next = 4;
    const std::string filters = in_list("kind", search.kinds, next) + in_list("country", search.countries, next);
    auto select = connection.prepare(
        "SELECT site_id, kind, country, lon, lat, ST_Distance(geog, target.g) FROM site_position, "
        "(SELECT ST_GeomFromGeoJSON(?1)::geography AS g) AS target WHERE ST_DWithin(geog, target.g, ?2) AND "
        "ST_Distance(geog, target.g) >= ?3" +
        filters);
    select.bind(1, target_geojson(search)).bind(2, search.max_m).bind(3, search.min_m);
    next = 4;
    bind_list(select, search.kinds, next);
    bind_list(select, search.countries, next);
    while (select.step()) hits.push_back(site_hit(select, select.real(5)));
  } else {
    const Box box = widened_box(search.point ? std::vector<geo::LonLat>{*search.point} : [&] {
      std::vector<geo::LonLat> all;
      for (const auto& line : search.lines) all.insert(all.end(), line.begin(), line.end());
      return all;
    }(), search.max_m);
    next = 5;
    const std::string filters = in_list("kind", search.kinds, next) + in_list("country", search.countries, next);
    auto select = connection.prepare(
        "SELECT site_id, kind, country, lon, lat FROM site_position WHERE lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND "
        "?4" +
        filters);
    select.bind(1, box.min_lat).bind(2, box.max_lat).bind(3, box.min_lon).bind(4, box.max_lon);
    next = 5;
    bind_list(select, search.kinds, next);
    bind_list(select, search.countries, next);
    while (select.step()) {
      const geo::LonLat position{select.real(3), select.real(4)};
      const double distance_m = search.point ? geo::geodesic_distance(position, *search.point).value
                                             : distance_to_lines(position, search.lines);
      if (distance_m >= search.min_m && distance_m <= search.max_m) hits.push_back(site_hit(select, distance_m));
    }
  }
  std::sort(hits.begin(), hits.end(), [](const SiteHit& a, const SiteHit& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.site_id < b.site_id;
  });
  return hits;
}

std::vector<IncidentPosition> Workspace::search_incidents(std::int64_t findings_version,
                                                          const geo::MultiPolygon& area) const {
  const auto reader = impl_->read();
  auto& connection = reader.connection();
  {
    auto known = connection.prepare("SELECT id FROM findings_version WHERE id = ?1");
    known.bind(1, findings_version);
    if (!known.step()) throw NotFound("findings_version", std::to_string(findings_version));
  }
  std::vector<IncidentPosition> found;
  if (area.empty()) return found;
  constexpr const char* COLUMNS =
      "SELECT incident_id, lon, lat, incident_date, country, area, findings, violations FROM incident_position ";
  auto row_to_incident = [](const db::Statement& row) {
    return IncidentPosition{row.text(0),
                            {row.real(1), row.real(2)},
                            row.text(3),
                            row.text(4),
                            row.text(5),
                            static_cast<int>(row.integer(6)),
                            static_cast<int>(row.integer(7))};
  };
  if (connection.dialect() == db::Dialect::Postgresql) {
    auto select = connection.prepare(std::string(COLUMNS) +
                                     "WHERE findings_version = ?1 AND ST_Covers(ST_GeomFromGeoJSON(?2), geom)");
    select.bind(1, findings_version).bind(2, area_geojson(area));
    while (select.step()) found.push_back(row_to_incident(select));
  } else {
    const auto& box = area.bounds();
    auto select = connection.prepare(std::string(COLUMNS) +
                                     "WHERE findings_version = ?1 AND lat BETWEEN ?2 AND ?3 AND lon BETWEEN ?4 AND ?5");
    select.bind(1, findings_version)
        .bind(2, box.min_lat)
        .bind(3, box.max_lat)
        .bind(4, box.min_lon)
        .bind(5, box.max_lon);
    while (select.step()) {
      auto incident = row_to_incident(select);
      if (area.contains(incident.position)) found.push_back(std::move(incident));
    }
  }
  // Ids are "I" and an ordinal: shorter first puts I2 before I10 on both back ends.
  std::sort(found.begin(), found.end(), [](const IncidentPosition& a, const IncidentPosition& b) {
    return a.incident_id.size() != b.incident_id.size() ? a.incident_id.size() < b.incident_id.size()
                                                        : a.incident_id < b.incident_id;
  });
  return found;
}

}  // namespace guarantor::store
