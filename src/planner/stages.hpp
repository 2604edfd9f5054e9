#pragma once
// The stages of make_plan, each filling its part of the plan and returning its report.
#include <optional>
#include <string>

#include "guarantor/model/scenario.hpp"
#include "guarantor/plan/solve_result.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// What every stage reads.
struct StageContext {
  const model::Scenario& scenario;
  const PlannerParameters& params;
  plan::SolveOptions solve;
  double rotation_factor = 0.0;
};

StageReport run_candidates(const StageContext& context, Plan& plan);
StageReport run_hubs(const StageContext& context, Plan& plan);
StageReport run_coverage(const StageContext& context, Plan& plan);
StageReport run_allocation(const StageContext& context, Plan& plan);
StageReport run_schedule(const StageContext& context, Plan& plan);
StageReport run_sustainment(const StageContext& context, Plan& plan);
StageReport run_gaps(const StageContext& context, Plan& plan);

/// Figures of a stage with a closed-form answer: objective = bound, proven trivially.
plan::SolveStats closed_form(double value, double seconds);

/// What one unit of `capability` takes of a site of `kind` (personnel at hubs, aircraft at
/// airfields, berths at ports). Throws Error(Schema) when the parameters lack the entry.
double site_resource(const PlannerParameters& params, const model::Capability& capability, std::string_view site_kind);

/// The day a phase opens (0 when the mandate does not list it).
int phase_gate_day(const model::Mandate& mandate, model::Phase phase);

/// Days since 1970-01-01 of the day the phase opens, when the scenario's as_of is known.
std::optional<long> phase_start(const model::Scenario& scenario, model::Phase phase);

}  // namespace guarantor::planner::detail

namespace guarantor::planner::detail {
/// After allocation: each coverage line's claim (share covered by the filled positions) and each
/// hub's load in personnel.
void claim_coverage(const StageContext& context, Plan& plan);
}  // namespace guarantor::planner::detail
