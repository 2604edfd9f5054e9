#pragma once
// The planner's planning numbers, read from data/planning/{parameters,movement}.json. The code
// names the data key that holds each number; nothing here has a default a plan could silently
// fall back on.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/planner/plan.hpp"
#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/hub_siting.hpp"
#include "guarantor/planner/montreux.hpp"
#include "guarantor/planner/protection_rules.hpp"
#include "guarantor/planner/threat.hpp"

namespace guarantor::planner {

/// Movement factors of the arrival stage (movement.json).
struct MovementParameters {
  double rail_km_per_day = 0;
  double road_km_per_day = 0;
  double sea_km_per_day = 0;
  double air_deploy_days = 0;
  double route_detour_factor = 0;
  double gauge_transshipment_days = 0;
  std::map<std::string, double> crossing_throughput;  ///< crossing subkind -> personnel/day
  double airfield_c17_loads_per_day = 0;   ///< C-17 loads an entry airfield takes in a day
  double port_unit_loads_per_berth_per_day = 0;  ///< unit-loads a port berth takes in a day
  /// Transshipment point (site id: a terminal, or a crossing that changes gauge itself) ->
  /// personnel a day it moves from 1435 mm to 1520 mm wagons.
  std::map<std::string, double> transshipment_capacity;
  /// Rail crossing into Ukraine -> the transshipment points a 1435 mm train may change gauge at
  /// on its way there (the crossing itself when the gauge changes at the border).
  std::map<std::string, std::vector<std::string>> transshipment_routes;
  /// Capability code -> personnel a day one of its units adds at the point it is placed at.
  std::map<std::string, double> transshipment_added;
};

/// Everything the stages read (parameters.json + movement.json).
struct PlannerParameters {
  double min_place_population = 0;
  double hub_population_weight = 0;
  double hub_energy_weight = 0;
  double non_mw_energy_site_mw = 0;
  double contact_line_sample_km = 0;
  double contact_line_border_clearance_km = 0;
  double sea_lane_sample_km = 0;
  std::vector<geo::LonLat> dnipro_line;  ///< north to south, latitude decreasing
  std::vector<geo::LonLat> sea_lane;     ///< Odesa to the Bosphorus
  std::map<std::string, double> airfield_resource;  ///< capability -> aircraft per unit
  std::map<std::string, double> port_resource;      ///< capability -> berths per unit
  std::map<std::string, double> rail_junction_resource;  ///< capability -> room per unit at a rail terminal
  std::map<int, double> priority_weight;            ///< line priority -> value of a filled position
  double time_limit_s = 0;
  std::uint64_t seed = 1;
  MovementParameters movement;
  ThreatRules threat;  ///< threat axes and line basing filters (threat_axes.json)
  ForwardPostureRules forward;  ///< forward operating sites for monitors, deminers (forward_posture.json)
  ProtectionRules protection;   ///< force-protection lines (protection.json)
  MontreuxRules montreux;       ///< the Straits' regime for warships (montreux.json)
  SeaRoutes sea_routes;         ///< sea waypoints and legs (sea_routes.json); empty = great circle
  HostConsent consent;          ///< neighbours' refusals of basing and transit (host_consent.json)
  HubSitingRules hub_siting;    ///< hub choice by protection and access, airfield personnel (hub_siting.json)
  std::vector<InputFile> files;  ///< the files read, with hashes, for provenance

  /// Flat key -> value of every number, recorded in the plan's provenance.
  [[nodiscard]] std::map<std::string, double> flatten() const;
};

/// Reads parameters.json, movement.json, threat_axes.json, forward_posture.json, protection.json, montreux.json, sea_routes.json, host_consent.json and hub_siting.json from `planning_dir`. Throws guarantor::Error
/// (FileNotFound, Syntax, Schema) naming the file and JSON pointer of every problem found.
PlannerParameters load_parameters(const std::filesystem::path& planning_dir);

/// Key of a transshipment route in the flat parameters: "movement.transshipment_route.<crossing>|<point>".
std::string transshipment_route_key(std::string_view crossing, std::string_view point);

/// Rebuilds the parameters a plan recorded (Provenance::parameters), for the checker; the two
/// polylines are not numbers and are taken from `defaults`.
PlannerParameters parameters_from_provenance(const std::map<std::string, double>& flat,
                                             const PlannerParameters& defaults);

}  // namespace guarantor::planner
