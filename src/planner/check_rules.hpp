#pragma once
// Rule families of the checker (check.cpp runs them all). Each recomputes its facts from the
// scenario and the plan's assignments; none reads the stages' code or trusts a recorded figure.
#include <map>
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// host_abroad: host-nation support outside the pledging nation; named_site: a unit of a pledge
/// that names its sites placed elsewhere.
void check_host_support(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// line_status: each line's filled, late and status recomputed from the assignments, the
/// mandate and `covered_share` (line id -> share recomputed by the coverage rule).
void check_line_status(const Plan& plan, const model::Scenario& scenario,
                       const std::map<std::string, double>& covered_share, std::vector<Violation>& out);

/// transshipment, transshipment_throughput, railhead_site: the 1435/1520 mm gauge break on
/// every rail move into Ukraine, each point's daily throughput, railhead units at a gauge break.
void check_rail(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// reason: every typed cause a unit stays home for, re-derived.
void check_reasons(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// reason: every typed reason a line is short for, re-derived (count, pledge and coverage facts).
void check_line_reasons(const Plan& plan, const model::Scenario& scenario,
                        const std::map<std::string, double>& covered_share, std::vector<Violation>& out);

/// rotation: every figure of the rotation pool recomputed from the assignments.
void check_rotation(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// threat_band: a unit or hub inside the band of a threat axis other than the occupied area
/// (the axes recorded in the plan's provenance, the countries' outlines from the scenario);
/// line_basing: a unit based where its line's own text forbids (recorded basing filters).
void check_threat(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// forward_site: a unit at a forward operating site whose capability the recorded forward
/// posture does not name, or a forward site outside its band; protection_claim: a protection
/// line or site record that differs from the one recomputed from the assignments. `scenario`
/// holds the plan's forward sites.
void check_protection(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// montreux: a non-littoral warship on a Black Sea line while Art. 19 closes the Straits, or
/// non-littoral warships above the Art. 18(1) aggregate tonnage (rules recorded in the plan).
void check_montreux(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// host_consent: a unit based in a country that refuses basing, or entering Ukraine through a
/// crossing whose country refuses transit (refusals recorded in the plan).
void check_host_consent(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

/// hub_capacity: a hub's recorded demand differs from the recomputed one, or its demand or the
/// units based there exceed its personnel capacity; hub_siting: a hub inside the recorded hub
/// siting's distance from a threat axis, or a recorded entry node that differs from the
/// recomputed one; airfield_personnel: units at an airfield above its personnel capacity.
void check_hubs(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out);

}  // namespace guarantor::planner::detail
