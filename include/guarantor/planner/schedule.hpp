#pragma once
// The arrival stage on its own, for re-timing a plan's assignments (other throughput, another
// readiness) without re-running placement and allocation.
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// Schedules every assignment of `plan` through its entry node (border crossing, airfield, port)
/// under the daily throughputs of `params.movement`; rewrites arrival_day, entry_node, entry_day,
/// entry_use, route, the closure curve and the lines' late counts, and returns the stage's figures
/// (objective: sum of arrival days; bound: unlimited throughput). The result does not depend on
/// the order of plan.assignments. Precondition: the assignments refer to the scenario's pledges
/// and capabilities (as make_plan leaves them).
StageReport schedule_arrivals(const model::Scenario& scenario, const PlannerParameters& params, Plan& plan);

}  // namespace guarantor::planner
