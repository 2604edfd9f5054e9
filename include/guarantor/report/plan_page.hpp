#pragma once
// The plan report: one offline HTML file with the map (hubs, coverage footprints, APP-6 symbols
// of the assigned units, occupied area and standoff band), the per-line coverage table with
// units and gaps, the closure chart, the rotation pool, the solver table and the plan among the
// public sizing anchors. Leaflet and milsymbol are inlined from the asset directory.
#include <string>
#include <vector>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"
#include "guarantor/report/page_options.hpp"
#include "guarantor/report/plan_export.hpp"

namespace guarantor::report {

/// Renders the whole page; every string from the data is escaped. Throws guarantor::Error
/// (FileNotFound) naming every missing asset under options.asset_dir.
std::string render_plan_page(const planner::Plan& plan, const model::Scenario& scenario,
                             const std::vector<SizingAnchor>& anchors, const PageOptions& options);

}  // namespace guarantor::report
