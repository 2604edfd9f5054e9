// Montreux in the stages: after allocation, non-littoral warships beyond the Art. 18(1)
// aggregate tonnage go home; in the schedule, a ship sails the sea route (never across land)
// and, when it passes the Straits as a foreign warship, waits out the Art. 13 notice.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/montreux.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

void enforce_montreux_tonnage(const StageContext& context, Plan& plan) {
  const auto& rules = context.params.montreux;
  const auto over = over_tonnage(rules, context.scenario, plan);
  if (over.empty()) return;
  std::vector<std::pair<Assignment, double>> removed;
  for (const auto& [assignment, tonnage] : over) removed.emplace_back(*assignment, tonnage);
  std::erase_if(plan.assignments, [&removed](const Assignment& a) {
    return std::any_of(removed.begin(), removed.end(), [&a](const auto& r) { return r.first.unit_id == a.unit_id; });
  });
  // Why each stays home, line by line as for every unit, with the tonnage on the line it left.
  for (const auto& [ship, tonnage] : removed) {
    const auto* pledge = context.scenario.coalition.find_pledge(ship.pledge_id);
    UnassignedUnit unit = explain_home(context.scenario, *pledge, ship.unit_id, plan);
    std::erase_if(unit.causes, [&ship](const HomeReason& r) { return r.line_id == ship.line_id; });
    unit.causes.push_back({ship.line_id, HomeCause::StraitsTonnage});
    unit.reason = fmt::format("{}: {} (Montreux Convention art. 18(1): non-littoral warships in the Black Sea would total "
                              "{:.0f} t, above the aggregate limit of {:.0f} t)",
                              ship.line_id, to_string(HomeCause::StraitsTonnage), tonnage, rules.non_littoral_tonnage_t);
    plan.unassigned.push_back(std::move(unit));
  }
}

SeaPassage sea_passage(const StageContext& context, const model::Pledge& pledge, geo::LonLat home, const model::Site& port) {
  const auto& mv = context.params.movement;
  const auto& rules = context.params.montreux;
  SeaPassage passage;
  const auto route = sea_route(context.params.sea_routes, home, port.position);
  if (!route) {
    // No sea graph: great circle with the network detour factor (hand-drawn test theatres).
    passage.km = distance_km(home, port.position) * mv.route_detour_factor;
    passage.text = fmt::format("sails {:.0f} km to {}", passage.km, port.name);
    passage.days = static_cast<int>(std::ceil(passage.km / mv.sea_km_per_day - 1e-9));
    return passage;
  }
  passage.km = route->km;
  passage.days = static_cast<int>(std::ceil(passage.km / mv.sea_km_per_day - 1e-9));
  passage.text = fmt::format("sails {:.0f} km to {} by sea (via {})", passage.km, port.name, fmt::join(route->via, ", "));
  if (route->through_straits && rules.enabled() && pledge.nation != rules.straits_state) {
    const bool littoral = rules.littoral(pledge.nation);
    const double notice = littoral ? rules.notice_days_littoral : rules.notice_days_non_littoral;
    passage.days += static_cast<int>(std::ceil(notice - 1e-9));
    passage.text += fmt::format("; passes the Straits after {:.0f} days' notice (Montreux art. 13)", notice);
    if (!littoral)
      passage.text += fmt::format("; may stay at most {:.0f} days in the Black Sea (art. 18(2)), so presence needs relief ships",
                                  rules.max_stay_days);
  }
  return passage;
}

}  // namespace guarantor::planner::detail
