#pragma once
// The records of a threat axis and of a line's basing filter, as a plan keeps them in its
// provenance (planner/threat.hpp computes with them).
#include <string>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"

namespace guarantor::planner {

/// One threat axis: a country's territory (its border) or a set of points (garrisons, depots).
struct ThreatAxis {
  std::string id;       ///< e.g. "belarus_border"
  std::string name;     ///< e.g. "Belarusian border"
  std::string country;  ///< ISO 3166-1 alpha-2 of the territory; empty for a point axis
  std::vector<geo::LonLat> points;  ///< point axis: the locations the threat comes from
  double band_km = 0.0;  ///< no unit may sit closer than this, km
  std::string source;
};

/// A requirement line whose own text restricts where its units may be based.
struct LineBasingFilter {
  std::string line_id;
  std::string filter;  ///< west_of_dnipro | sites
  std::string source;  ///< the line text or statement the filter enforces
  std::vector<std::string> sites;  ///< filter "sites": the site ids the line's text names
};

}  // namespace guarantor::planner
