// Stage 2: hubs, chosen for protection and access (hub_siting.json). Hub-eligible sites keep
// min_threat_km from every threat axis (candidates stage). Over them, a p-median opens the
// posture's hub_count hubs so that, per unit of demand, support_weight x km from government-held
// Ukraine's population and energy sites to the hub, plus the hub's own cost (protection_weight x
// its exposure inside protection_depth_km of the nearest threat axis + access_weight x its km to
// the nearest entry node) is least. Population and energy are each normalised to a share of
// their class total, then mixed by the parameters' class weights, so persons and MW never add;
// the support weight keeps the demand from pulling hubs toward the line.
// Then capacity: the hub personnel (hub_personnel_demand) is spread over the demand shares; when
// a p-median hub would hold more than its site's personnel capacity (a candidate hub's, or an
// airfield's from hub_siting.json), the stage solves the capacitated facility location with
// exactly hub_count hubs (multiple sourcing, no fixed cost, the same costs) and keeps that answer.
// With the posture's hub_sourcing "single" it solves the single-source model instead (each
// demand point whole at one hub, its area of responsibility), and splits demand only when no
// hub_count sites hold the points unsplit.
#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/p_median.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/hub_siting.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
// A hub's load may exceed its capacity by this much (personnel) before capacity counts as
// binding: round-off of shares times personnel, not a real overload.
constexpr double LOAD_TOLERANCE_PERSONNEL = 1e-6;
}  // namespace

StageReport run_hubs(const StageContext& context, Plan& plan) {
  StageReport report;
  report.stage = "hubs";
  report.sense = "min";
  report.unit = "demand-weighted km (support + protection + access)";
  report.method = "p-median (greedy + interchange, Lagrangian bound, CBC on the reduced MILP)";

  std::vector<const CandidateSite*> sites;
  for (const auto& candidate : plan.candidates)
    if (candidate.hub_eligible) sites.push_back(&candidate);

  std::vector<DemandPoint> customers;
  auto add_class = [&customers](std::vector<DemandPoint> points, double class_weight) {
    double total = 0;
    for (const auto& p : points) total += p.weight;
    if (total <= 0) return;
    for (auto& p : points) {
      p.weight = class_weight * p.weight / total;
      customers.push_back(std::move(p));
    }
  };
  add_class(population_points(context.scenario, context.params), context.params.hub_population_weight);
  add_class(energy_points(context.scenario, context.params), context.params.hub_energy_weight);

  const std::size_t p = static_cast<std::size_t>(std::max(0, context.scenario.mandate.posture.hub_count));
  const auto& siting = context.params.hub_siting;
  std::vector<std::string> entry_kinds;
  for (const auto& [kind, rate] : context.params.movement.crossing_throughput) entry_kinds.push_back(kind);
  std::vector<std::optional<EntryAccess>> access(sites.size());
  std::vector<double> site_cost(sites.size());
  for (std::size_t s = 0; s < sites.size(); ++s) {
    access[s] = nearest_entry_node(context.scenario, context.params.consent, entry_kinds, sites[s]->position);
    // A site no entry node reaches is as far as the theatre allows: its access term is the
    // largest km any other site has, never a free pass.
    site_cost[s] = siting.site_cost(sites[s]->threat_km, access[s] ? access[s]->km : 0.0);
  }
  double worst_access = 0;
  for (const auto& a : access) worst_access = std::max(worst_access, a ? a->km : 0.0);
  for (std::size_t s = 0; s < sites.size(); ++s)
    if (!access[s]) site_cost[s] = siting.site_cost(sites[s]->threat_km, worst_access);
  std::vector<double> distance(customers.size() * sites.size());
  std::vector<double> weight(customers.size());
  for (std::size_t c = 0; c < customers.size(); ++c) {
    weight[c] = customers[c].weight;
    for (std::size_t s = 0; s < sites.size(); ++s)
      distance[c * sites.size() + s] =
          siting.support_weight * distance_km(customers[c].position, sites[s]->position) + site_cost[s];
  }
  const std::vector<double> cost = distance;  // the p-median takes the costs; the CFLP needs them too
  const plan::PMedianInstance instance(customers.size(), sites.size(), std::move(distance), weight, p);
  const plan::PMedianResult result = plan::solve_p_median(instance, context.solve);
  report.stats = result.stats;
  report.alternatives.push_back({"p-median", result.stats});
  if (result.stats.status == plan::SolveStatus::Infeasible) {
    report.note = fmt::format("no hub opened: {} hubs asked for, {} hub-eligible candidate sites", p, sites.size());
    return report;
  }
  // Personnel capacity per site: a candidate hub's, or an airfield's from hub_siting.json.
  const double hub_demand = hub_personnel_demand(context.scenario);
  std::vector<double> capacity(sites.size());
  for (std::size_t s = 0; s < sites.size(); ++s) capacity[s] = std::max(0.0, sites[s]->personnel_capacity);
  std::vector<double> share(sites.size(), 0.0);
  for (std::size_t c = 0; c < customers.size(); ++c) share[result.solution.assigned_site[c]] += customers[c].weight;
  std::vector<std::size_t> open = result.solution.open_sites;
  std::vector<std::string> overloaded;
  for (const std::size_t s : open)
    if (share[s] * hub_demand > capacity[s] + LOAD_TOLERANCE_PERSONNEL)
      overloaded.push_back(fmt::format("{} {:.0f} > {:.0f}", sites[s]->site_id, share[s] * hub_demand, capacity[s]));
  if (overloaded.empty()) {
    report.choice = fmt::format("p-median: capacities do not bind ({:.0f} hub personnel spread by demand share fit every "
                                "opened hub), so it is also the capacitated optimum", hub_demand);
  } else {
    std::vector<double> demand(customers.size());
    std::vector<double> allocation(cost.size());
    for (std::size_t c = 0; c < customers.size(); ++c) {
      demand[c] = weight[c] * hub_demand;
      for (std::size_t s = 0; s < sites.size(); ++s) allocation[c * sites.size() + s] = weight[c] * cost[c * sites.size() + s];
    }
    const plan::FacilityLocationInstance cflp(capacity, std::vector<double>(sites.size(), 0.0), std::move(demand),
                                              std::move(allocation), p);
    std::optional<plan::SingleSourceResult> single;
    if (context.scenario.mandate.posture.single_source_hubs) {
      single = plan::solve_single_source_facility_location(cflp, context.solve);
      report.alternatives.push_back({"single-source capacitated facility location", single->stats});
      if (single->stats.status == plan::SolveStatus::Infeasible || single->solution.open_sites.empty()) {
        overloaded.push_back(fmt::format("no {} sites hold every demand point unsplit, so demand is split", p));
        single.reset();
      }
    }
    const plan::FacilityLocationResult capacitated =
        single ? plan::FacilityLocationResult{} : plan::solve_facility_location(cflp, context.solve);
    if (!single) report.alternatives.push_back({"capacitated facility location", capacitated.stats});
    if (single) {
      report.choice = fmt::format("single-source capacitated facility location (posture hub_sourcing \"single\"): "
                                  "capacities bind under the p-median ({}); each demand point whole at one hub",
                                  fmt::join(overloaded, ", "));
      report.method = "single-source capacitated facility location, exactly hub_count open (Lagrangian bound, "
                      "local search, CBC on the reduced MILP)";
      report.stats = single->stats;
      open = single->solution.open_sites;
      std::fill(share.begin(), share.end(), 0.0);
      for (std::size_t c = 0; c < customers.size(); ++c) share[single->solution.site_of_customer[c]] += weight[c];
    } else if (capacitated.stats.status == plan::SolveStatus::Infeasible) {
      report.choice = fmt::format("p-median kept: capacities bind ({}) and no {} sites hold {:.0f} hub personnel; placement "
                                  "enforces site capacity", fmt::join(overloaded, ", "), p, hub_demand);
    } else {
      report.choice = fmt::format("capacitated facility location: capacities bind under the p-median ({})",
                                  fmt::join(overloaded, ", "));
      report.method = "capacitated facility location, exactly hub_count open (Lagrangian bound, guided swap search, CBC on the reduced MILP)";
      report.stats = capacitated.stats;
      open = capacitated.solution.open_sites;
      std::fill(share.begin(), share.end(), 0.0);
      for (std::size_t c = 0; c < customers.size(); ++c)
        for (std::size_t s = 0; s < sites.size(); ++s) share[s] += capacitated.solution.fraction[c * sites.size() + s] * weight[c];
    }
  }
  for (const std::size_t s : open) {
    Hub hub;
    hub.site_id = sites[s]->site_id;
    hub.position = sites[s]->position;
    hub.demand_share = share[s];
    hub.demand_personnel = share[s] * hub_demand;
    hub.capacity_personnel = capacity[s];
    if (access[s]) hub.access_node = access[s]->node, hub.access_km = access[s]->km;
    plan.hubs.push_back(hub);
  }
  report.note = fmt::format("{} of {} hub-eligible sites opened; cost per unit of demand = {} x support km ({} demand "
                            "points: {} population, {} energy) + {} x exposure km inside {:.0f} km of a threat axis + {} x "
                            "km to the nearest entry node", p, sites.size(), siting.support_weight, customers.size(),
                            context.params.hub_population_weight, context.params.hub_energy_weight,
                            siting.protection_weight, siting.protection_depth_km, siting.access_weight);
  return report;
}

}  // namespace guarantor::planner::detail
