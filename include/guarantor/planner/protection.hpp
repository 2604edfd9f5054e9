#pragma once
// Force protection measured over the sites where units actually are: air and missile defence
// from the first arrival, surgery within the NATO 10-1-2 limit (road with the detour factor, or
// rotary-wing MEDEVAC where one covers), and an escort for every forward operating site. The
// planner's protection stage and the checker both measure with this function, from the scenario,
// the rules and the assignments alone (no solver is involved: it is a measurement).
#include <utility>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"
#include "guarantor/planner/protection_rules.hpp"

namespace guarantor::planner {

/// Protection of every site in the host country that holds a unit, and each rule line's status.
/// `scenario` must hold the plan's forward sites (with_forward_sites); `detour_factor` turns
/// great-circle road distance into road distance (movement.route_detour_factor).
std::pair<std::vector<SiteProtection>, std::vector<ProtectionLine>> measure_protection(
    const model::Scenario& scenario, const ProtectionRules& rules, const Plan& plan, double detour_factor);

/// The rules a plan recorded (provenance parameters and capability sets, its protection lines).
ProtectionRules protection_rules_of(const Plan& plan);
/// The forward posture a plan recorded.
ForwardPostureRules forward_rules_of(const Plan& plan);

/// The scenario as the plan was made in: with the forward operating sites its recorded rules make.
/// Outputs (pages, exports) and the checker look sites up in it.
model::Scenario scenario_with_plan_sites(const model::Scenario& scenario, const Plan& plan);

/// The numbers and code lists of both rule sets, as the provenance records them.
void record_posture_rules(const ForwardPostureRules& forward, const ProtectionRules& protection, Provenance& provenance);

}  // namespace guarantor::planner
