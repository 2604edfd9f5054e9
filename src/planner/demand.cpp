// Demand sets for coverage targets. Samples along lines are placed every `sample_km` of
// geodesic length so a target's share reads as a share of the line's length.
#include "guarantor/planner/demand.hpp"

#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/geodesic.hpp"

namespace guarantor::planner {

namespace {
const model::Country* host_country(const model::Theatre& theatre) {
  for (const auto& country : theatre.countries)
    if (country.role == model::CountryRole::Host) return &country;
  return nullptr;
}

// Points every `step_km` along the polyline a..b.., starting at its first vertex.
void sample_edge(geo::LonLat a, geo::LonLat b, double step_km, double& carried_km, std::vector<geo::LonLat>& out) {
  const double length_km = distance_km(a, b);
  if (length_km <= 0) return;
  const double azimuth = geo::initial_azimuth_deg(a, b);
  double at = step_km - carried_km;
  while (at <= length_km) {
    out.push_back(geo::destination(a, azimuth, geo::Meters{at * 1000.0}));
    at += step_km;
  }
  carried_km = length_km - (at - step_km);
}

std::vector<DemandPoint> contact_line_points(const model::Scenario& scenario, const PlannerParameters& params) {
  std::vector<DemandPoint> points;
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);
  const auto* host = host_country(scenario.theatre);
  if (!occupied || !host) return points;
  std::vector<geo::LonLat> samples;
  for (const auto& part : occupied->area.parts()) {
    double carried = 0;
    const auto& ring = part.outer;
    for (std::size_t i = 0; i < ring.size(); ++i)
      sample_edge(ring[i], ring[(i + 1) % ring.size()], params.contact_line_sample_km, carried, samples);
  }
  // The occupied area's edges along the Russian border and the coast are Ukraine's own boundary;
  // what is left is the line of contact (and the Dnipro front).
  for (const auto& p : samples) {
    if (!host->area.contains(p)) continue;
    if (host->area.distance_to_boundary(p).km() < params.contact_line_border_clearance_km) continue;
    points.push_back({fmt::format("contact.{}", points.size() + 1), p, 1.0});
  }
  return points;
}

std::vector<DemandPoint> sea_lane_points(const PlannerParameters& params) {
  std::vector<geo::LonLat> samples{params.sea_lane.front()};
  double carried = 0;
  for (std::size_t i = 0; i + 1 < params.sea_lane.size(); ++i)
    sample_edge(params.sea_lane[i], params.sea_lane[i + 1], params.sea_lane_sample_km, carried, samples);
  std::vector<DemandPoint> points;
  for (const auto& p : samples) points.push_back({fmt::format("sea_lane.{}", points.size() + 1), p, 1.0});
  return points;
}

std::vector<DemandPoint> site_points(const model::Scenario& scenario, model::SiteKind kind) {
  std::vector<DemandPoint> points;
  for (const auto& site : scenario.theatre.sites)
    if (site.kind == kind && site.status != model::SiteStatus::Occupied && site.status != model::SiteStatus::Destroyed &&
        in_government_held_host(scenario, site.position))
      points.push_back({site.id, site.position, 1.0});
  return points;
}
}  // namespace

double DemandSet::total_weight() const noexcept {
  double total = 0;
  for (const auto& p : points) total += p.weight;
  return total;
}

double distance_km(geo::LonLat a, geo::LonLat b) { return geo::geodesic_distance(a, b).km(); }

bool west_of_dnipro(geo::LonLat p, const std::vector<geo::LonLat>& line) {
  GUARANTOR_ASSERT(line.size() >= 2, "the Dnipro polyline is validated on load");
  if (p.lat >= line.front().lat) return p.lon < line.front().lon;
  if (p.lat <= line.back().lat) return p.lon < line.back().lon;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    const auto& a = line[i];
    const auto& b = line[i + 1];
    if (p.lat <= a.lat && p.lat >= b.lat) {
      const double t = a.lat == b.lat ? 0.0 : (a.lat - p.lat) / (a.lat - b.lat);
      return p.lon < a.lon + t * (b.lon - a.lon);
    }
  }
  return p.lon < line.back().lon;
}

bool in_government_held_host(const model::Scenario& scenario, geo::LonLat p) {
  const auto* host = host_country(scenario.theatre);
  if (!host || !host->area.contains(p)) return false;
  // The line in force on the scenario's date, not the newest one on file.
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);
  return !(occupied && occupied->area.contains(p));
}

std::vector<DemandPoint> population_points(const model::Scenario& scenario, const PlannerParameters& params) {
  std::vector<DemandPoint> points;
  const auto* host = host_country(scenario.theatre);
  for (const auto& place : scenario.theatre.places) {
    if (!host || place.country != host->iso2) continue;
    if (static_cast<double>(place.population) < params.min_place_population) continue;
    if (!in_government_held_host(scenario, place.position)) continue;
    points.push_back({fmt::format("place.{}", place.geonameid), place.position, static_cast<double>(place.population)});
  }
  return points;
}

std::vector<DemandPoint> energy_points(const model::Scenario& scenario, const PlannerParameters& params) {
  std::vector<DemandPoint> points;
  for (const auto& site : scenario.theatre.sites) {
    if (site.kind != model::SiteKind::Energy) continue;
    // A destroyed plant has nothing left to defend; an occupied one is beyond the force's reach.
    if (site.status == model::SiteStatus::Destroyed || site.status == model::SiteStatus::Occupied) continue;
    if (!in_government_held_host(scenario, site.position)) continue;
    const double mw = site.capacity_unit == "MW" ? site.capacity : params.non_mw_energy_site_mw;
    points.push_back({site.id, site.position, mw});
  }
  return points;
}

DemandSet build_demand(const model::Scenario& scenario, const PlannerParameters& params,
                       const model::CoverageTarget& target, model::Location location, const Plan& plan) {
  DemandSet set{target.demand, target.filter, "", {}};
  if (target.demand == "population") {
    set.unit = "persons";
    set.points = population_points(scenario, params);
  } else if (target.demand == "energy_sites") {
    set.unit = "MW";
    set.points = energy_points(scenario, params);
  } else if (target.demand == "airfields") {
    set.unit = "sites";
    set.points = site_points(scenario, model::SiteKind::Airfield);
  } else if (target.demand == "ports") {
    set.unit = "sites";
    set.points = site_points(scenario, model::SiteKind::Port);
  } else if (target.demand == "contact_line") {
    set.unit = "line samples";
    set.points = contact_line_points(scenario, params);
  } else if (target.demand == "sea_lane") {
    set.unit = "lane samples";
    set.points = sea_lane_points(params);
  } else if (target.demand == "hubs") {
    set.unit = "hubs";
    if (location == model::Location::Ukraine) {
      for (const auto& hub : plan.hubs) set.points.push_back({hub.site_id, hub.position, 1.0});
    } else {
      for (const auto& site : plan.candidates)
        if (site.location == location && site.kind == "candidate_hub") set.points.push_back({site.site_id, site.position, 1.0});
    }
  } else {
    throw Error(ErrorCode::Schema, "coverage.demand",
                fmt::format("got \"{}\"; expected population, energy_sites, airfields, ports, contact_line, hubs or sea_lane",
                            target.demand));
  }
  if (target.filter == "west_of_dnipro") {
    std::erase_if(set.points, [&params](const DemandPoint& p) { return !west_of_dnipro(p.position, params.dnipro_line); });
  } else if (!target.filter.empty()) {
    throw Error(ErrorCode::Schema, "coverage.filter", fmt::format("got \"{}\"; expected west_of_dnipro or none", target.filter));
  }
  return set;
}

double hub_personnel_demand(const model::Scenario& scenario) {
  double personnel = 0;
  for (const auto& line : scenario.mandate.requirements) {
    if (line.location != model::Location::Ukraine) continue;
    const model::Capability* capability = scenario.catalogue.find(line.capability);
    if (capability == nullptr) continue;  // a validated scenario names catalogue codes only
    if (capability->basing == model::Basing::Airfield || capability->basing == model::Basing::Port ||
        capability->basing == model::Basing::RailTerminal)
      continue;
    // A line with a coverage target over anything but the hubs is placed where its footprint
    // covers most (population, energy sites, the contact line), not at a hub.
    if (line.coverage && line.coverage->demand != "hubs") continue;
    personnel += line.quantity * capability->personnel.value;
  }
  return personnel;
}

}  // namespace guarantor::planner
