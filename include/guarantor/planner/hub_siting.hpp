#pragma once
// How hubs are chosen (data/planning/hub_siting.json): for protection and access, not pulled
// toward the front by population. A hub must keep `min_threat_km` from every threat axis; among
// the sites that do, the hubs stage minimises, per unit of demand served, support distance x
// support_weight + exposure x protection_weight + access x access_weight, where exposure is how
// far inside `protection_depth_km` of the nearest threat axis the hub lies and access is the
// distance to the nearest entry node (a border crossing into Ukraine open to the mission). An
// airfield that becomes a hub holds personnel up to its capacity here (its aircraft parking is
// a separate resource).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// Everything hub_siting.json holds; every number has its source in the file.
struct HubSitingRules {
  double min_threat_km = 0.0;        ///< a hub keeps at least this from every threat axis, km
  double min_separation_km = 0.0;    ///< no two hubs closer than this (one hub per town), km
  double protection_depth_km = 0.0;  ///< exposure = max(0, depth - threat distance), km
  double support_weight = 0.0;       ///< weight of the km from the demand to its hub
  double protection_weight = 0.0;    ///< weight of a hub's exposure km
  double access_weight = 0.0;        ///< weight of a hub's km to its nearest entry node
  /// Personnel an airfield hub holds, by airfield subkind (military, joint, civil); `default`
  /// for any other subkind.
  std::map<std::string, double> airfield_personnel;

  /// Personnel capacity of an airfield site (0 when neither its subkind nor a default is listed).
  [[nodiscard]] double airfield_personnel_capacity(const model::Site& airfield) const;
  /// The per-site part of the hubs objective, in weighted km per unit of demand.
  [[nodiscard]] double site_cost(double threat_km, double access_km) const;
  /// How far a site `threat_km` from the nearest threat axis lies inside the protection depth:
  /// max(0, depth - threat km), km.
  [[nodiscard]] double exposure_km(double threat_km) const;
  /// Flat key -> value for the plan's provenance ("hub_siting.*").
  void flatten_into(std::map<std::string, double>& flat) const;
};

/// Reads hub_siting.json (appending it, with its hash, to `files` when given). Throws
/// guarantor::Error (FileNotFound, Syntax, Schema) naming the file and JSON pointer of every
/// problem found.
HubSitingRules load_hub_siting(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);

/// The rules a plan recorded in its provenance parameters; nullopt when it recorded none
/// (plans made before hub siting by protection and access).
std::optional<HubSitingRules> hub_siting_of(const std::map<std::string, double>& flat);

/// The nearest entry node of a position: an operating border crossing of a throughput kind the
/// schedule uses (`kinds`) that no neighbour closes to the mission, and its geodesic distance.
struct EntryAccess {
  std::string node;
  double km = 0.0;
};
std::optional<EntryAccess> nearest_entry_node(const model::Scenario& scenario, const HostConsent& consent,
                                              const std::vector<std::string>& kinds, geo::LonLat position);

}  // namespace guarantor::planner
