// Stage 5: arrival. Units leave home on their ready day (phase gate + readiness) and reach their
// site by air (air units self-deploy), by sea (naval units sail to their port) or overland;
// overland into Ukraine means a border crossing with a daily throughput in personnel and, for
// rail across the 1435/1520 mm gauge break, a transshipment delay. Units are scheduled in order
// of ready day (ties: priority, unit id), each taking the crossing that gets it in place first.
// The bound is every unit's earliest arrival with unlimited throughput.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
int days(double value) { return static_cast<int>(std::ceil(value - 1e-9)); }

struct Crossing {
  const model::Site* site;
  double throughput = 0;         // personnel per day
  bool rail = false;
  std::map<int, double> used;    // day -> personnel already through
};

geo::LonLat home_of(const model::Scenario& scenario, const model::Pledge& pledge) {
  if (pledge.home) return *pledge.home;
  const auto* nation = scenario.coalition.find_nation(pledge.nation);
  return nation ? nation->home : geo::LonLat{};
}

// The day the last of `personnel` passes a crossing reached on `day`, consuming its throughput.
int pass(Crossing& crossing, int day, double personnel, bool commit) {
  double left = personnel;
  int d = day;
  std::map<int, double> taken;
  while (left > 0) {
    const double room = crossing.throughput - crossing.used[d] - taken[d];
    if (room > 0) {
      const double take = std::min(room, left);
      taken[d] += take;
      left -= take;
    }
    if (left > 0) ++d;
  }
  if (commit)
    for (const auto& [k, v] : taken) crossing.used[k] += v;
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

  std::vector<Crossing> crossings;
  for (const auto& site : scenario.theatre.sites) {
    if (site.kind != model::SiteKind::BorderCrossing || site.status != model::SiteStatus::Operating) continue;
    const auto it = mv.crossing_throughput.find(site.subkind);
    if (it == mv.crossing_throughput.end()) continue;
    crossings.push_back({&site, it->second, site.subkind != "road", {}});
  }
  std::map<std::string, int> priority_of;
  for (const auto& line : scenario.mandate.requirements) priority_of[line.id] = line.priority;
  std::vector<Assignment*> order;
  for (auto& a : plan.assignments) order.push_back(&a);
  std::stable_sort(order.begin(), order.end(), [&](const Assignment* a, const Assignment* b) {
    return std::make_tuple(a->ready_day, priority_of[a->line_id], a->unit_id) <
           std::make_tuple(b->ready_day, priority_of[b->line_id], b->unit_id);
  });

  double objective = 0, bound = 0;
  for (auto* a : order) {
    const auto* pledge = scenario.coalition.find_pledge(a->pledge_id);
    const auto* site = scenario.theatre.find_site(a->site_id);
    const auto* capability = scenario.catalogue.find(a->capability);
    const geo::LonLat home = home_of(scenario, *pledge);
    int earliest = -1;  // arrival with unlimited throughput; -1 = the arrival itself
    if (!site) {
      a->arrival_day = a->ready_day;
      a->entry_node = "";
      a->route = "serves from outside the theatre";
    } else if (capability->basing == model::Basing::Airfield) {
      a->arrival_day = a->ready_day + days(mv.air_deploy_days);
      a->entry_node = site->id;
      a->route = fmt::format("self-deploys by air to {}", site->name);
    } else if (capability->basing == model::Basing::Port) {
      const double km = distance_km(home, site->position) * mv.route_detour_factor;
      a->arrival_day = a->ready_day + days(km / mv.sea_km_per_day);
      a->entry_node = site->id;
      a->route = fmt::format("sails {:.0f} km to {}", km, site->name);
    } else if (in_government_held_host(scenario, site->position) && !crossings.empty()) {
      // Overland into Ukraine: try every crossing, keep the one that gets the unit in place first.
      int best_arrival = 0, min_free = std::numeric_limits<int>::max();
      Crossing* best = nullptr;
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
      pass(*best, at_crossing, a->personnel, true);
      a->arrival_day = best_arrival;
      a->entry_node = best->site->id;
      a->route = fmt::format("{} via {}{}", best->rail ? "rail" : "road", best->site->name,
                             best->rail && best->site->gauge_change ? " (gauge change 1435/1520 mm, transshipment)" : "");
      earliest = min_free;
    } else {
      const double km = distance_km(home, site->position) * mv.route_detour_factor;
      a->arrival_day = a->ready_day + days(km / mv.rail_km_per_day);
      a->entry_node = site->id;
      a->route = fmt::format("rail {:.0f} km to {}", km, site->name);
    }
    if (earliest < 0) earliest = a->arrival_day;
    objective += a->arrival_day;
    bound += std::min(earliest, a->arrival_day);
  }

  // Closure: force in place by day, one point per day something arrives.
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
