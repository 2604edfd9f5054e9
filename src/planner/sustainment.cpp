// Stage 6: sustainment. Keeping the deployed force in place needs a rotation pool of rotating
// personnel x the rotation factor (rule of thirds: one deployed, one preparing, one recovering),
// set by the mandate's posture and overridable as a parameter. Every figure is the one defined in
// guarantor/force/figures.hpp, so force generation, the plan and the pages print the same number.
#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "guarantor/force/figures.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

model::Phase last_phase(const model::Mandate& mandate) {
  model::Phase last = model::Phase::Ceasefire;
  int opens = -1;
  for (const auto& gate : mandate.phases)
    if (gate.opens_day > opens) opens = gate.opens_day, last = gate.phase;
  return last;
}

std::vector<force::PlacedUnit> placed_units(const model::Scenario& scenario,
                                            const std::vector<Assignment>& assignments) {
  std::map<std::string, model::Location> location_of;
  for (const auto& line : scenario.mandate.requirements) location_of[line.id] = line.location;
  std::vector<force::PlacedUnit> placed;
  for (const auto& a : assignments) {
    const auto* pledge = scenario.coalition.find_pledge(a.pledge_id);
    const auto it = location_of.find(a.line_id);
    if (pledge && it != location_of.end()) placed.push_back({pledge, it->second});
  }
  return placed;
}

StageReport run_sustainment(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const auto figures =
      force::compute_figures(context.scenario, last_phase(context.scenario.mandate),
                             placed_units(context.scenario, plan.assignments), context.rotation_factor);
  auto& pool = plan.rotation;
  pool.figures = figures;
  pool.source = context.scenario.mandate.posture.rotation_factor.source;
  pool.deployed_units = static_cast<int>(plan.assignments.size());
  StageReport report;
  report.stage = "sustainment";
  report.sense = "min";
  report.unit = "personnel in the rotation pool";
  report.method = "closed form: rotating personnel x rotation factor";
  report.note = fmt::format(
      "{} deployed, of which {} rotate; x {} = {} needed; {} available to the pool ({} pledged, {} "
      "eligible); shortfall {}",
      pool.figures.deployed_personnel, pool.figures.rotating_personnel, pool.figures.rotation_factor,
      pool.figures.required_pool, pool.figures.pool_personnel, pool.figures.pledged_personnel,
      pool.figures.eligible_personnel, pool.figures.shortfall);
  report.stats = closed_form(pool.figures.required_pool,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return report;
}

}  // namespace guarantor::planner::detail
