#pragma once
// Threat axes: where hostile fire can come from besides the line of contact. A site's threat
// distance is the least distance over every axis (the occupied area, the Russian and Belarusian
// borders, the Russian garrison in Transnistria); a site inside any axis's band may not host a
// unit. Axes and bands are data (data/planning/threat_axes.json), each with its source, and
// every plan records the axes it was made under so the checker judges it by the same rules.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"
#include "guarantor/planner/threat_axis.hpp"

namespace guarantor::planner {

/// Everything data/planning/threat_axes.json holds.
struct ThreatRules {
  std::vector<ThreatAxis> axes;
  std::vector<LineBasingFilter> line_basing;
  [[nodiscard]] const LineBasingFilter* basing_filter(std::string_view line_id) const noexcept;
};

/// Reads threat_axes.json (appending it, with its hash, to `files` when given). Throws
/// guarantor::Error (FileNotFound, Syntax, Schema) naming the file and JSON pointer of every
/// problem found.
ThreatRules load_threat_rules(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);

/// True when site `site_id` at `p` satisfies a line's basing filter (west_of_dnipro: west of the
/// Dnipro polyline, as demand filters measure it; sites: one of the sites the line names).
bool site_passes_basing(const LineBasingFilter& filter, std::string_view site_id, geo::LonLat p,
                        const std::vector<geo::LonLat>& dnipro_line);

/// Distance of a position from one axis.
struct AxisDistance {
  std::string axis;
  double km = 0.0;
  double band_km = 0.0;
  [[nodiscard]] bool inside_band() const noexcept { return km + 1e-9 < band_km; }
};

/// Distances from every axis of a scenario. Built once per plan or check: a country's border is
/// cut to the segments near the host country, so each query is cheap.
class ThreatMap {
public:
  /// `contact_band_km` is the posture's standoff from the occupied area in force on as_of (the
  /// axis "occupied_area"); a country axis naming a country the theatre lacks is ignored.
  ThreatMap(const model::Scenario& scenario, const std::vector<ThreatAxis>& axes, double contact_band_km);

  /// One entry per axis, in the axes' order (the occupied area first when there is one).
  [[nodiscard]] std::vector<AxisDistance> distances(geo::LonLat p) const;
  /// The nearest axis, or nullopt when the map has none.
  [[nodiscard]] std::optional<AxisDistance> nearest(geo::LonLat p) const;
  /// The first axis whose band holds p (occupied area first), or nullopt.
  [[nodiscard]] std::optional<AxisDistance> breach(geo::LonLat p) const;
  /// Same, ignoring the occupied-area axis (forward sites stand inside its band by design).
  [[nodiscard]] std::optional<AxisDistance> breach_except_contact(geo::LonLat p) const;

private:
  struct Segments {
    std::string axis;
    double band_km = 0.0;
    bool contact = false;
    std::vector<std::pair<geo::LonLat, geo::LonLat>> edges;  ///< a point axis has a == b
    const geo::MultiPolygon* area = nullptr;  ///< a point inside it is at distance 0
  };
  [[nodiscard]] double distance_km(const Segments& axis, geo::LonLat p) const;
  std::vector<Segments> axes_;
};

}  // namespace guarantor::planner
