#pragma once
// The headline figures of a force - pledged, eligible, deployed, rotating, rotation pool,
// shortfall - defined once and computed in one place, so force generation, the plan, the pages
// and the exports print the same number under the same name (docs/planner.md, "Figures").
#include <string_view>
#include <vector>

#include "guarantor/model/scenario.hpp"

namespace guarantor::force {

/// One unit a force puts in place: its pledge and where its line is served.
struct PlacedUnit {
  const model::Pledge* pledge = nullptr;
  model::Location location = model::Location::Ukraine;
};

/// The figures, in personnel (catalogue personnel per unit x units).
struct ForceFigures {
  int pledged_personnel = 0;    ///< every unit of every pledge
  int eligible_personnel = 0;   ///< units of pledges usable in the phase (when, condition, validity caveats)
  int deployed_personnel = 0;   ///< units put in place (committed by force generation, or assigned by the plan)
  int rotating_personnel = 0;   ///< deployed units that rotate (see ROTATING_DEFINITION)
  double rotation_factor = 0.0;
  int required_pool = 0;        ///< rotating personnel x rotation factor, rounded up
  int pool_personnel = 0;       ///< eligible personnel of pledges whose units rotate
  int shortfall = 0;            ///< max(0, required_pool - pool_personnel)
};

/// Computes the figures of the units in `placed` for `phase`. Precondition: a validated scenario.
ForceFigures compute_figures(const model::Scenario& scenario, model::Phase phase, const std::vector<PlacedUnit>& placed,
                             double rotation_factor);

/// True when a unit of `pledge` serving at `location` needs the coalition's rotation: not
/// host-nation support (given in place by the host's standing staff), not served from home
/// (training abroad, strategic lift), not a pledge that already includes its own rotation.
bool rotates(const model::Scenario& scenario, const model::Pledge& pledge, model::Location location);

/// Personnel of one unit of `pledge` (the catalogue's planning value).
int unit_personnel(const model::Scenario& scenario, const model::Pledge& pledge);

/// One figure as printed: its name, value and definition, in the one order every output uses.
struct FigureLine {
  std::string_view label;
  double value = 0.0;
  std::string_view definition;
};

/// pledged, eligible, deployed, rotating, rotation factor, rotation pool, available to the pool,
/// shortfall - the lines every page, export and command prints.
std::vector<FigureLine> figure_lines(const ForceFigures& figures);

/// Lines covered by pledges: each line judged by force generation in the phase it opens.
int lines_covered_by_pledges(const model::Scenario& scenario);

/// One-line definitions printed beside the figures on every page and export.
inline constexpr std::string_view PLEDGED_DEFINITION = "personnel of every unit of every pledge";
inline constexpr std::string_view ELIGIBLE_DEFINITION =
    "personnel of the pledges usable in the phase (their phase caveats, conditions and validity allow it)";
inline constexpr std::string_view DEPLOYED_DEFINITION = "personnel of the units put in place";
inline constexpr std::string_view ROTATING_DEFINITION =
    "deployed personnel that rotate: not host-nation support, not units serving from home, not pledges that include "
    "their own rotation";
inline constexpr std::string_view POOL_DEFINITION =
    "rotation pool: rotating personnel x rotation factor (rule of thirds: one deployed, one preparing, one recovering)";
inline constexpr std::string_view POOL_AVAILABLE_DEFINITION =
    "eligible personnel of pledges whose units rotate (not host-nation support, not pledges that serve only from "
    "outside the theatre, not pledges that include their own rotation), the whole pledge whether deployed or not";
inline constexpr std::string_view SHORTFALL_DEFINITION = "rotation pool minus the personnel available to it, never below 0";
inline constexpr std::string_view COVERED_DEFINITION =
    "covered by pledges: force generation fills the line from eligible pledges in priority order, in the phase it opens";
inline constexpr std::string_view MET_DEFINITION =
    "met by the plan: every unit placed and assigned, the coverage target reached, no unit late";
inline constexpr std::string_view FACTOR_DEFINITION = "units needed per unit deployed for sustained presence";

}  // namespace guarantor::force
