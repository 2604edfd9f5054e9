// Checker: forward operating sites and force-protection claims. The protection lines are
// recomputed from the scenario and the assignments with the rules the plan recorded; a status,
// count or site record that differs is a violation.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check_rules.hpp"
#include "guarantor/planner/protection.hpp"

namespace guarantor::planner::detail {

void check_protection(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  const auto forward = forward_rules_of(plan);
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);
  std::map<std::string, const Position*> positions;
  for (const auto& p : plan.positions) positions[p.id] = &p;
  for (const auto& a : plan.assignments) {
    const auto it = positions.find(a.position_id);
    if (it == positions.end()) continue;
    const auto* site = scenario.theatre.find_site(it->second->site_id);
    if (site == nullptr || !is_forward_site(*site)) continue;
    if (!forward.may_use(a.capability))
      out.push_back({"forward_site", a.unit_id,
                     fmt::format("a {} unit at forward site {}; only {} may base forward", a.capability, site->id,
                                 forward.capabilities.empty() ? std::string("no capability") : fmt::format("{}", fmt::join(forward.capabilities, ", ")))});
    if (occupied) {
      const double km = occupied->area.distance_to_boundary(site->position).km();
      if (km < forward.min_distance_km || km > forward.max_distance_km)
        out.push_back({"forward_site", site->id, fmt::format("{:.1f} km from the occupied area; forward sites stand {:.0f}-{:.0f} km from it",
                                                             km, forward.min_distance_km, forward.max_distance_km)});
    }
  }

  const auto rules = protection_rules_of(plan);
  const auto detour = plan.provenance.parameters.find("movement.route_detour_factor");
  if (rules.lines.empty()) return;
  if (detour == plan.provenance.parameters.end() || rules.road_evacuation_kmh <= 0) {
    out.push_back({"protection_claim", "provenance", "the plan's provenance lacks the protection parameters; protection cannot be recomputed"});
    return;
  }
  const auto [sites, lines] = measure_protection(scenario, rules, plan, detour->second);
  for (const auto& claimed : plan.protection_lines) {
    const auto it = std::find_if(lines.begin(), lines.end(), [&](const ProtectionLine& l) { return l.id == claimed.id; });
    if (it == lines.end()) continue;  // every recorded line is recomputed; rules come from the plan
    if (it->status != claimed.status || it->covered != claimed.covered || it->sites != claimed.sites ||
        it->gaps != claimed.gaps)
      out.push_back({"protection_claim", claimed.id,
                     fmt::format("claims {} ({} of {} sites covered from first arrival), recomputed {} ({} of {})", to_string(claimed.status),
                                 claimed.covered, claimed.sites, to_string(it->status), it->covered, it->sites)});
  }
  std::map<std::string, const SiteProtection*> recomputed;
  for (const auto& s : sites) recomputed[s.site_id] = &s;
  if (plan.protection.size() != sites.size())
    out.push_back({"protection_claim", "protection", fmt::format("records {} sites holding units in Ukraine, recomputed {}",
                                                                 plan.protection.size(), sites.size())});
  for (const auto& claimed : plan.protection) {
    const auto it = recomputed.find(claimed.site_id);
    if (it == recomputed.end()) {
      out.push_back({"protection_claim", claimed.site_id, "records protection of a site that holds no unit in Ukraine"});
      continue;
    }
    const auto& s = *it->second;
    if (s.first_arrival_day != claimed.first_arrival_day || s.air_defence_day != claimed.air_defence_day ||
        s.surgery_day != claimed.surgery_day || s.escort_day != claimed.escort_day ||
        std::abs(s.evacuation_hours - claimed.evacuation_hours) > 1e-6)
      out.push_back({"protection_claim", claimed.site_id,
                     fmt::format("records first arrival {}, air defence from day {}, surgery from day {} ({:.2f} h), escort from day {}; "
                                 "recomputed {}, {}, {} ({:.2f} h), {}",
                                 claimed.first_arrival_day, claimed.air_defence_day, claimed.surgery_day, claimed.evacuation_hours,
                                 claimed.escort_day, s.first_arrival_day, s.air_defence_day, s.surgery_day, s.evacuation_hours,
                                 s.escort_day)});
  }
}

}  // namespace guarantor::planner::detail
