// The embedded map document. Presentation decisions (colours, glyphs) live in the page script;
// this file decides only what is shown and at what detail.
#include "map_data.hpp"

#include <cmath>

#include "guarantor/report/map_geometry.hpp"
#include "guarantor/report/theatre_map.hpp"

namespace guarantor::report::detail {

namespace {

using nlohmann::json;

// Rounds a coordinate so the page does not carry 15 digits of false precision.
double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

json position_json(geo::LonLat p, int decimals) {
  return json::array({round_to(p.lon, decimals), round_to(p.lat, decimals)});
}

// [[[ [lon, lat], ... ] outer, holes... ], ...] as in a GeoJSON MultiPolygon.
json multipolygon_json(const geo::MultiPolygon& area, int decimals) {
  json parts = json::array();
  for (const geo::Polygon& part : area.parts()) {
    json rings = json::array();
    const auto add_ring = [&](const geo::Ring& ring) {
      json coords = json::array();
      for (const geo::LonLat p : ring) coords.push_back(position_json(p, decimals));
      rings.push_back(std::move(coords));
    };
    add_ring(part.outer);
    for (const geo::Ring& hole : part.holes) add_ring(hole);
    parts.push_back(std::move(rings));
  }
  return parts;
}

geo::BoundingBox grown(geo::BoundingBox box, double margin_deg) {
  box.min_lon = std::max(-180.0, box.min_lon - margin_deg);
  box.max_lon = std::min(180.0, box.max_lon + margin_deg);
  box.min_lat = std::max(-85.0, box.min_lat - margin_deg);
  box.max_lat = std::min(85.0, box.max_lat + margin_deg);
  return box;
}

const model::Country* host_country(const model::Theatre& theatre) {
  for (const model::Country& country : theatre.countries)
    if (country.role == model::CountryRole::Host) return &country;
  return nullptr;
}

std::string caveat_text(const model::Caveat& caveat) {
  std::string text(model::to_string(caveat.kind()));
  text += ": ";
  const auto names = caveat.value_names();
  for (std::size_t idx = 0; idx < names.size(); ++idx) text += (idx ? ", " : "") + names[idx];
  return text;
}

json pledges_json(const model::Scenario& scenario, int decimals) {
  json pledges = json::array();
  for (const model::Pledge& pledge : scenario.coalition.pledges) {
    const model::Nation* nation = scenario.coalition.find_nation(pledge.nation);
    const model::Capability* capability = scenario.catalogue.find(pledge.capability);
    // A pledge is drawn at its own staging location, else at its nation's home.
    const std::optional<geo::LonLat> at = pledge.home ? pledge.home
                                          : nation    ? std::optional<geo::LonLat>(nation->home)
                                                      : std::nullopt;
    if (!at) continue;
    json caveats = json::array();
    for (const model::Caveat& caveat : pledge.caveats) caveats.push_back(caveat_text(caveat));
    pledges.push_back({{"id", pledge.id},
                       {"nation", pledge.nation},
                       {"nation_name", nation ? nation->name : pledge.nation},
                       {"capability", pledge.capability},
                       {"capability_name", capability ? capability->name : pledge.capability},
                       {"sidc", capability ? capability->app6_sidc : std::string{}},
                       {"quantity", pledge.quantity},
                       {"readiness_days", pledge.readiness_days},
                       {"status", model::to_string(pledge.status)},
                       {"illustrative", pledge.illustrative},
                       {"caveats", std::move(caveats)},
                       {"position", position_json(*at, decimals)}});
  }
  return pledges;
}

}  // namespace

geo::BoundingBox initial_view(const model::Theatre& theatre, const PageOptions& options) {
  geo::BoundingBox box;
  if (const model::Country* host = host_country(theatre)) box = host->area.bounds();
  if (box.empty())
    for (const model::Region& region : theatre.regions) box.extend(region.area.bounds());
  if (box.empty())
    for (const model::Country& country : theatre.countries) box.extend(country.area.bounds());
  if (box.empty())
    for (const model::Site& site : theatre.sites) box.extend(site.position);
  if (box.empty()) return box;
  return grown(box, options.view_margin_deg);
}

json build_map_data(const model::Scenario& scenario, const PageOptions& options) {
  json doc = theatre_map_json(scenario.theatre, scenario.as_of, options);
  doc["pledges"] = pledges_json(scenario, options.coordinate_decimals);
  return doc;
}

}  // namespace guarantor::report::detail

namespace guarantor::report {

nlohmann::json theatre_map_json(const model::Theatre& theatre, std::optional<Date> as_of, const PageOptions& options) {
  using nlohmann::json;
  // The helpers above (rounding, framing, the host country) are this file's own.
  using namespace detail;
  const int decimals = options.coordinate_decimals;
  const geo::BoundingBox view = initial_view(theatre, options);
  // Clip to a frame wider than the view so that panning a little shows no cut edges.
  const geo::BoundingBox frame = view.empty() ? view : grown(view, 2.0 * options.view_margin_deg);
  const DrawingTolerance country_detail{options.country_simplify_deg, frame};
  const DrawingTolerance region_detail{options.region_simplify_deg, frame};

  json doc;
  doc["view"] = view.empty() ? json(nullptr)
                             : json::array({round_to(view.min_lon, 3), round_to(view.min_lat, 3),
                                            round_to(view.max_lon, 3), round_to(view.max_lat, 3)});
  doc["attributions"] = theatre.attributions;

  json countries = json::array();
  for (const model::Country& country : theatre.countries) {
    const geo::MultiPolygon drawn = prepare_for_drawing(country.area, country_detail);
    countries.push_back({{"iso2", country.iso2},
                         {"name", country.name},
                         {"role", model::to_string(country.role)},
                         {"nato", country.nato},
                         {"gauge_mm", country.rail_gauge_mm},
                         {"coords", multipolygon_json(drawn, decimals)}});
  }
  doc["countries"] = std::move(countries);

  json regions = json::array();
  for (const model::Region& region : theatre.regions)
    regions.push_back({{"iso", region.iso_code},
                       {"name", region.name},
                       {"name_uk", region.name_uk},
                       {"coords", multipolygon_json(prepare_for_drawing(region.area, region_detail), decimals)}});
  doc["regions"] = std::move(regions);

  // The area in force on the scenario's date is drawn; the others are layers to compare with.
  const model::DatedArea* current_area = theatre.occupied_area(as_of);
  json areas = json::array();
  for (const model::DatedArea& area : theatre.areas)
    areas.push_back({{"id", area.id},
                     {"kind", area.kind},
                     {"as_of", area.as_of.iso()},
                     {"current", &area == current_area},
                     {"source", area.source},
                     {"coords", multipolygon_json(prepare_for_drawing(area.area, region_detail), decimals)}});
  doc["areas"] = std::move(areas);

  const model::Country* host = host_country(theatre);
  json places = json::array();
  for (const model::PopulatedPlace& place : theatre.places) {
    const bool at_home = host == nullptr || place.country == host->iso2;
    const std::int64_t threshold = at_home ? options.min_place_population : options.min_place_population_abroad;
    if (place.population < threshold) continue;
    places.push_back({{"name", place.name},
                      {"country", place.country},
                      {"population", place.population},
                      {"capital", place.feature_code == "PPLC"},
                      {"label", place.population >= options.label_place_population},
                      {"position", position_json(place.position, decimals)}});
  }
  doc["places"] = std::move(places);
  doc["place_thresholds"] = {{"host", options.min_place_population},
                             {"abroad", options.min_place_population_abroad},
                             {"host_country", host ? host->iso2 : std::string{}}};

  json sites = json::array();
  for (const model::Site& site : theatre.sites)
    sites.push_back({{"id", site.id},
                     {"name", site.name},
                     {"kind", model::to_string(site.kind)},
                     {"subkind", site.subkind},
                     {"status", model::to_string(site.status)},
                     {"country", site.country},
                     {"capacity", site.capacity},
                     {"capacity_unit", site.capacity_unit},
                     {"gauge_change", site.gauge_change},
                     {"runway_m", site.runway_m},
                     {"source", site.source},
                     {"position", position_json(site.position, decimals)}});
  doc["sites"] = std::move(sites);
  return doc;
}

}  // namespace guarantor::report
