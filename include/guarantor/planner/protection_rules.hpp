#pragma once
// Forward posture and force protection rules (data/planning/forward_posture.json and
// protection.json). Monitors and deminers work at the line, so they get forward operating sites
// inside the pull-back bands but outside the buffer zone; every site where units are gets air
// and missile defence from the day the first unit arrives, surgery within the NATO 10-1-2
// timeline, and forward sites an escort. Each number comes with its source in the files.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// Where forward operating sites may be and who may use them.
struct ForwardPostureRules {
  std::vector<std::string> capabilities;  ///< capability codes that may base at forward sites
  double min_distance_km = 0;   ///< from the occupied area: outside the buffer zone
  double max_distance_km = 0;   ///< inside the pull-back band (within reach of the line)
  double min_place_population = 0;  ///< a forward site is a town of at least this size (GeoNames)
  double capacity_personnel = 0;    ///< room at one forward site
  [[nodiscard]] bool enabled() const noexcept { return !capabilities.empty() && max_distance_km > 0; }
  [[nodiscard]] bool may_use(std::string_view capability) const noexcept;
};

/// One force-protection requirement line, measured over the sites where units are.
struct ProtectionLineRule {
  std::string id;  ///< e.g. "FP-AD"
  ProtectionKind kind = ProtectionKind::AirDefence;
  std::string title;
  std::string source;
};

/// The protection lines and the numbers they are measured with.
struct ProtectionRules {
  std::vector<ProtectionLineRule> lines;
  std::vector<std::string> air_defence_capabilities;  ///< units whose footprint protects a site
  std::vector<std::string> escort_capabilities;       ///< land units that can escort forward sites
  std::string role2_capability;    ///< surgical care (MED.ROLE2)
  std::string medevac_capability;  ///< rotary-wing evacuation (MED.MEDEVAC_RW)
  double surgery_within_h = 0;     ///< NATO 10-1-2: surgery within 2 h of wounding
  double road_evacuation_kmh = 0;  ///< ground ambulance average speed
  double medevac_dispatch_h = 0;   ///< from call to take-off
};

/// Reads forward_posture.json and protection.json from `planning_dir` (appending each, with its
/// hash, to `files`). Throws guarantor::Error naming the file and JSON pointer of every problem.
ForwardPostureRules load_forward_posture(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);
ProtectionRules load_protection_rules(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);

/// Id of the forward site made from GeoNames place `geonameid`.
std::string forward_site_id(std::int64_t geonameid);

/// The scenario with a forward operating site (kind candidate_hub, subkind
/// "forward_operating_site", capacity in personnel) at every populated place of the host country
/// of at least `min_place_population` people in government-held territory whose distance from the
/// occupied area in force on as_of is within [min_distance_km, max_distance_km] and that lies
/// outside the band of every other threat axis. The input scenario is unchanged.
model::Scenario with_forward_sites(const model::Scenario& scenario, const ForwardPostureRules& rules,
                                   const std::vector<ThreatAxis>& threat_axes, double standoff_km);

/// CandidateSite::kind of a forward operating site (it is never a hub).
inline constexpr std::string_view FORWARD_SITE_KIND = "forward_site";

/// True for a site made by with_forward_sites.
bool is_forward_site(const model::Site& site) noexcept;

}  // namespace guarantor::planner
