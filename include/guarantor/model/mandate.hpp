#pragma once
// The mandate: requirement lines (a statement of requirements) and posture rules.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/model/capability.hpp"
#include "guarantor/model/mandate_types.hpp"

namespace guarantor::model {

/// When a phase opens, counted in days from D-day (the ceasefire taking effect).
struct PhaseGate {
  Phase phase = Phase::Ceasefire;
  int opens_day = 0;
  std::string trigger;  ///< e.g. "peace agreement signed and ratified"
};

/// A coverage goal over a demand set, e.g. air defence over 90 % of the population.
struct CoverageTarget {
  std::string demand;   ///< population | energy_sites | airfields | ports | contact_line | hubs
  double fraction = 0;  ///< share of the demand weight to cover, in (0, 1]
  std::string filter;   ///< optional restriction, e.g. "west_of_dnipro" (see docs/data-model.md)
};

struct RequirementLine {
  std::string id;          ///< e.g. "R-AD-1"
  std::string capability;  ///< catalogue code
  int quantity = 0;        ///< units required
  Phase phase = Phase::Ceasefire;
  int priority = 1;        ///< 1 = most important
  Location location = Location::Ukraine;
  RequirementRole role = RequirementRole::Deterrence;
  int required_by_day = 0; ///< days after the phase gate by which the units must be in place
  std::optional<CoverageTarget> coverage;
  std::string description;
  std::string source;
};

struct PostureRules {
  PlanningFactor standoff_km;      ///< minimum distance of any hub from the occupied area
  int hub_count = 0;               ///< number of hubs to open
  std::vector<std::string> candidate_site_kinds;  ///< site kinds that may host a hub
  PlanningFactor rotation_factor;  ///< force needed per unit deployed for sustained presence
  /// "hub_sourcing": "single" — each demand point is served by exactly one hub (its area of
  /// responsibility) when hub capacities bind; "multiple" (the default) lets a point's demand
  /// be split between hubs.
  bool single_source_hubs = false;
  /// "admitted_site_statuses": the negotiation statuses a site needs before the planner uses it
  /// for a hub or a unit. Empty (the default) admits every site, negotiated or not.
  std::vector<SiteNegotiation> admitted_site_statuses;
};

struct Mandate {
  std::string name;
  std::string description;
  std::vector<PhaseGate> phases;
  std::vector<RequirementLine> requirements;
  PostureRules posture;
  /// Conditions precedent and whether they hold in this scenario, e.g. us_backstop -> false.
  std::map<std::string, bool> conditions;
  /// Negotiation status per site id ("site_negotiation"); a site not listed is still proposed.
  std::map<std::string, SiteNegotiation> site_negotiation;
  std::string source;

  [[nodiscard]] const PhaseGate* find_phase(Phase phase) const noexcept;
  [[nodiscard]] bool condition_met(std::string_view key) const noexcept;
  /// The negotiation status of a site (proposed when not listed).
  [[nodiscard]] SiteNegotiation site_status(const std::string& site_id) const;
  /// Whether the posture lets the planner use the site, given its negotiation status.
  [[nodiscard]] bool admits_site(const std::string& site_id) const;
};

}  // namespace guarantor::model
