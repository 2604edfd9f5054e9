#pragma once
// The data the plan report's map script draws, as one JSON document embedded in the page.
#include <nlohmann/json.hpp>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"
#include "guarantor/report/page_options.hpp"

namespace guarantor::report::detail {

/// View, countries, occupied area, standoff distance, hubs, footprints of filled positions
/// and assigned units; coordinates [lon, lat], geometry simplified per `options`.
nlohmann::json build_plan_map_data(const planner::Plan& plan, const model::Scenario& scenario, const PageOptions& options);

}  // namespace guarantor::report::detail
