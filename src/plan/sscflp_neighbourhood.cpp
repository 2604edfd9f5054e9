#include "sscflp_neighbourhood.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>

#include "milp.hpp"
#include "objective_step.hpp"
#include "sscflp_model.hpp"

namespace guarantor::plan::detail {

namespace {

// One part of the incumbent: its sites (sorted), the customers their open sites serve, and what
// they cost now (the cutoff for CBC).
struct Part {
  std::vector<std::size_t> sites, customers;
  double cost = 0;
  std::size_t open = 0;
};

Part part_of(const FacilityLocationInstance& instance, const SingleSourceSolution& incumbent,
             std::vector<std::size_t> sites) {
  Part part;
  std::sort(sites.begin(), sites.end());
  part.sites = std::move(sites);
  std::vector<char> in_part(instance.site_count(), 0);
  for (std::size_t site : part.sites) in_part[site] = 1;
  for (std::size_t site : incumbent.open_sites) {
    if (in_part[site]) part.cost += instance.fixed_cost(site), ++part.open;
  }
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    const std::size_t site = incumbent.site_of_customer[customer];
    if (!in_part[site]) continue;
    part.customers.push_back(customer);
    part.cost += instance.allocation_cost(customer, site);
  }
  return part;
}

// The part as a single-source instance of its own (with an open count, the part keeps its
// number of open sites, so the whole keeps the count).
FacilityLocationInstance part_instance(const FacilityLocationInstance& instance, const Part& part) {
  std::vector<double> capacity, fixed, demand, allocation;
  for (std::size_t site : part.sites)
    capacity.push_back(instance.capacity(site)), fixed.push_back(instance.fixed_cost(site));
  for (std::size_t customer : part.customers) {
    demand.push_back(instance.demand(customer));
    for (std::size_t site : part.sites) allocation.push_back(instance.allocation_cost(customer, site));
  }
  std::optional<std::size_t> count;
  if (instance.open_count()) count = part.open;
  return {std::move(capacity), std::move(fixed), std::move(demand), std::move(allocation), count};
}

// The part solved exactly with its current cost as cutoff; the incumbent with the part replaced
// when CBC found a cheaper one, else nullopt.
std::optional<SingleSourceSolution> resolve_part(const FacilityLocationInstance& instance,
                                                 const SingleSourceSolution& incumbent, const Part& part,
                                                 const NeighbourhoodSettings& settings, const Stopwatch& clock) {
  const FacilityLocationInstance sub = part_instance(instance, part);
  const SscflpModel model = build_sscflp_model(sub, {}, {}, true);
  MilpParams params;
  params.time_limit_s = std::min(settings.part_limit_s, clock.remaining());
  params.solve_limit_s = settings.part_limit_s;
  params.cutoff = improvement_threshold(part.cost, settings.step);
  params.node_limit = settings.part_nodes;
  const MilpOutcome outcome = solve_milp(model.model, params);
  if (!outcome.has_solution) return std::nullopt;
  const SingleSourceSolution local = read_sscflp_solution(sub, model, outcome.values);
  SingleSourceSolution spliced = incumbent;
  std::vector<char> in_part(instance.site_count(), 0);
  for (std::size_t site : part.sites) in_part[site] = 1;
  spliced.open_sites.clear();
  for (std::size_t site : incumbent.open_sites) {
    if (!in_part[site]) spliced.open_sites.push_back(site);
  }
  for (std::size_t site : local.open_sites) spliced.open_sites.push_back(part.sites[site]);
  std::sort(spliced.open_sites.begin(), spliced.open_sites.end());
  for (std::size_t k = 0; k < part.customers.size(); ++k) {
    if (local.site_of_customer[k] >= part.sites.size()) return std::nullopt;
    spliced.site_of_customer[part.customers[k]] = part.sites[local.site_of_customer[k]];
  }
  return spliced;
}

}  // namespace

std::vector<std::size_t> nearest_sites(const FacilityLocationInstance& instance, std::size_t seed, std::size_t count) {
  const std::size_t sites = instance.site_count();
  std::vector<double> distance(sites, 0.0);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    // A customer without demand says nothing about unit costs.
    const double demand = instance.demand(customer);
    if (demand <= 0) continue;
    const double from_seed = instance.allocation_cost(customer, seed) / demand;
    for (std::size_t site = 0; site < sites; ++site) {
      distance[site] =
          std::max(distance[site], std::abs(instance.allocation_cost(customer, site) / demand - from_seed));
    }
  }
  std::vector<std::size_t> order(sites);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // The seed first even when another site has the same costs.
  distance[seed] = -1;
  count = std::min(count, sites);
  std::partial_sort(
      order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
      [&](std::size_t a, std::size_t b) { return distance[a] < distance[b] || (distance[a] == distance[b] && a < b); });
  order.resize(count);
  return order;
}

std::size_t improve_by_parts(const FacilityLocationInstance& instance, SscflpSearch& search,
                             const NeighbourhoodSettings& settings, const Stopwatch& clock,
                             const std::function<bool()>& stop) {
  std::size_t solved = 0;
  std::vector<std::vector<std::size_t>> nearest(instance.site_count());
  // Parts solved without gain at the current incumbent; an improvement changes every part's
  // cutoff, so the set starts again.
  std::set<std::vector<std::size_t>> tried;
  bool improved = true;
  while (improved && search.has_solution() && !stop()) {
    improved = false;
    const std::vector<std::size_t> seeds = search.best().open_sites;
    for (std::size_t seed : seeds) {
      if (stop()) break;
      if (nearest[seed].empty()) nearest[seed] = nearest_sites(instance, seed, settings.sites);
      const Part part = part_of(instance, search.best(), nearest[seed]);
      if (part.customers.empty() || !tried.insert(part.sites).second) continue;
      ++solved;
      const std::optional<SingleSourceSolution> better = resolve_part(instance, search.best(), part, settings, clock);
      if (!better) continue;
      const double before = search.best_cost();
      search.adopt(*better, settings.move_budget, stop);
      if (search.best_cost() < before) improved = true, tried.clear();
    }
  }
  return solved;
}

}  // namespace guarantor::plan::detail
