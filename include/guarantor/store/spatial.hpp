#pragma once
// Spatial search of the workspace: the theatre's sites by distance from lines (the line of
// contact, a drawn line) or from a point, and the incidents of a findings version inside an
// area (an oblast, the occupied area, a drawn polygon). PostgreSQL answers with PostGIS (a
// geography column and GiST index for sites, a geometry column for incidents); SQLite narrows
// by a lon/lat box in SQL and decides with the project's geodesic code (src/geo).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/geo/polygon.hpp"

namespace guarantor::store {

/// A polyline in lon/lat degrees, its vertices joined by shortest paths.
using Polyline = std::vector<geo::LonLat>;

/// Sites whose distance from `lines` (or from `point`) lies in [min_m, max_m].
struct SiteSearch {
  std::vector<Polyline> lines;         ///< measured from the nearest segment of any line...
  std::optional<geo::LonLat> point;    ///< ...or, when set, from this point (lines ignored)
  double min_m = 0.0;                  ///< metres, >= 0
  double max_m = 0.0;                  ///< metres, >= min_m
  std::vector<std::string> kinds;      ///< site kinds admitted (all when empty)
  std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2 codes admitted (all when empty)
};

/// One site found, with its distance (metres, as the back end measured it).
struct SiteHit {
  std::string site_id;
  std::string kind;
  std::string country;
  geo::LonLat position;
  double distance_m = 0.0;
};

/// One incident of a findings version, as its findings place it.
struct IncidentPosition {
  std::string incident_id;
  geo::LonLat position;
  std::string date;     ///< first day, YYYY-MM-DD
  std::string country;  ///< as the findings name it ("UA", "UA (occupied area)", "")
  /// The admin area (ISO 3166-2) the incident was located only to, "" when located to a place
  /// or coordinates: `position` is then the area's centre, not where it happened.
  std::string area;
  int findings = 0;    ///< findings judged on the incident
  int violations = 0;  ///< of them, violations
};

/// The boundary rings of an area as closed polylines (its line, for the line of contact).
std::vector<Polyline> boundary_lines(const geo::MultiPolygon& area);

/// The incidents of a findings document (findings.json as a verify job stores it), one per
/// incident id in order of first appearance. Throws Error (Schema) naming `where` and the
/// finding's pointer when a finding has no incident id or position.
std::vector<IncidentPosition> incidents_of_findings(const std::string& findings_json, const std::string& where);

}  // namespace guarantor::store
