#pragma once
// The independent checker: recomputes from the plan and the scenario alone - without the solver
// code paths - whether every assignment respects its pledge's caveats, every site its capacity,
// every claimed coverage share its footprint, every arrival its readiness, and no unit serves
// twice. A plan read from any file can be checked.
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// One broken rule.
struct Violation {
  /// unit_twice | position_twice | unknown_reference | capability | caveat | readiness | location | site |
  /// capacity | coverage_claim | arrival | entry_throughput | hub_capacity | host_abroad | named_site |
  /// line_status | rotation | transshipment | transshipment_throughput | railhead_site | reason |
  /// threat_band | line_basing | forward_site | protection_claim | montreux | host_consent |
  /// hub_siting | airfield_personnel
  std::string rule;
  std::string subject;  ///< the unit, site or line concerned
  std::string message;  ///< what is wrong, with the numbers
};

/// Every violation found (empty: the plan holds). Parameters (site resources, demand sampling,
/// the Dnipro and sea-lane polylines) are taken from the plan's provenance, so a plan is judged
/// by the rules it was made under; the scenario must be the one the plan was made from.
std::vector<Violation> check_plan(const Plan& plan, const model::Scenario& scenario);

}  // namespace guarantor::planner
