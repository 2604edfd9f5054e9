// Stage 5: arrival. Units leave home on their ready day (phase gate + readiness) and reach their
// site by air (air units self-deploy), by sea (naval units sail to their port) or overland;
// overland into Ukraine means a border crossing with a daily throughput in personnel. By rail,
// the 1435 mm train must first change gauge: network -> transshipment point (a terminal such as
// Sławków, Hrubieszów or Haniska at the head of a broad-gauge line, or the border yard itself)
// -> crossing -> site. A point moves so many personnel a day (a queue, like the crossings), plus
// what railhead units placed there add from the day they arrive. Every entry node queues:
// a crossing in personnel a day, an airfield in C-17 loads a day (a unit needs its capability's
// `lift_c17_loads`, rounded up: part of a load still takes a sortie), a port in unit-loads a day
// per berth (a unit is one unit-load). Units are queued in order of phase gate, line priority,
// ready day and unit id, so the schedule does not depend on the order of the assignments.
// arrival = first day with room at the node (not before the unit reaches it) + onward movement.
// The bound is every unit's earliest arrival with unlimited throughput.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/protection.hpp"
#include "guarantor/planner/schedule.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
int days(double value) { return static_cast<int>(std::ceil(value - 1e-9)); }

// An entry node with a daily throughput; capacity <= 0 means no limit (nothing is queued).
struct EntryNode {
  const model::Site* site = nullptr;
  double capacity = 0;           // per day, in the node's unit (personnel, C-17 loads, unit-loads)
  bool rail = false;             // crossings only
  std::map<int, double> used;    // day -> amount already through
  std::map<int, double> added;   // day -> throughput added from that day on (railhead units)

  double capacity_on(int day) const {
    double total = capacity;
    for (const auto& [from, extra] : added) {
      if (from > day) break;
      total += extra;
    }
    return total;
  }
};

geo::LonLat home_of(const model::Scenario& scenario, const model::Pledge& pledge) {
  if (pledge.home) return *pledge.home;
  const auto* nation = scenario.coalition.find_nation(pledge.nation);
  return nation ? nation->home : geo::LonLat{};
}

// Passes `amount` through `node` from `day` on, each day taking what room is left. Returns the
// day the last of it passes and, in `uses`, what it took each day; with `commit` the node keeps it.
int pass(EntryNode& node, int day, double amount, bool commit, std::vector<EntryUse>* uses = nullptr) {
  if (node.capacity <= 0 || amount <= 0) return day;
  double left = amount;
  int d = day;
  std::map<int, double> taken;
  while (left > 1e-9) {
    const auto it = node.used.find(d);
    const double room = node.capacity_on(d) - (it == node.used.end() ? 0.0 : it->second);
    if (room > 1e-9) {
      const double take = std::min(room, left);
      taken[d] += take;
      left -= take;
    }
    if (left > 1e-9) ++d;
  }
  if (commit)
    for (const auto& [k, v] : taken) node.used[k] += v;
  if (uses)
    for (const auto& [k, v] : taken) uses->push_back({k, v});
  return d;
}
// One way into Ukraine for a unit: a crossing and, by rail, the point where it changes gauge.
struct EntryOption {
  EntryNode* crossing = nullptr;
  EntryNode* point = nullptr;   // nullptr: by road, no gauge change
  int at_point = 0;             // day it reaches the point
  int point_to_crossing_days = 0;
  int at_crossing_free = 0;     // by road: day it reaches the crossing
  int onward_days = 0;          // crossing -> site
  int arrival = 0;              // with the queues as they stand
  int free = 0;                 // with unlimited throughput (the bound)
};

// Every way in, with its arrival under the current queues (nothing is committed). A rail
// crossing without a transshipment point on record takes no rail move: its gauge change is unknown.
std::vector<EntryOption> entry_options(std::vector<EntryNode>& crossings, std::map<std::string, EntryNode>& points,
                                       const MovementParameters& mv, geo::LonLat home, geo::LonLat site, int ready,
                                       int personnel) {
  std::vector<EntryOption> options;
  const int transship = days(mv.gauge_transshipment_days);
  for (auto& crossing : crossings) {
    const double from_km = distance_km(crossing.site->position, site) * mv.route_detour_factor;
    if (!crossing.rail) {
      EntryOption road;
      road.crossing = &crossing;
      road.at_crossing_free = ready + days(distance_km(home, crossing.site->position) * mv.route_detour_factor / mv.road_km_per_day);
      road.onward_days = days(from_km / mv.road_km_per_day);
      road.arrival = pass(crossing, road.at_crossing_free, personnel, false) + road.onward_days;
      road.free = road.at_crossing_free + road.onward_days;
      options.push_back(road);
      continue;
    }
    const auto route = mv.transshipment_routes.find(crossing.site->id);
    if (route == mv.transshipment_routes.end()) continue;
    for (const auto& point_id : route->second) {
      const auto it = points.find(point_id);
      if (it == points.end()) continue;
      EntryOption rail;
      rail.crossing = &crossing;
      rail.point = &it->second;
      const auto& at = it->second.site->position;
      rail.at_point = ready + days(distance_km(home, at) * mv.route_detour_factor / mv.rail_km_per_day);
      rail.point_to_crossing_days =
          days(distance_km(at, crossing.site->position) * mv.route_detour_factor / mv.rail_km_per_day);
      rail.onward_days = days(from_km / mv.rail_km_per_day);
      const int at_crossing = pass(it->second, rail.at_point, personnel, false) + transship + rail.point_to_crossing_days;
      rail.arrival = pass(crossing, at_crossing, personnel, false) + rail.onward_days;
      rail.free = rail.at_point + transship + rail.point_to_crossing_days + rail.onward_days;
      options.push_back(rail);
    }
  }
  return options;
}
}  // namespace

StageReport run_schedule(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const auto& scenario = context.scenario;
  const auto& mv = context.params.movement;
  StageReport report;
  report.stage = "schedule";
  report.sense = "min";
  report.unit = "sum of arrival days";
  report.method = "list scheduling through entry nodes with daily throughput; bound: unlimited throughput";

  std::vector<EntryNode> crossings;
  std::map<std::string, EntryNode> ports_and_airfields;  // by site id, created on first use
  for (const auto& site : scenario.theatre.sites) {
    if (site.kind == model::SiteKind::Airfield)
      ports_and_airfields[site.id] = {&site, mv.airfield_c17_loads_per_day, false, {}, {}};
    else if (site.kind == model::SiteKind::Port)
      ports_and_airfields[site.id] = {&site, site.capacity * mv.port_unit_loads_per_berth_per_day, false, {}, {}};
    if (site.kind != model::SiteKind::BorderCrossing || site.status != model::SiteStatus::Operating) continue;
    if (context.params.consent.transit_refused(site.id)) continue;  // the neighbour refuses transit
    const auto it = mv.crossing_throughput.find(site.subkind);
    if (it == mv.crossing_throughput.end()) continue;
    crossings.push_back({&site, it->second, site.subkind != "road", {}, {}});
  }
  // Transshipment points, and the railhead units that add to them from their arrival on. Those
  // units serve on NATO territory, so they arrive by the overland rule below, free of queues.
  std::map<std::string, EntryNode> points;
  for (const auto& [point, capacity] : mv.transshipment_capacity)
    if (const auto* site = scenario.theatre.find_site(point)) points[point] = {site, capacity, true, {}, {}};
  auto overland_arrival = [&](const Assignment& a, const model::Site& site) {
    const double km = distance_km(home_of(scenario, *scenario.coalition.find_pledge(a.pledge_id)), site.position) *
                      mv.route_detour_factor;
    return std::pair{a.ready_day + days(km / mv.rail_km_per_day), km};
  };
  for (const auto& a : plan.assignments) {
    const auto rate = mv.transshipment_added.find(a.capability);
    const auto point = points.find(a.site_id);
    if (rate == mv.transshipment_added.end() || point == points.end()) continue;
    point->second.added[overland_arrival(a, *point->second.site).first] += rate->second;
  }
  std::map<std::string, int> priority_of;
  for (const auto& line : scenario.mandate.requirements) priority_of[line.id] = line.priority;
  std::vector<Assignment*> order;
  for (auto& a : plan.assignments) order.push_back(&a);
  // The queue order; unit ids are unique, so this is a total order and the input order is moot.
  std::sort(order.begin(), order.end(), [&](const Assignment* a, const Assignment* b) {
    return std::make_tuple(a->phase_gate_day, priority_of[a->line_id], a->ready_day, a->unit_id) <
           std::make_tuple(b->phase_gate_day, priority_of[b->line_id], b->ready_day, b->unit_id);
  });

  double objective = 0, bound = 0;
  for (auto* a : order) {
    const auto* pledge = scenario.coalition.find_pledge(a->pledge_id);
    const auto* site = scenario.theatre.find_site(a->site_id);
    const auto* capability = scenario.catalogue.find(a->capability);
    const geo::LonLat home = home_of(scenario, *pledge);
    int earliest = -1;  // arrival with unlimited throughput; -1 = the arrival itself
    a->entry_use.clear();
    a->entry_day = -1;
    a->transshipment.clear();
    a->transshipment_day = -1;
    a->transshipment_use.clear();
    if (!site) {
      a->arrival_day = a->ready_day;
      a->entry_node = "";
      a->route = "serves from outside the theatre";
    } else if (capability->basing == model::Basing::Airfield || capability->basing == model::Basing::Port) {
      // Flown or shipped in: the site is the entry node; its queue is the last step.
      const bool air = capability->basing == model::Basing::Airfield;
      // Ships follow the sea route and any Straits notice (montreux_allocation.cpp).
      const SeaPassage sea = air ? SeaPassage{} : sea_passage(context, *pledge, home, *site);
      const int at_node = a->ready_day + (air ? days(mv.air_deploy_days) : sea.days);
      const double amount = air ? std::ceil((capability->lift_c17_loads ? capability->lift_c17_loads->value : 0.0) - 1e-9) : 1.0;
      auto node = ports_and_airfields.find(site->id);
      a->entry_day = node == ports_and_airfields.end() ? at_node : pass(node->second, at_node, amount, true, &a->entry_use);
      a->arrival_day = a->entry_day;
      a->entry_node = site->id;
      a->route = air ? fmt::format("self-deploys by air to {} ({:.0f} C-17 loads of ground echelon)", site->name, amount)
                     : sea.text;
      earliest = at_node;
    } else if (in_government_held_host(scenario, site->position) && !crossings.empty()) {
      // Overland into Ukraine: try every crossing (by rail, every gauge-change point on its
      // route), keep the one that gets the unit in place first.
      const auto options = entry_options(crossings, points, mv, home, site->position, a->ready_day, a->personnel);
      const EntryOption* best = nullptr;
      for (const auto& option : options)
        if (!best || option.arrival < best->arrival) best = &option;
      if (best) {
        int at_crossing = best->at_crossing_free;
        if (best->point) {
          a->transshipment = best->point->site->id;
          a->transshipment_day = pass(*best->point, best->at_point, a->personnel, true, &a->transshipment_use);
          at_crossing = a->transshipment_day + days(mv.gauge_transshipment_days) + best->point_to_crossing_days;
        }
        a->entry_day = pass(*best->crossing, at_crossing, a->personnel, true, &a->entry_use);
        a->arrival_day = a->entry_day + best->onward_days;
        a->entry_node = best->crossing->site->id;
        a->route = best->point ? fmt::format("rail; gauge change 1435/1520 mm at {} (transshipment); via {}",
                                             best->point->site->name, best->crossing->site->name)
                               : fmt::format("road via {}", best->crossing->site->name);
        earliest = std::min_element(options.begin(), options.end(), [](const EntryOption& x, const EntryOption& y) {
                     return x.free < y.free;
                   })->free;
      } else {
        a->arrival_day = a->ready_day;
        a->route = "no crossing into Ukraine takes it (no road crossing, no rail crossing with a transshipment point)";
      }
    } else {
      const auto [arrival, km] = overland_arrival(*a, *site);
      a->arrival_day = arrival;
      a->entry_node = site->id;
      a->entry_day = a->arrival_day;
      a->route = fmt::format("rail {:.0f} km to {}", km, site->name);
    }
    if (earliest < 0) earliest = a->arrival_day;
    objective += a->arrival_day;
    bound += std::min(earliest, a->arrival_day);
  }

  // Closure: force in place by day, one point per day something arrives.
  plan.closure.clear();
  std::map<int, std::pair<int, int>> arriving;
  for (const auto& a : plan.assignments) {
    arriving[a.arrival_day].first += 1;
    arriving[a.arrival_day].second += a.personnel;
  }
  int units = 0, personnel = 0;
  for (const auto& [day, count] : arriving) {
    units += count.first;
    personnel += count.second;
    plan.closure.push_back({day, units, personnel});
  }
  for (auto& line : plan.lines)
    line.late = static_cast<int>(std::count_if(plan.assignments.begin(), plan.assignments.end(), [&line](const Assignment& a) {
      return a.line_id == line.line_id && a.arrival_day > a.required_by_day;
    }));

  report.stats.objective = objective;
  report.stats.bound = bound;
  report.stats.relative_gap = plan::relative_gap(objective, bound);
  report.stats.status = objective <= bound ? plan::SolveStatus::Optimal : plan::SolveStatus::Feasible;
  report.stats.proved_by = objective <= bound ? plan::ProofMethod::Trivial : plan::ProofMethod::None;
  report.stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.note = fmt::format("{} units scheduled; last in place on day {}", plan.assignments.size(),
                            plan.closure.empty() ? 0 : plan.closure.back().day);
  return report;
}

}  // namespace guarantor::planner::detail

namespace guarantor::planner {

StageReport schedule_arrivals(const model::Scenario& scenario, const PlannerParameters& params, Plan& plan) {
  // The plan's forward sites are part of the theatre it was planned in.
  const model::Scenario planned = scenario_with_plan_sites(scenario, plan);
  const detail::StageContext context{planned, params, {}, plan.provenance.rotation_factor};
  return detail::run_schedule(context, plan);
}

}  // namespace guarantor::planner
