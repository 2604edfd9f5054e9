#pragma once
// The rotation figures as JSON, one spelling of their keys for every export that carries them
// (plan.json, the force-generation export), in the order docs/planner.md lists them.
#include <nlohmann/json.hpp>

#include "guarantor/force/figures.hpp"

namespace guarantor::force {

/// deployed_personnel, rotation_factor, required_pool, pledged_personnel, eligible_personnel,
/// rotating_personnel, pool_personnel, shortfall - in that order.
nlohmann::ordered_json rotation_figures_json(const ForceFigures& figures);

}  // namespace guarantor::force
