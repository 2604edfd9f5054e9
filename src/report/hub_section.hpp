#pragma once
// The hub part of the plan page: why each hub is where it is. Every hub with the terms the hubs
// stage weighed (distance to the nearest threat axis and the exposure it leaves, the entry node
// and the km to it, the weighted site term), the demand it serves and the personnel it holds,
// under the rules and weights the plan recorded from data/planning/hub_siting.json.
#include <string>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::report::detail {

/// Static HTML (escaped); a sentence instead of the table when the plan opened no hub.
/// `scenario` names the sites and entry nodes.
std::string render_hub_section(const planner::Plan& plan, const model::Scenario& scenario);

}  // namespace guarantor::report::detail
