#pragma once
// The staged planner: candidates -> hubs -> coverage -> allocation -> schedule -> sustainment ->
// gaps. Each stage records its objective, bound, gap and time in Plan::stages; an unmet line, an
// uncovered demand or an unassigned unit is a result with its reason, never an error.
#include <functional>
#include <string>
#include <string_view>

#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// What a caller may change without editing the data files.
struct PlannerOptions {
  double rotation_factor_override = 0.0;  ///< > 0 replaces the mandate's rotation factor
  std::string generator = "guarantor";     ///< recorded in the provenance, e.g. "guarantor 0.1.0"
  /// Called after each stage with its name, the stages done and their number (progress for a
  /// job). An exception it throws abandons the plan and propagates: that is how a job is cancelled.
  std::function<void(std::string_view stage, int done, int total)> on_stage;
};

/// Plans the scenario. Deterministic: the same scenario, parameters and options give the same
/// plan. Precondition: the scenario passed validation. Throws guarantor::Error (Schema) when
/// the parameters lack a number a stage needs (e.g. no site resource for an airfield-based
/// capability) or a coverage target names an unknown demand set or filter.
Plan make_plan(const model::Scenario& scenario, const PlannerParameters& params, const PlannerOptions& options = {});

}  // namespace guarantor::planner
