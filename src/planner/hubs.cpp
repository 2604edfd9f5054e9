// Stage 2: hubs. A p-median over the hub-eligible candidates: open the posture's hub_count hubs
// so that the demand-weighted distance from government-held Ukraine's population and energy
// sites to the nearest hub is least. Population and energy are each normalised to a share of
// their class total, then mixed by the parameters' class weights, so persons and MW never add.
#include <fmt/format.h>

#include "guarantor/plan/p_median.hpp"
#include "guarantor/planner/demand.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

StageReport run_hubs(const StageContext& context, Plan& plan) {
  StageReport report;
  report.stage = "hubs";
  report.sense = "min";
  report.unit = "demand-weighted km";
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
  std::vector<double> distance(customers.size() * sites.size());
  std::vector<double> weight(customers.size());
  for (std::size_t c = 0; c < customers.size(); ++c) {
    weight[c] = customers[c].weight;
    for (std::size_t s = 0; s < sites.size(); ++s)
      distance[c * sites.size() + s] = distance_km(customers[c].position, sites[s]->position);
  }
  const plan::PMedianInstance instance(customers.size(), sites.size(), std::move(distance), std::move(weight), p);
  const plan::PMedianResult result = plan::solve_p_median(instance, context.solve);
  report.stats = result.stats;
  if (result.stats.status == plan::SolveStatus::Infeasible) {
    report.note = fmt::format("no hub opened: {} hubs asked for, {} hub-eligible candidate sites", p, sites.size());
    return report;
  }
  std::vector<double> share(sites.size(), 0.0);
  for (std::size_t c = 0; c < customers.size(); ++c) share[result.solution.assigned_site[c]] += customers[c].weight;
  for (const std::size_t s : result.solution.open_sites) {
    Hub hub;
    hub.site_id = sites[s]->site_id;
    hub.position = sites[s]->position;
    hub.demand_share = share[s];
    hub.capacity_personnel = sites[s]->capacity_unit == "personnel" ? sites[s]->capacity : 0.0;
    plan.hubs.push_back(hub);
  }
  report.note = fmt::format("{} of {} hub-eligible sites opened; {} demand points ({} population, {} energy)", p,
                            sites.size(), customers.size(), context.params.hub_population_weight,
                            context.params.hub_energy_weight);
  return report;
}

}  // namespace guarantor::planner::detail
