#pragma once
// The Montreux Convention (1936) as rules the planner and the checker apply to warships in the
// Black Sea, and sea routes that follow the water (data/planning/montreux.json,
// sea_routes.json). While Türkiye applies Article 19 (closure of the Straits to warships, in
// force since 28 Feb 2022), only the Black Sea littoral states' warships may serve there;
// otherwise non-littoral warships are bounded by aggregate tonnage (Art. 18(1)), a stay of at
// most 21 days (Art. 18(2)) and prior notification of transit (Art. 13).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// The Montreux rules as data.
struct MontreuxRules {
  std::string article_19_condition;          ///< mandate condition key; true = Art. 19 closure applies
  std::string straits_state;                 ///< ISO code of the state of the Straits (TR)
  std::vector<std::string> littoral_states;  ///< Black Sea riparian states (ISO 3166-1 alpha-2)
  std::map<std::string, double> tonnage_t;   ///< naval capability -> standard displacement per unit, t
  double non_littoral_tonnage_t = 0;         ///< Art. 18(1): aggregate of non-littoral warships
  double max_stay_days = 0;                  ///< Art. 18(2)
  double notice_days_littoral = 0;           ///< Art. 13: normal notice of transit
  double notice_days_non_littoral = 0;       ///< Art. 13: notice desired of non-Black Sea powers
  [[nodiscard]] bool enabled() const noexcept { return !tonnage_t.empty(); }
  [[nodiscard]] bool littoral(std::string_view nation) const noexcept;
  [[nodiscard]] bool naval(std::string_view capability) const noexcept { return tonnage_t.count(std::string(capability)) > 0; }
};

/// One sea waypoint and the sea legs between waypoints (drawn at sea, so a route never crosses land).
struct SeaWaypoint {
  std::string id;
  geo::LonLat position;
};
struct SeaLeg {
  std::string from, to;
  bool straits = false;  ///< a leg through the Bosphorus or the Dardanelles
};
struct SeaRoutes {
  std::vector<SeaWaypoint> waypoints;
  std::vector<SeaLeg> legs;
  [[nodiscard]] bool empty() const noexcept { return waypoints.empty(); }
};

/// A route by sea: length, whether it passes the Straits, and the waypoints in order.
struct SeaRoute {
  double km = 0;
  bool through_straits = false;
  std::vector<std::string> via;
};

MontreuxRules load_montreux(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);
SeaRoutes load_sea_routes(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);

/// The shortest route by sea from `from` to `to`: each end joins its nearest waypoint (a naval
/// unit's home is its base port, a destination a port), then the legs of the graph. nullopt when
/// the graph is empty or the two waypoints are not connected.
std::optional<SeaRoute> sea_route(const SeaRoutes& routes, geo::LonLat from, geo::LonLat to);

/// True when the mandate's condition says Türkiye applies Art. 19 to the Straits.
bool article_19_applies(const MontreuxRules& rules, const model::Scenario& scenario);

/// Why Montreux keeps this pledge's warships off a Black Sea line (Art. 19 closure for a
/// non-littoral state), or nullopt.
std::optional<std::string> montreux_refusal(const MontreuxRules& rules, const model::Scenario& scenario,
                                            const model::Pledge& pledge, const model::RequirementLine& line);

/// Non-littoral warships on Black Sea lines over the Art. 18(1) aggregate tonnage, taken in the
/// order (line priority, unit id): each over the limit, with the tonnage it would bring.
std::vector<std::pair<const Assignment*, double>> over_tonnage(const MontreuxRules& rules, const model::Scenario& scenario,
                                                               const Plan& plan);

/// The non-littoral warship tonnage the plan's assignments already put in the Black Sea.
double non_littoral_black_sea_tonnage(const MontreuxRules& rules, const model::Scenario& scenario, const Plan& plan);

/// True when one more of `pledge`'s warships on `line` would take the non-littoral tonnage in
/// the Black Sea past the Art. 18(1) aggregate, given `tonnage_in_sea` already there.
bool exceeds_straits_tonnage(const MontreuxRules& rules, const model::Pledge& pledge,
                             const model::RequirementLine& line, double tonnage_in_sea);

/// The Montreux numbers and lists, as a plan's provenance records them, and back.
void record_montreux(const MontreuxRules& rules, Provenance& provenance);
MontreuxRules montreux_of(const Plan& plan);

}  // namespace guarantor::planner
