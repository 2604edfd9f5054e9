#pragma once
// What changed between two plans: units added, withdrawn or moved, lines whose fill, coverage
// or status changed, hubs opened or closed, inputs that differ - the effect of a nation
// withdrawing a pledge or a caveat being lifted, line by line.
#include <string>
#include <vector>

#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// One change from plan `before` to plan `after`.
struct PlanChange {
  std::string kind;     ///< input | hub | unit_added | unit_removed | unit_moved | line | nation | rotation
  std::string subject;  ///< the file, hub, unit, line or nation concerned
  std::string before;   ///< "" when absent before
  std::string after;    ///< "" when absent after
};

/// Every change, in a stable order (by kind, then subject). Empty when the plans agree.
std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after);

}  // namespace guarantor::planner
