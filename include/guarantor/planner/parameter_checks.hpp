#pragma once
// Checks that span a scenario and the planning parameters, run before any planning (by
// `guarantor validate --planning` and `guarantor plan`), so a plan never stops half-way on a
// gap in the parameters.
#include <filesystem>
#include <vector>

#include "guarantor/core/error.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/parameters.hpp"

namespace guarantor::planner {

/// Every pledged capability based at airfields or ports has its per-unit share of a site's
/// capacity in parameters.json /site_resource/<kind>. Returns one diagnostic per gap, located at
/// `planning_dir`/parameters.json.
std::vector<Diagnostic> check_parameters(const model::Scenario& scenario, const PlannerParameters& params,
                                         const std::filesystem::path& planning_dir);

}  // namespace guarantor::planner
