// Map data of the plan report: countries, the occupied area, hubs, footprints and units. The
// standoff band is only its distance: the page draws it from the occupied area's edge.
#include "plan_map_data.hpp"

#include <cmath>
#include <map>

#include "guarantor/report/map_geometry.hpp"
#include "map_data.hpp"

namespace guarantor::report::detail {

namespace {
using nlohmann::json;

json coordinates(const geo::MultiPolygon& area, int decimals) {
  const double scale = std::pow(10.0, decimals);
  auto round = [scale](double v) { return std::round(v * scale) / scale; };
  json parts = json::array();
  for (const auto& part : area.parts()) {
    json rings = json::array();
    auto ring_json = [&](const geo::Ring& ring) {
      json r = json::array();
      for (const auto& p : ring) r.push_back({round(p.lon), round(p.lat)});
      return r;
    };
    rings.push_back(ring_json(part.outer));
    for (const auto& hole : part.holes) rings.push_back(ring_json(hole));
    parts.push_back(rings);
  }
  return parts;
}

// Colours per capability domain, so footprints of air defence, land and ISR read apart.
const char* colour_of(std::string_view capability) {
  if (capability.starts_with("AD.")) return "#1f5fbf";
  if (capability.starts_with("LAND.")) return "#2e7d32";
  if (capability.starts_with("ISR.")) return "#7b1fa2";
  if (capability.starts_with("AIR.")) return "#00838f";
  if (capability.starts_with("SEA.")) return "#283593";
  return "#6d4c41";
}
}  // namespace

json build_plan_map_data(const planner::Plan& plan, const model::Scenario& scenario, const PageOptions& options) {
  json data;
  const auto view = initial_view(scenario.theatre, options);
  data["view"] = {view.min_lon, view.min_lat, view.max_lon, view.max_lat};
  geo::BoundingBox frame{view.min_lon - 2 * options.view_margin_deg, view.min_lat - 2 * options.view_margin_deg,
                         view.max_lon + 2 * options.view_margin_deg, view.max_lat + 2 * options.view_margin_deg};
  data["countries"] = json::array();
  for (const auto& country : scenario.theatre.countries) {
    const auto drawn = prepare_for_drawing(country.area, {options.country_simplify_deg, frame});
    if (!drawn.empty()) data["countries"].push_back({{"name", country.name}, {"coordinates", coordinates(drawn, options.coordinate_decimals)}});
  }
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);
  // The band is drawn by the page from the occupied area's edge (band_geometry.js).
  data["standoff"] = {{"radius_m", plan.provenance.standoff_km * 1000.0}};
  if (occupied) {
    const auto drawn = prepare_for_drawing(occupied->area, {options.region_simplify_deg, frame});
    data["occupied"] = {{"as_of", occupied->as_of.iso()},
                        {"coordinates", coordinates(drawn, options.coordinate_decimals)}};
  } else {
    data["occupied"] = nullptr;
  }
  data["hubs"] = json::array();
  for (const auto& hub : plan.hubs) {
    const auto* site = scenario.theatre.find_site(hub.site_id);
    data["hubs"].push_back({{"name", site ? site->name : hub.site_id}, {"position", {hub.position.lon, hub.position.lat}},
                            {"load", hub.load_personnel}});
  }
  std::map<std::string, const planner::Position*> positions;
  for (const auto& p : plan.positions) positions[p.id] = &p;
  data["footprints"] = json::array();
  data["units"] = json::array();
  std::map<std::string, int> slots;
  for (const auto& a : plan.assignments) {
    const auto* position = positions.count(a.position_id) ? positions[a.position_id] : nullptr;
    if (!position || position->site_id.empty()) continue;
    if (position->reach_km > 0)
      data["footprints"].push_back({{"position", {position->position.lon, position->position.lat}},
                                    {"reach_m", position->reach_km * 1000.0}, {"line", a.line_id},
                                    {"capability", a.capability}, {"color", colour_of(a.capability)}});
    data["units"].push_back({{"unit", a.unit_id}, {"nation", a.nation}, {"capability", a.capability}, {"line", a.line_id},
                             {"sidc", a.app6_sidc}, {"label", a.nation}, {"arrival_day", a.arrival_day},
                             {"position", {position->position.lon, position->position.lat}},
                             {"slot", slots[position->site_id]++}});
  }
  data["attribution"] = scenario.theatre.attributions;
  return data;
}

}  // namespace guarantor::report::detail
