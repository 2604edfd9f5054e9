// The checker. It shares no code with the stages except the demand-set builder (what a target
// is measured against is input preparation, not optimisation): caveats are read from the pledge
// data here, capacities summed here, coverage recomputed here from the filled positions.
#include "guarantor/planner/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/core/date.hpp"
#include "guarantor/planner/demand.hpp"
#include "check_rules.hpp"
#include "guarantor/planner/protection.hpp"

namespace guarantor::planner {

namespace {
// Tolerance when comparing a claimed share with the recomputed one: the claim was written with
// full double precision; only rounding in printing may differ.
constexpr double SHARE_TOLERANCE = 1e-9;
// Entry-node amounts are sums of whole units, loads or personnel split over days: round-off only.
constexpr double THROUGHPUT_TOLERANCE = 1e-6;


std::optional<std::string> caveat_breach(const model::Scenario& scenario, const model::Pledge& pledge,
                                         const model::RequirementLine& line) {
  for (const auto& caveat : pledge.caveats) {
    switch (caveat.kind()) {
      case model::CaveatKind::Where:
        if (!caveat.allows(line.location))
          return fmt::format("pledge may serve only in {}, line {} is in {}", fmt::join(caveat.value_names(), ", "),
                             line.id, model::to_string(line.location));
        break;
      case model::CaveatKind::When:
        if (caveat.phase() > line.phase)
          return fmt::format("pledge usable only from phase {}, line {} opens in {}", model::to_string(caveat.phase()),
                             line.id, model::to_string(line.phase));
        break;
      case model::CaveatKind::Condition:
        if (!scenario.mandate.condition_met(caveat.key()))
          return fmt::format("pledge needs condition {}, which the mandate does not meet", caveat.key());
        break;
      case model::CaveatKind::ExcludedRole:
        if (caveat.excluded_role() == line.role)
          return fmt::format("pledge excludes the role {}", model::to_string(line.role));
        break;
    }
  }
  if (pledge.valid_until) {
    const auto opens = scenario.phase_start(line.phase);
    if (opens && *pledge.valid_until < *opens)
      return fmt::format("pledge valid until {}, before phase {} opens", pledge.valid_until->iso(),
                         model::to_string(line.phase));
  }
  return std::nullopt;
}

// The resource a unit takes of its site, re-derived from the recorded parameters. A unit that is
// not airfield-based takes no parking at an airfield (it sits at an airfield hub; its personnel
// is checked against the airfield's personnel room by check_hubs).
double resource_of(const Plan& plan, const model::Capability& capability, const model::Site& site) {
  const auto& params = plan.provenance.parameters;
  if (site.kind == model::SiteKind::Airfield && capability.basing != model::Basing::Airfield) return 0.0;
  if (site.kind == model::SiteKind::Airfield || site.kind == model::SiteKind::Port ||
      site.kind == model::SiteKind::RailJunction) {
    const auto key = fmt::format("site_resource.{}.{}", model::to_string(site.kind), capability.code);
    const auto it = params.find(key);
    return it == params.end() ? capability.personnel.value : it->second;
  }
  return capability.personnel.value;
}

// An entry node's daily throughput and what one unit takes of it, re-derived from the recorded
// parameters and the catalogue: crossings in personnel, airfields in C-17 loads (the capability's
// lift_c17_loads, rounded up), ports one unit-load per unit against berths x rate. nullopt when
// the plan's provenance does not record the rate (then the rule cannot be checked).
struct NodeRule {
  double capacity = 0;  // per day
  double need = 0;      // what the unit takes in all
};
std::optional<NodeRule> node_rule(const Plan& plan, const model::Site& node, const model::Capability& capability,
                                  int personnel) {
  const auto& params = plan.provenance.parameters;
  auto rate = [&params](const std::string& key) -> std::optional<double> {
    const auto it = params.find(key);
    return it == params.end() ? std::nullopt : std::optional<double>(it->second);
  };
  if (node.kind == model::SiteKind::BorderCrossing) {
    const auto r = rate("movement.crossing_throughput." + node.subkind);
    return r ? std::optional<NodeRule>({*r, static_cast<double>(personnel)}) : std::nullopt;
  }
  if (node.kind == model::SiteKind::Airfield) {
    const auto r = rate("movement.airfield_c17_loads_per_day");
    const double loads = capability.lift_c17_loads ? std::ceil(capability.lift_c17_loads->value - 1e-9) : 0.0;
    return r ? std::optional<NodeRule>({*r, loads}) : std::nullopt;
  }
  if (node.kind == model::SiteKind::Port) {
    const auto r = rate("movement.port_unit_loads_per_berth_per_day");
    return r ? std::optional<NodeRule>({*r * node.capacity, 1.0}) : std::nullopt;
  }
  return std::nullopt;
}
}  // namespace

std::vector<Violation> check_plan(const Plan& plan, const model::Scenario& input) {
  // The plan's forward operating sites, rebuilt from the rules it recorded (never read from it).
  const model::Scenario scenario = scenario_with_plan_sites(input, plan);
  std::vector<Violation> out;
  auto add = [&out](std::string rule, std::string subject, std::string message) {
    out.push_back({std::move(rule), std::move(subject), std::move(message)});
  };
  std::map<std::string, const model::RequirementLine*> line_by_id;
  for (const auto& line : scenario.mandate.requirements) line_by_id[line.id] = &line;
  std::map<std::string, const Position*> position_by_id;
  for (const auto& p : plan.positions) position_by_id[p.id] = &p;
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);

  std::set<std::string> units_seen, positions_seen;
  std::map<std::string, double> site_load;
  std::map<std::string, std::vector<const Position*>> filled;
  std::map<std::pair<std::string, int>, double> node_day_use;  // (entry node, day) -> amount through
  std::map<std::string, double> node_capacity;                 // entry node -> per day
  for (const auto& a : plan.assignments) {
    if (!units_seen.insert(a.unit_id).second) add("unit_twice", a.unit_id, "the unit is assigned more than once");
    if (!positions_seen.insert(a.position_id).second)
      add("position_twice", a.position_id, "the position is given to more than one unit");
    const auto* pledge = scenario.coalition.find_pledge(a.pledge_id);
    const auto slash = a.unit_id.rfind('/');
    const int index = slash == std::string::npos ? 0 : std::atoi(a.unit_id.c_str() + slash + 1);
    const auto line_it = line_by_id.find(a.line_id);
    const auto pos_it = position_by_id.find(a.position_id);
    if (!pledge || a.unit_id.substr(0, slash) != a.pledge_id || index < 1 || index > pledge->quantity ||
        line_it == line_by_id.end() || pos_it == position_by_id.end() || pos_it->second->line_id != a.line_id) {
      add("unknown_reference", a.unit_id, "the unit, its pledge, line or position does not exist in the scenario and plan");
      continue;
    }
    const auto& line = *line_it->second;
    const auto& position = *pos_it->second;
    const auto* capability = scenario.catalogue.find(pledge->capability);
    if (pledge->capability != line.capability || !capability) {
      add("capability", a.unit_id, fmt::format("a {} unit fills a {} line", pledge->capability, line.capability));
      continue;
    }
    if (const auto breach = caveat_breach(scenario, *pledge, line)) add("caveat", a.unit_id, *breach);
    if (pledge->readiness_days > line.required_by_day)
      add("readiness", a.unit_id, fmt::format("ready {} days after the phase gate; the line needs it by day {}",
                                              pledge->readiness_days, line.required_by_day));
    const auto* gate = scenario.mandate.find_phase(line.phase);
    const int ready = (gate ? gate->opens_day : 0) + pledge->readiness_days;
    if (a.arrival_day < ready)
      add("arrival", a.unit_id, fmt::format("arrives on day {}, before it is ready on day {}", a.arrival_day, ready));
    // Entry-node passage: what the unit took of its node each day must add up to what it needs,
    // never before it is ready nor after it arrives; the node totals are checked below.
    if (!a.entry_use.empty()) {
      const auto* node = scenario.theatre.find_site(a.entry_node);
      const auto rule = node ? node_rule(plan, *node, *capability, a.personnel) : std::nullopt;
      double took = 0;
      int last = ready;
      for (const auto& use : a.entry_use) {
        took += use.amount;
        last = std::max(last, use.day);
        if (use.day < ready || use.day > a.arrival_day || use.amount < 0)
          add("entry_throughput", a.unit_id, fmt::format("takes {} at {} on day {}, outside its ready day {} to arrival day {}",
                                                         use.amount, a.entry_node, use.day, ready, a.arrival_day));
        if (rule) node_day_use[{a.entry_node, use.day}] += use.amount;
      }
      if (rule) node_capacity[a.entry_node] = rule->capacity;
      if (!rule)
        add("entry_throughput", a.unit_id, fmt::format("entry node {} has no throughput recorded in the plan's parameters", a.entry_node));
      else if (std::abs(took - rule->need) > THROUGHPUT_TOLERANCE)
        add("entry_throughput", a.unit_id, fmt::format("passes {} of {} through {}; it needs {}", took,
                                                       node->kind == model::SiteKind::BorderCrossing ? "personnel" : "loads",
                                                       a.entry_node, rule->need));
      if (a.entry_day >= 0 && a.entry_day != last)
        add("entry_throughput", a.unit_id, fmt::format("records passing {} on day {}, its last use is on day {}", a.entry_node, a.entry_day, last));
    }
    filled[line.id].push_back(&position);
    if (position.site_id.empty()) {
      if (line.location != model::Location::OutsideTheatre)
        add("location", a.unit_id, fmt::format("line {} is in {} but the position has no site", line.id,
                                               model::to_string(line.location)));
      continue;
    }
    const auto* site = scenario.theatre.find_site(position.site_id);
    if (!site) {
      add("unknown_reference", position.site_id, "the position's site is not in the theatre");
      continue;
    }
    const auto* country = scenario.theatre.find_country(site->country);
    const bool in_host = country && country->role == model::CountryRole::Host;
    const bool in_nato = country && country->role == model::CountryRole::NeighbourNato;
    const bool location_ok = line.location == model::Location::Ukraine            ? in_host
                             : line.location == model::Location::NeighbouringNato ? in_nato
                             : line.location == model::Location::BlackSea ? site->kind == model::SiteKind::Port && (in_host || in_nato)
                                                                          : false;
    if (!location_ok)
      add("location", a.unit_id, fmt::format("site {} ({}) is not admissible for a line in {}", site->id, site->country,
                                             model::to_string(line.location)));
    if (site->status != model::SiteStatus::Operating)
      add("site", site->id, fmt::format("status {}: only operating sites may host units", model::to_string(site->status)));
    if (!scenario.mandate.admits_site(site->id))
      add("site", site->id, fmt::format("negotiation status {}: the posture does not admit it",
                                        model::to_string(scenario.mandate.site_status(site->id))));
    if (occupied && !is_forward_site(*site)) {  // forward sites: check_protection's forward_site rule
      const double km = occupied->area.contains(site->position) ? 0.0 : occupied->area.distance_to_boundary(site->position).km();
      if (km + 1e-9 < plan.provenance.standoff_km)
        add("site", site->id, fmt::format("{:.1f} km from the occupied area; standoff {:.0f} km", km, plan.provenance.standoff_km));
    }
    site_load[site->id] += resource_of(plan, *capability, *site);
  }
  for (const auto& [site_id, load] : site_load) {
    const auto* site = scenario.theatre.find_site(site_id);
    if (load > site->capacity + 1e-9)
      add("capacity", site_id, fmt::format("units take {} {} of a capacity of {}", load, site->capacity_unit, site->capacity));
  }

  detail::check_hubs(plan, scenario, out);

  for (const auto& [node_day, used] : node_day_use) {
    const auto it = node_capacity.find(node_day.first);
    if (it != node_capacity.end() && used > it->second + THROUGHPUT_TOLERANCE)
      add("entry_throughput", node_day.first, fmt::format("{} pass on day {}; the node takes {} a day", used, node_day.second, it->second));
  }

  // Coverage claims, recomputed with the catalogue's reach (not the plan's copy of it).
  PlannerParameters params;
  const auto& flat = plan.provenance.parameters;
  auto value = [&flat](const char* key) { const auto it = flat.find(key); return it == flat.end() ? 0.0 : it->second; };
  params.min_place_population = value("demand.min_place_population");
  params.non_mw_energy_site_mw = value("demand.non_mw_energy_site_mw");
  params.contact_line_sample_km = value("demand.contact_line_sample_km");
  params.contact_line_border_clearance_km = value("demand.contact_line_border_clearance_km");
  params.sea_lane_sample_km = value("demand.sea_lane_sample_km");
  if (const auto it = plan.provenance.polylines.find("dnipro_line"); it != plan.provenance.polylines.end()) params.dnipro_line = it->second;
  if (const auto it = plan.provenance.polylines.find("sea_lane"); it != plan.provenance.polylines.end()) params.sea_lane = it->second;
  std::map<std::string, double> covered_share;  // line id -> share recomputed here
  for (const auto& claim : plan.lines) {
    const auto it = line_by_id.find(claim.line_id);
    if (it == line_by_id.end()) {
      add("unknown_reference", claim.line_id, "the plan reports a line the mandate does not have");
      continue;
    }
    const auto& line = *it->second;
    if (!line.coverage) continue;
    if (params.dnipro_line.size() < 2 || params.sea_lane.size() < 2 || params.contact_line_sample_km <= 0 ||
        params.sea_lane_sample_km <= 0) {
      add("coverage_claim", line.id, "the plan's provenance lacks the demand parameters; coverage cannot be recomputed");
      continue;
    }
    const auto* capability = scenario.catalogue.find(line.capability);
    const double reach = capability ? capability->reach_km() : 0.0;
    const DemandSet demand = build_demand(scenario, params, *line.coverage, line.location, plan);
    double covered = 0;
    for (const auto& point : demand.points) {
      const auto& mine = filled[line.id];
      if (std::any_of(mine.begin(), mine.end(), [&](const Position* p) {
            const auto* site = scenario.theatre.find_site(p->site_id);
            return site && distance_km(point.position, site->position) <= reach;
          }))
        covered += point.weight;
    }
    const double total = demand.total_weight();
    const double share = total > 0 ? covered / total : 0.0;
    covered_share[line.id] = share;
    if (std::abs(share - claim.covered_fraction) > SHARE_TOLERANCE)
      add("coverage_claim", line.id, fmt::format("claims {:.4f} of {}, recomputed {:.4f}", claim.covered_fraction,
                                                 line.coverage->demand, share));
  }
  detail::check_host_support(plan, scenario, out);
  detail::check_line_status(plan, scenario, covered_share, out);
  detail::check_rotation(plan, scenario, out);
  detail::check_rail(plan, scenario, out);
  detail::check_reasons(plan, scenario, out);
  detail::check_line_reasons(plan, scenario, covered_share, out);
  detail::check_threat(plan, scenario, out);
  detail::check_protection(plan, scenario, out);
  detail::check_montreux(plan, scenario, out);
  detail::check_host_consent(plan, scenario, out);
  return out;
}

}  // namespace guarantor::planner
