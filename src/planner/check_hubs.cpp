// Checker: hubs and personnel room. Each hub's demand share is recomputed into personnel and
// held against its site's personnel capacity (a candidate hub's, an airfield's from the hub
// siting the plan recorded); the units actually based at a hub or an airfield must fit its
// personnel capacity; and a hub must keep the recorded hub siting's distance from every threat
// axis, with its entry node and distance recomputed from the scenario's crossings.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/hub_siting.hpp"
#include "guarantor/planner/threat.hpp"

namespace guarantor::planner::detail {

namespace {
// Hub demand is a share (from an LP under the capacitated model) times personnel: allow LP
// round-off, far below one person.
constexpr double HUB_PERSONNEL_TOLERANCE = 1e-3;
// Recorded distances are written with full double precision; only printing may round them.
constexpr double KM_TOLERANCE = 1e-6;

// A site's personnel capacity as the plan's rules give it: a personnel site's own capacity, an
// airfield's from the recorded hub siting; nullopt when the plan records no rule for it.
std::optional<double> personnel_capacity(const model::Site& site, const std::optional<HubSitingRules>& siting) {
  if (site.capacity_unit == "personnel") return site.capacity;
  if (site.kind == model::SiteKind::Airfield && siting) return siting->airfield_personnel_capacity(site);
  return std::nullopt;
}

// Whether hub_count hub-eligible sites (the posture's kinds, in the host country, operating,
// outside the occupied area by the standoff and the hub siting's distance from every axis) can
// hold `demand` personnel between them: demand may be split, so the largest capacities decide.
bool hub_capacity_reachable(const Plan& plan, const model::Scenario& scenario, const std::optional<HubSitingRules>& siting,
                            double demand) {
  const auto& posture = scenario.mandate.posture;
  const ThreatMap threats(scenario, plan.provenance.threat_axes, plan.provenance.standoff_km);
  std::vector<double> capacities;
  for (const auto& site : scenario.theatre.sites) {
    const auto kind = model::to_string(site.kind);
    if (std::find(posture.candidate_site_kinds.begin(), posture.candidate_site_kinds.end(), kind) ==
        posture.candidate_site_kinds.end())
      continue;
    const auto* country = scenario.theatre.find_country(site.country);
    if (!country || country->role != model::CountryRole::Host || site.status != model::SiteStatus::Operating) continue;
    if (!scenario.mandate.admits_site(site.id)) continue;
    if (threats.breach(site.position)) continue;
    const auto nearest = threats.nearest(site.position);
    if (siting && nearest && nearest->km + 1e-9 < siting->min_threat_km) continue;
    // Without recorded hub siting (older plans) an airfield was not limited in personnel.
    capacities.push_back(personnel_capacity(site, siting).value_or(demand));
  }
  std::sort(capacities.rbegin(), capacities.rend());
  double total = 0;
  for (std::size_t i = 0; i < capacities.size() && static_cast<int>(i) < posture.hub_count; ++i) total += capacities[i];
  return total + HUB_PERSONNEL_TOLERANCE >= demand;
}
}  // namespace

void check_hubs(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  auto add = [&out](std::string rule, std::string subject, std::string message) {
    out.push_back({std::move(rule), std::move(subject), std::move(message)});
  };
  const auto siting = hub_siting_of(plan.provenance.parameters);
  // Hub capacity use of the hub stage, recomputed: the hub personnel spread by each hub's demand
  // share must match the recorded demand and fit the site's personnel capacity, unless no
  // hub_count admissible sites hold it (recomputed here; then placement alone enforces capacity).
  const double hub_demand = hub_personnel_demand(scenario);
  const bool capacity_unreachable = !hub_capacity_reachable(plan, scenario, siting, hub_demand);
  // Personnel actually based at each site, from the assignments.
  std::map<std::string, double> based;
  for (const auto& a : plan.assignments)
    if (!a.site_id.empty()) based[a.site_id] += a.personnel;
  const ThreatMap threats(scenario, plan.provenance.threat_axes, plan.provenance.standoff_km);
  const auto consent = host_consent_of(plan);
  std::vector<std::string> entry_kinds;
  for (const auto& [key, value] : plan.provenance.parameters)
    if (key.starts_with("movement.crossing_throughput.")) entry_kinds.push_back(key.substr(29));
  for (const auto& hub : plan.hubs) {
    const double demand = hub.demand_share * hub_demand;
    if (std::abs(demand - hub.demand_personnel) > HUB_PERSONNEL_TOLERANCE)
      add("hub_capacity", hub.site_id, fmt::format("records {:.3f} personnel of hub demand, recomputed {:.3f}", hub.demand_personnel, demand));
    const auto* site = scenario.theatre.find_site(hub.site_id);
    if (site == nullptr) {
      add("unknown_reference", hub.site_id, "the hub's site is not in the theatre");
      continue;
    }
    if (!scenario.mandate.admits_site(site->id))
      add("hub_siting", hub.site_id, fmt::format("negotiation status {}: the posture does not admit the site",
                                                 model::to_string(scenario.mandate.site_status(site->id))));
    const auto capacity = personnel_capacity(*site, siting);
    if (capacity && !capacity_unreachable && demand > *capacity + HUB_PERSONNEL_TOLERANCE)
      add("hub_capacity", hub.site_id, fmt::format("hub demand {:.1f} personnel exceeds the site's capacity of {:.0f}", demand, *capacity));
    const auto load = based.find(hub.site_id);
    if (capacity && load != based.end() && load->second > *capacity + HUB_PERSONNEL_TOLERANCE)
      add("hub_capacity", hub.site_id, fmt::format("units based at the hub hold {:.0f} personnel; it holds {:.0f}", load->second, *capacity));
    if (!siting) continue;  // a plan made before hub siting: no threat distance or access recorded
    if (const auto nearest = threats.nearest(site->position); nearest && nearest->km + 1e-9 < siting->min_threat_km)
      add("hub_siting", hub.site_id, fmt::format("hub {:.1f} km from threat axis {}; a hub keeps {:.0f} km", nearest->km, nearest->axis,
                                                 siting->min_threat_km));
    if (hub.access_km >= 0) {
      const auto access = nearest_entry_node(scenario, consent, entry_kinds, site->position);
      if (!access || access->node != hub.access_node || std::abs(access->km - hub.access_km) > KM_TOLERANCE)
        add("hub_siting", hub.site_id, fmt::format("records entry node {} at {:.1f} km; recomputed {} at {:.1f} km", hub.access_node,
                                                   hub.access_km, access ? access->node : "none", access ? access->km : -1.0));
    }
  }
  if (!siting) return;
  for (std::size_t i = 0; i < plan.hubs.size(); ++i)
    for (std::size_t j = i + 1; j < plan.hubs.size(); ++j) {
      const auto* a = scenario.theatre.find_site(plan.hubs[i].site_id);
      const auto* b = scenario.theatre.find_site(plan.hubs[j].site_id);
      if (!a || !b) continue;
      const double km = distance_km(a->position, b->position);
      if (km + 1e-9 < siting->min_separation_km)
        add("hub_siting", b->id, fmt::format("hub {:.1f} km from hub {}; hubs keep {:.0f} km apart", km, a->id, siting->min_separation_km));
    }
  // Every airfield's personnel room (hub or not): air units and units at an airfield hub.
  for (const auto& [site_id, personnel] : based) {
    const auto* site = scenario.theatre.find_site(site_id);
    if (site == nullptr || site->kind != model::SiteKind::Airfield) continue;
    const double capacity = siting->airfield_personnel_capacity(*site);
    if (personnel > capacity + HUB_PERSONNEL_TOLERANCE)
      add("airfield_personnel", site_id, fmt::format("units based there hold {:.0f} personnel; the airfield holds {:.0f} ({} airfield, "
                                                     "hub_siting airfield_personnel)", personnel, capacity, site->subkind));
  }
}

}  // namespace guarantor::planner::detail
