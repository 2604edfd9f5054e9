// solve_facility_location: strong LP relaxation (bound) → open the LP's support and close sites
// greedily while the transportation cost allows (heuristic) → CBC on the strong MILP with the
// heuristic's cost as cutoff.
#include <algorithm>

#include "guarantor/plan/facility_location.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan {

namespace {

// An LP value of y above this counts as "the relaxation wants the site".
constexpr double SUPPORT_THRESHOLD = 1e-6;
// A swap must lower the cost by more than this relative amount (LP round-off is not a gain).
constexpr double SWAP_TOLERANCE = 1e-9;

// Columns 0..sites-1 are y; then x customer-major. Rows: demand, capacity, x_cs <= y_s, and the
// aggregate capacity cut sum_s capacity_s y_s >= total demand.
detail::MilpModel strong_model(const FacilityLocationInstance& instance) {
  detail::MilpModel model;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  for (std::size_t site = 0; site < sites; ++site) model.add_column(instance.fixed_cost(site), 0.0, 1.0, true);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t site = 0; site < sites; ++site) {
      model.add_column(instance.allocation_cost(customer, site), 0.0, 1.0, false);
    }
  }
  auto x = [&](std::size_t customer, std::size_t site) { return static_cast<int>(sites + customer * sites + site); };
  std::vector<int> columns;
  std::vector<double> coefficients;
  double total_demand = 0;
  for (std::size_t customer = 0; customer < customers; ++customer) {
    columns.clear();
    for (std::size_t site = 0; site < sites; ++site) columns.push_back(x(customer, site));
    coefficients.assign(sites, 1.0);
    model.add_row(1.0, 1.0, columns, coefficients);
    total_demand += instance.demand(customer);
  }
  for (std::size_t site = 0; site < sites; ++site) {
    columns.assign(1, static_cast<int>(site));
    coefficients.assign(1, -instance.capacity(site));
    for (std::size_t customer = 0; customer < customers; ++customer) {
      columns.push_back(x(customer, site));
      coefficients.push_back(instance.demand(customer));
      const int link[] = {x(customer, site), static_cast<int>(site)};
      const double sign[] = {1.0, -1.0};
      model.add_row(-detail::MilpModel::INF, 0.0, link, sign);
    }
    model.add_row(-detail::MilpModel::INF, 0.0, columns, coefficients);
  }
  columns.clear(), coefficients.clear();
  for (std::size_t site = 0; site < sites; ++site) {
    columns.push_back(static_cast<int>(site));
    coefficients.push_back(instance.capacity(site));
  }
  model.add_row(total_demand, detail::MilpModel::INF, columns, coefficients);
  if (const auto count = instance.open_count()) {
    coefficients.assign(sites, 1.0);
    model.add_row(static_cast<double>(*count), static_cast<double>(*count), columns, coefficients);
  }
  return model;
}

// Cardinality form: open the `count` sites with the largest LP y (ties: larger capacity, then
// lower index), then swap an open for a closed site while the best swap lowers the cost.
std::optional<FacilityLocationSolution> swap_search(const FacilityLocationInstance& instance,
                                                    const std::vector<double>& lp_values, std::size_t count,
                                                    const detail::Stopwatch& clock) {
  const std::size_t sites = instance.site_count();
  std::vector<std::size_t> order(sites);
  for (std::size_t site = 0; site < sites; ++site) order[site] = site;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(lp_values[a], instance.capacity(a)) > std::make_pair(lp_values[b], instance.capacity(b));
  });
  std::vector<std::size_t> open(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
  std::optional<FacilityLocationSolution> incumbent = allocate(instance, open);
  if (!incumbent) {
    // The LP's choice lacks room: start from the roomiest sites (feasible whenever any set is).
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return instance.capacity(a) > instance.capacity(b); });
    open.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    incumbent = allocate(instance, open);
    if (!incumbent) return std::nullopt;
  }
  double incumbent_cost = facility_location_cost(instance, *incumbent);
  for (bool improved = true; improved && !clock.expired();) {
    improved = false;
    std::optional<FacilityLocationSolution> best_neighbour;
    double best_cost = incumbent_cost;
    for (std::size_t pos = 0; pos < count; ++pos) {
      for (std::size_t site = 0; site < sites; ++site) {
        const auto& current = incumbent->open_sites;
        if (std::find(current.begin(), current.end(), site) != current.end()) continue;
        std::vector<std::size_t> swapped = current;
        swapped[pos] = site;
        std::optional<FacilityLocationSolution> candidate = allocate(instance, swapped);
        if (!candidate) continue;
        const double cost = facility_location_cost(instance, *candidate);
        if (cost < best_cost - SWAP_TOLERANCE * std::max(1.0, best_cost)) {
          best_cost = cost;
          best_neighbour = std::move(candidate);
        }
      }
    }
    if (best_neighbour) incumbent = std::move(best_neighbour), incumbent_cost = best_cost, improved = true;
  }
  return incumbent;
}

}  // namespace

FacilityLocationResult solve_facility_location(const FacilityLocationInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  FacilityLocationResult result;
  const std::size_t sites = instance.site_count();
  auto finish = [&](SolveStatus status, ProofMethod method) {
    result.stats.status = status;
    result.stats.proved_by = method;
    finish_stats(result.stats, clock.elapsed());
    return result;
  };
  const detail::MilpModel model = strong_model(instance);
  const detail::LpOutcome lp = detail::solve_lp(model, clock.remaining());
  result.stats.phases.bound = clock.elapsed();
  if (!lp.optimal) return finish(lp.infeasible ? SolveStatus::Infeasible : SolveStatus::TimeLimit, ProofMethod::LpBound);
  result.stats.bound = lp.objective;

  std::optional<FacilityLocationSolution> incumbent;
  if (const auto count = instance.open_count()) {
    incumbent = swap_search(instance, lp.values, *count, clock);
    if (!incumbent) return finish(SolveStatus::Infeasible, ProofMethod::LpBound);
  } else {
    // Heuristic: the LP's support, then close the site whose closing saves most, while any does.
    std::vector<std::size_t> open;
    for (std::size_t site = 0; site < sites; ++site) {
      if (lp.values[site] > SUPPORT_THRESHOLD) open.push_back(site);
    }
    incumbent = allocate(instance, open);
    if (!incumbent) {
      open.resize(sites);
      for (std::size_t site = 0; site < sites; ++site) open[site] = site;
      incumbent = allocate(instance, open);
    }
    double incumbent_cost = facility_location_cost(instance, *incumbent);
    for (bool improved = true; improved && !clock.expired();) {
      improved = false;
      std::optional<FacilityLocationSolution> best_neighbour;
      double best_cost = incumbent_cost;
      for (std::size_t pos = 0; pos < incumbent->open_sites.size(); ++pos) {
        std::vector<std::size_t> fewer = incumbent->open_sites;
        fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(pos));
        std::optional<FacilityLocationSolution> candidate = allocate(instance, fewer);
        if (candidate && facility_location_cost(instance, *candidate) < best_cost) {
          best_cost = facility_location_cost(instance, *candidate);
          best_neighbour = std::move(candidate);
        }
      }
      if (best_neighbour) incumbent = std::move(best_neighbour), incumbent_cost = best_cost, improved = true;
    }
  }
  const double incumbent_cost = facility_location_cost(instance, *incumbent);
  result.solution = *incumbent;
  result.stats.objective = incumbent_cost;
  result.stats.bound = std::min(result.stats.bound, incumbent_cost);
  result.stats.phases.heuristic = clock.elapsed() - result.stats.phases.bound;

  // Allocation costs are fractional in general, so no objective resolution is assumed.
  const double threshold = detail::improvement_threshold(incumbent_cost, 0.0);
  if (detail::bound_excludes(lp.objective, threshold)) {
    result.stats.bound = incumbent_cost;
    return finish(SolveStatus::Optimal, ProofMethod::LpBound);
  }
  if (!options.exact) return finish(SolveStatus::Feasible, ProofMethod::LpBound);
  result.stats.exact_columns = model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.cutoff = threshold;
  const detail::MilpOutcome outcome = detail::solve_milp(model, params);
  if (outcome.has_solution) {
    std::vector<std::size_t> found;
    for (std::size_t site = 0; site < sites; ++site) {
      // Binary columns come back as 0/1 up to CBC's integrality tolerance.
      if (outcome.values[site] > 0.5) found.push_back(site);
    }
    // Re-solve the allocation exactly for the open set CBC chose.
    std::optional<FacilityLocationSolution> candidate = allocate(instance, found);
    if (candidate && facility_location_cost(instance, *candidate) < result.stats.objective) {
      result.stats.objective = facility_location_cost(instance, *candidate);
      result.solution = std::move(*candidate);
    }
  }
  if (!outcome.finished) {
    result.stats.bound = std::max(result.stats.bound, std::min(outcome.bound, result.stats.objective));
    return finish(SolveStatus::TimeLimit, ProofMethod::Cbc);
  }
  result.stats.bound = result.stats.objective;
  return finish(SolveStatus::Optimal, ProofMethod::Cbc);
}

FacilityLocationResult solve_facility_location_textbook_milp(const FacilityLocationInstance& instance,
                                                             const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  FacilityLocationResult result;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  const detail::MilpModel model = strong_model(instance);
  result.stats.exact_columns = model.column_count();
  detail::MilpParams params;
  params.time_limit_s = options.time_limit_s;
  if (options.deterministic && options.exact_nodes > 0) params.node_limit = options.exact_nodes;
  const detail::MilpOutcome outcome = detail::solve_milp(model, params);
  if (outcome.has_solution) {
    for (std::size_t site = 0; site < sites; ++site) {
      if (outcome.values[site] > 0.5) result.solution.open_sites.push_back(site);
    }
    // CBC's own allocation, as the baseline reports what CBC found.
    result.solution.fraction.assign(outcome.values.begin() + static_cast<std::ptrdiff_t>(sites),
                                    outcome.values.begin() + static_cast<std::ptrdiff_t>(sites + customers * sites));
    result.stats.objective = facility_location_cost(instance, result.solution);
  }
  result.stats.bound = std::min(outcome.bound, result.stats.objective);
  result.stats.status = outcome.finished ? (outcome.has_solution ? SolveStatus::Optimal : SolveStatus::Infeasible)
                                         : SolveStatus::TimeLimit;
  result.stats.proved_by = outcome.finished ? ProofMethod::Cbc : ProofMethod::None;
  finish_stats(result.stats, clock.elapsed());
  return result;
}

}  // namespace guarantor::plan
