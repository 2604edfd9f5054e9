// The one computation of the headline figures (include/guarantor/force/figures.hpp).
#include "guarantor/force/figures.hpp"

#include <algorithm>
#include <cmath>

#include "caveat_rules.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/core/date.hpp"

namespace guarantor::force {

int unit_personnel(const model::Scenario& scenario, const model::Pledge& pledge) {
  const auto* capability = scenario.catalogue.find(pledge.capability);
  return capability ? static_cast<int>(std::lround(capability->personnel.value)) : 0;
}

namespace {

// False when the pledge's place caveat allows only service from outside the theatre (an HQ at
// home, training abroad, strategic lift): such units never rotate through the theatre.
bool may_serve_in_theatre(const model::Pledge& pledge) {
  for (const auto& caveat : pledge.caveats) {
    if (caveat.kind() != model::CaveatKind::Where) continue;
    const auto& locations = caveat.locations();
    if (std::all_of(locations.begin(), locations.end(),
                    [](model::Location location) { return location == model::Location::OutsideTheatre; }))
      return false;
  }
  return true;
}

}  // namespace

bool rotates(const model::Scenario& scenario, const model::Pledge& pledge, model::Location location) {
  const auto* capability = scenario.catalogue.find(pledge.capability);
  if (capability && capability->domain == model::Domain::Host) return false;
  if (location == model::Location::OutsideTheatre) return false;
  return !pledge.includes_rotation;
}

ForceFigures compute_figures(const model::Scenario& scenario, model::Phase phase, const std::vector<PlacedUnit>& placed,
                             double rotation_factor) {
  ForceFigures figures;
  figures.rotation_factor = rotation_factor;
  const std::optional<Date> start = scenario.phase_start(phase);
  for (const auto& pledge : scenario.coalition.pledges) {
    const int personnel = unit_personnel(scenario, pledge) * pledge.quantity;
    figures.pledged_personnel += personnel;
    if (!detail::usable_in_phase(pledge, phase, scenario.mandate, start)) continue;
    figures.eligible_personnel += personnel;
    // A pledge's units rotate when they would serve in the theatre: judged by the pledge, not
    // by where the plan happens to put them, so the pool does not move with the assignment.
    const auto* capability = scenario.catalogue.find(pledge.capability);
    if (!pledge.includes_rotation && !(capability && capability->domain == model::Domain::Host) &&
        may_serve_in_theatre(pledge))
      figures.pool_personnel += personnel;
  }
  for (const auto& unit : placed) {
    const int personnel = unit_personnel(scenario, *unit.pledge);
    figures.deployed_personnel += personnel;
    if (rotates(scenario, *unit.pledge, unit.location)) figures.rotating_personnel += personnel;
  }
  figures.required_pool = static_cast<int>(std::ceil(figures.rotating_personnel * rotation_factor - 1e-9));
  figures.shortfall = std::max(0, figures.required_pool - figures.pool_personnel);
  return figures;
}

std::vector<FigureLine> figure_lines(const ForceFigures& f) {
  return {{"pledged", static_cast<double>(f.pledged_personnel), PLEDGED_DEFINITION},
          {"eligible", static_cast<double>(f.eligible_personnel), ELIGIBLE_DEFINITION},
          {"deployed", static_cast<double>(f.deployed_personnel), DEPLOYED_DEFINITION},
          {"rotating", static_cast<double>(f.rotating_personnel), ROTATING_DEFINITION},
          {"rotation factor", f.rotation_factor, FACTOR_DEFINITION},
          {"rotation pool", static_cast<double>(f.required_pool), POOL_DEFINITION},
          {"available to the pool", static_cast<double>(f.pool_personnel), POOL_AVAILABLE_DEFINITION},
          {"shortfall", static_cast<double>(f.shortfall), SHORTFALL_DEFINITION}};
}

int lines_covered_by_pledges(const model::Scenario& scenario) {
  const auto result = generate_force(scenario);
  int covered = 0;
  for (const auto& line : scenario.mandate.requirements)
    for (const auto& phase : result.phases)
      if (phase.phase == line.phase)
        for (const auto& judged : phase.lines)
          covered += judged.line_id == line.id && judged.status == LineStatus::Covered;
  return covered;
}

}  // namespace guarantor::force
