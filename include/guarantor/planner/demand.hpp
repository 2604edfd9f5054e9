#pragma once
// Demand sets a requirement line's coverage target is measured against: population, energy
// sites, airfields, ports, the line of contact, the sea lane, the force's hubs. Built from the
// scenario and the planning parameters only, so the planner and the checker see the same set.
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// One demand point with its weight (persons, MW, or 1 per sample / site).
struct DemandPoint {
  std::string id;
  geo::LonLat position;
  double weight = 0.0;
};

/// A demand set and what its weight counts.
struct DemandSet {
  std::string demand;  ///< population | energy_sites | airfields | ports | contact_line | hubs | sea_lane
  std::string filter;  ///< "" or west_of_dnipro
  std::string unit;    ///< persons | MW | sites | km samples | hubs
  std::vector<DemandPoint> points;
  [[nodiscard]] double total_weight() const noexcept;
};

/// True when `p` lies west of the Dnipro polyline (north to south, latitude decreasing): its
/// longitude is below the line's at its latitude; beyond either end the end's longitude holds.
bool west_of_dnipro(geo::LonLat p, const std::vector<geo::LonLat>& dnipro_line);

/// True when p is in the host country and outside the occupied area.
bool in_government_held_host(const model::Scenario& scenario, geo::LonLat p);

/// The demand set of a coverage target for a line at `location`. `hubs` demand is the plan's
/// opened hubs for lines in Ukraine and the candidate hubs on NATO territory otherwise, read
/// from `plan` (hubs and candidates must be filled). Throws guarantor::Error (Schema) for an
/// unknown demand or filter name.
DemandSet build_demand(const model::Scenario& scenario, const PlannerParameters& params,
                       const model::CoverageTarget& target, model::Location location, const Plan& plan);

/// Population points of government-held Ukraine (places at or above the parameter's size).
std::vector<DemandPoint> population_points(const model::Scenario& scenario, const PlannerParameters& params);
/// Energy sites in government-held Ukraine that still stand, weighted by MW.
std::vector<DemandPoint> energy_points(const model::Scenario& scenario, const PlannerParameters& params);

/// Personnel the mandate bases at hubs in the host country: quantity x catalogue personnel over
/// the requirement lines in Ukraine whose capability is not airfield-, port- or rail-based and
/// whose positions go to hubs (no coverage target, or a target over the hubs: headquarters,
/// logistics, training, hub protection, Role 2); lines covering population, energy sites or the
/// contact line sit where their footprints cover most. All phases. The hubs stage spreads it over
/// the demand shares to test hub capacity; the checker recomputes it.
double hub_personnel_demand(const model::Scenario& scenario);

/// Distance in km between demand and supply points, as every stage and the checker measure it
/// (geodesic on WGS84).
double distance_km(geo::LonLat a, geo::LonLat b);

}  // namespace guarantor::planner
