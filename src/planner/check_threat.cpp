// Checker: threat axes, line basing filters and host consent, recomputed from the axes and
// refusals the plan recorded and the countries' outlines in the scenario; nothing is taken from
// the plan's own distances.
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/threat.hpp"

namespace guarantor::planner::detail {

void check_threat(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  const ThreatMap threats(scenario, plan.provenance.threat_axes, plan.provenance.standoff_km);
  std::set<std::pair<std::string, std::string>> reported;  // (site, axis) once each
  auto check_site = [&](const std::string& site_id, const std::string& who) {
    const auto* site = scenario.theatre.find_site(site_id);
    if (site == nullptr) return;  // unknown sites are the core checker's unknown_reference
    // The occupied area's band is the core rule "site" (standoff); every other axis is here.
    if (const auto breach = threats.breach_except_contact(site->position); breach && reported.insert({site_id, breach->axis}).second)
      out.push_back({"threat_band", site_id,
                     fmt::format("{} sits {:.1f} km from threat axis {}; its band is {:.0f} km", who, breach->km, breach->axis,
                                 breach->band_km)});
  };
  std::map<std::string, const Position*> positions;
  for (const auto& p : plan.positions) positions[p.id] = &p;
  const auto dnipro = plan.provenance.polylines.find("dnipro_line");
  for (const auto& a : plan.assignments) {
    const auto it = positions.find(a.position_id);
    if (it == positions.end() || it->second->site_id.empty()) continue;
    check_site(it->second->site_id, a.unit_id);
    const auto* site = scenario.theatre.find_site(it->second->site_id);
    for (const auto& filter : plan.provenance.line_basing) {
      if (filter.line_id != a.line_id || site == nullptr) continue;
      const bool needs_dnipro = filter.filter == "west_of_dnipro";
      if (needs_dnipro && (dnipro == plan.provenance.polylines.end() || dnipro->second.size() < 2)) {
        out.push_back({"line_basing", a.unit_id, "the plan's provenance lacks the Dnipro polyline; the basing filter cannot be checked"});
      } else if (!site_passes_basing(filter, site->id, site->position,
                                     needs_dnipro ? dnipro->second : std::vector<geo::LonLat>{})) {
        out.push_back({"line_basing", a.unit_id,
                       fmt::format("based at {}, which fails line {}'s basing filter {} ({})", site->id, a.line_id,
                                   filter.filter, filter.source)});
      }
    }
  }
  for (const auto& hub : plan.hubs) check_site(hub.site_id, "hub " + hub.site_id);
}

}  // namespace guarantor::planner::detail

namespace guarantor::planner::detail {

void check_host_consent(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  const auto consent = host_consent_of(plan);
  for (const auto& a : plan.assignments) {
    if (const auto* site = scenario.theatre.find_site(a.site_id); site && consent.basing_refused(site->country))
      out.push_back({"host_consent", a.unit_id, fmt::format("based at {} in {}, which refuses basing for the mission", site->id, site->country)});
    if (!a.entry_node.empty() && consent.transit_refused(a.entry_node))
      out.push_back({"host_consent", a.unit_id, fmt::format("enters Ukraine through {}, closed to the mission by its neighbour's refusal of transit",
                                                            a.entry_node)});
  }
}

}  // namespace guarantor::planner::detail
