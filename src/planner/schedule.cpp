// Stage 5: arrival. Units leave home on their ready day (phase gate + readiness) and reach their
// site by air (air units self-deploy), by sea (naval units sail to their port) or overland;
// overland into Ukraine means a border crossing with a daily throughput in personnel and, for
// rail across the 1435/1520 mm gauge break, a transshipment delay. Every entry node queues:
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
    const double room = node.capacity - (it == node.used.end() ? 0.0 : it->second);
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
      ports_and_airfields[site.id] = {&site, mv.airfield_c17_loads_per_day, false, {}};
    else if (site.kind == model::SiteKind::Port)
      ports_and_airfields[site.id] = {&site, site.capacity * mv.port_unit_loads_per_berth_per_day, false, {}};
    if (site.kind != model::SiteKind::BorderCrossing || site.status != model::SiteStatus::Operating) continue;
    const auto it = mv.crossing_throughput.find(site.subkind);
    if (it == mv.crossing_throughput.end()) continue;
    crossings.push_back({&site, it->second, site.subkind != "road", {}});
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
    if (!site) {
      a->arrival_day = a->ready_day;
      a->entry_node = "";
      a->route = "serves from outside the theatre";
    } else if (capability->basing == model::Basing::Airfield || capability->basing == model::Basing::Port) {
      // Flown or shipped in: the site is the entry node; its queue is the last step.
      const bool air = capability->basing == model::Basing::Airfield;
      const double km = air ? 0.0 : distance_km(home, site->position) * mv.route_detour_factor;
      const int at_node = a->ready_day + (air ? days(mv.air_deploy_days) : days(km / mv.sea_km_per_day));
      const double amount = air ? std::ceil((capability->lift_c17_loads ? capability->lift_c17_loads->value : 0.0) - 1e-9) : 1.0;
      auto node = ports_and_airfields.find(site->id);
      a->entry_day = node == ports_and_airfields.end() ? at_node : pass(node->second, at_node, amount, true, &a->entry_use);
      a->arrival_day = a->entry_day;
      a->entry_node = site->id;
      a->route = air ? fmt::format("self-deploys by air to {} ({:.0f} C-17 loads of ground echelon)", site->name, amount)
                     : fmt::format("sails {:.0f} km to {}", km, site->name);
      earliest = at_node;
    } else if (in_government_held_host(scenario, site->position) && !crossings.empty()) {
      // Overland into Ukraine: try every crossing, keep the one that gets the unit in place first.
      int best_arrival = 0, min_free = std::numeric_limits<int>::max();
      EntryNode* best = nullptr;
      for (auto& crossing : crossings) {
        const double to_km = distance_km(home, crossing.site->position) * mv.route_detour_factor;
        const double from_km = distance_km(crossing.site->position, site->position) * mv.route_detour_factor;
        const double speed = crossing.rail ? mv.rail_km_per_day : mv.road_km_per_day;
        const int at_crossing = a->ready_day + days(to_km / speed);
        const int transship = crossing.rail && crossing.site->gauge_change ? days(mv.gauge_transshipment_days) : 0;
        const int onward = days(from_km / speed);
        const int free = at_crossing + transship + onward;
        const int queued = pass(crossing, at_crossing, a->personnel, false) + transship + onward;
        if (!best || queued < best_arrival) best_arrival = queued, best = &crossing;
        min_free = std::min(min_free, free);
      }
      const double to_km = distance_km(home, best->site->position) * mv.route_detour_factor;
      const int at_crossing = a->ready_day + days(to_km / (best->rail ? mv.rail_km_per_day : mv.road_km_per_day));
      a->entry_day = pass(*best, at_crossing, a->personnel, true, &a->entry_use);
      a->arrival_day = best_arrival;
      a->entry_node = best->site->id;
      a->route = fmt::format("{} via {}{}", best->rail ? "rail" : "road", best->site->name,
                             best->rail && best->site->gauge_change ? " (gauge change 1435/1520 mm, transshipment)" : "");
      earliest = min_free;
    } else {
      const double km = distance_km(home, site->position) * mv.route_detour_factor;
      a->arrival_day = a->ready_day + days(km / mv.rail_km_per_day);
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
  const detail::StageContext context{scenario, params, {}, plan.provenance.rotation_factor};
  return detail::run_schedule(context, plan);
}

}  // namespace guarantor::planner
