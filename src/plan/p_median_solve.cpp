// solve_p_median: greedy and swap search, variable-neighbourhood search → Lagrangian bound →
// Lagrangian branch-and-bound (p_median_branch.cpp) → if its node budget runs out, Lagrangian
// variable fixing and CBC on what is left. The fixing tests ask, for each site and each
// (customer, site) pair, whether forcing it into the solution pushes the Lagrangian bound past the
// best cost a strictly better solution could have; if so it is absent from every improving
// solution and is removed from the MILP.
#include <algorithm>

#include "guarantor/plan/p_median.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "p_median_branch.hpp"
#include "p_median_lagrangian.hpp"
#include "p_median_search.hpp"
#include "stopwatch.hpp"
#include "textbook_milp.hpp"

namespace guarantor::plan {

namespace {

// Shakes without improvement before the variable-neighbourhood search gives up. Each costs a swap
// descent (a few passes of O(customers × sites)); the search also stops once the bound proves it.
constexpr int VNS_PATIENCE = 60;
// Nodes the Lagrangian branch-and-bound may solve before CBC on the reduced MILP takes over.
constexpr std::size_t BRANCH_NODE_LIMIT = 200000;

// The textbook MILP restricted to the kept sites and (customer, site) pairs. Returns no solution
// when some customer has no pair left: then no improving solution exists.
struct ReducedModel {
  detail::MilpModel model;
  std::vector<int> site_column;  // -1 for a site fixed closed
  bool empty_customer = false;
};

ReducedModel build_model(const PMedianInstance& instance, const std::vector<char>& site_closed,
                         const std::vector<char>& site_open, const std::vector<char>& pair_kept) {
  ReducedModel reduced;
  const std::size_t sites = instance.site_count();
  reduced.site_column.assign(sites, -1);
  for (std::size_t site = 0; site < sites; ++site) {
    if (site_closed[site]) continue;
    reduced.site_column[site] = reduced.model.add_column(0.0, site_open[site] ? 1.0 : 0.0, 1.0, true);
  }
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    columns.clear();
    for (std::size_t site = 0; site < sites; ++site) {
      if (site_closed[site] || !pair_kept[customer * sites + site]) continue;
      // x continuous: with y binary an optimal x is integral (each customer to its nearest).
      const int x = reduced.model.add_column(instance.cost(customer, site), 0.0, 1.0, false);
      columns.push_back(x);
      if (!site_open[site]) {
        const int link[] = {x, reduced.site_column[site]};
        const double sign[] = {1.0, -1.0};
        reduced.model.add_row(-detail::MilpModel::INF, 0.0, link, sign);
      }
    }
    if (columns.empty()) {
      reduced.empty_customer = true;
      return reduced;
    }
    coefficients.assign(columns.size(), 1.0);
    reduced.model.add_row(1.0, 1.0, columns, coefficients);
  }
  columns.clear();
  for (int column : reduced.site_column) {
    if (column >= 0) columns.push_back(column);
  }
  coefficients.assign(columns.size(), 1.0);
  const double p = static_cast<double>(instance.p());
  reduced.model.add_row(p, p, columns, coefficients);
  return reduced;
}

std::vector<std::size_t> open_sites_of(const ReducedModel& reduced, const std::vector<double>& values) {
  std::vector<std::size_t> open;
  for (std::size_t site = 0; site < reduced.site_column.size(); ++site) {
    const int column = reduced.site_column[site];
    // Binary columns come back as 0/1 up to CBC's integrality tolerance.
    if (column >= 0 && values[static_cast<std::size_t>(column)] > 0.5) open.push_back(site);
  }
  return open;
}

// Infeasible p, or p = sites (every site open): answered without search.
bool trivial_case(const PMedianInstance& instance, PMedianResult& result) {
  const bool no_customers = instance.customer_count() == 0;
  if (instance.p() > instance.site_count() || (instance.p() == 0 && !no_customers)) {
    result.stats.status = SolveStatus::Infeasible;
    result.stats.proved_by = ProofMethod::Trivial;
    return true;
  }
  if (instance.p() == instance.site_count() || no_customers) {
    std::vector<std::size_t> open(instance.p());
    for (std::size_t site = 0; site < open.size(); ++site) open[site] = site;
    result.stats.objective = result.stats.bound = p_median_cost(instance, open);
    result.solution = p_median_assign(instance, std::move(open));
    result.stats.relative_gap = 0;
    result.stats.status = SolveStatus::Optimal;
    result.stats.proved_by = ProofMethod::Trivial;
    return true;
  }
  return false;
}

void finish(PMedianResult& result, const detail::Stopwatch& clock) {
  finish_stats(result.stats, clock.elapsed());
}

}  // namespace

PMedianResult solve_p_median(const PMedianInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  PMedianResult result;
  if (trivial_case(instance, result)) return finish(result, clock), result;
  const double step = detail::objective_step(instance.costs());

  PMedianSolution incumbent = p_median_heuristic(instance);
  const detail::SwapSearch search(instance);
  double incumbent_cost = search.cost(incumbent.open_sites);
  result.stats.phases.heuristic = clock.elapsed();
  const detail::PMedianLagrangian lagrangian =
      detail::p_median_subgradient(instance, incumbent, incumbent_cost, step, options, clock);
  result.stats.phases.bound = clock.elapsed() - result.stats.phases.heuristic;
  if (!detail::bound_excludes(lagrangian.bound, detail::improvement_threshold(incumbent_cost, step))) {
    // Not proven yet: a better incumbent may be the answer and prunes the tree harder. The search
    // stops as soon as the bound proves its solution optimal.
    const double started = clock.elapsed();
    std::vector<std::size_t> open = incumbent.open_sites;
    detail::p_median_vns(search, instance.site_count(), open, incumbent_cost, lagrangian.bound, step, VNS_PATIENCE,
                         options.seed, clock);
    incumbent = p_median_assign(instance, std::move(open));
    result.stats.phases.heuristic += clock.elapsed() - started;
  }
  result.solution = incumbent;
  result.stats.objective = incumbent_cost;
  result.stats.bound = std::min(lagrangian.bound, incumbent_cost);
  double threshold = detail::improvement_threshold(incumbent_cost, step);
  if (detail::bound_excludes(lagrangian.bound, threshold)) {
    result.stats.bound = incumbent_cost;
    result.stats.status = SolveStatus::Optimal;
    result.stats.proved_by = ProofMethod::LagrangianBound;
    return finish(result, clock), result;
  }
  if (!options.exact || clock.expired()) {
    result.stats.status = options.exact ? SolveStatus::TimeLimit : SolveStatus::Feasible;
    result.stats.proved_by = ProofMethod::LagrangianBound;
    return finish(result, clock), result;
  }

  std::vector<std::size_t> open = incumbent.open_sites;
  const detail::BranchOutcome branch = detail::p_median_branch_and_bound(
      instance, search, open, incumbent_cost, lagrangian.multiplier, step, BRANCH_NODE_LIMIT, clock);
  if (incumbent_cost < result.stats.objective) {
    result.solution = p_median_assign(instance, open);
    result.stats.objective = incumbent_cost;
    incumbent = result.solution;
  }
  result.stats.bound = std::max(result.stats.bound, std::min(branch.bound, incumbent_cost));
  result.stats.proved_by = ProofMethod::LagrangianBranchAndBound;
  if (branch.finished) {
    result.stats.bound = incumbent_cost;
    result.stats.status = SolveStatus::Optimal;
    return finish(result, clock), result;
  }
  if (clock.expired()) {
    result.stats.status = SolveStatus::TimeLimit;
    return finish(result, clock), result;
  }
  threshold = detail::improvement_threshold(incumbent_cost, step);

  // Variable fixing against the threshold (see the file comment and docs/planner-solvers.md).
  const std::size_t sites = instance.site_count();
  std::vector<char> site_closed(sites, 0), site_open(sites, 0);
  std::vector<double> bound_with_site(sites);
  for (std::size_t site = 0; site < sites; ++site) {
    const double rho = lagrangian.site_reduced_cost[site];
    if (lagrangian.in_relaxed_solution[site]) {
      bound_with_site[site] = lagrangian.bound;
      if (detail::bound_excludes(lagrangian.bound - rho + lagrangian.next_rho, threshold)) site_open[site] = 1;
    } else {
      bound_with_site[site] = lagrangian.bound + rho - lagrangian.largest_chosen_rho;
      if (detail::bound_excludes(bound_with_site[site], threshold)) site_closed[site] = 1;
    }
  }
  std::vector<char> pair_kept(instance.customer_count() * sites, 0);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    const double u = lagrangian.multiplier[customer];
    for (std::size_t site = 0; site < sites; ++site) {
      const double penalty = std::max(0.0, instance.cost(customer, site) - u);
      pair_kept[customer * sites + site] = !detail::bound_excludes(bound_with_site[site] + penalty, threshold);
    }
  }
  const ReducedModel reduced = build_model(instance, site_closed, site_open, pair_kept);
  result.stats.proved_by = ProofMethod::LagrangianReductionCbc;
  if (reduced.empty_customer) {
    result.stats.bound = incumbent_cost;
    result.stats.status = SolveStatus::Optimal;
    return finish(result, clock), result;
  }
  result.stats.exact_columns = reduced.model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  params.cutoff = threshold;
  const detail::MilpOutcome outcome = detail::solve_milp(reduced.model, params);
  if (outcome.has_solution) {
    std::vector<std::size_t> open = open_sites_of(reduced, outcome.values);
    if (open.size() == instance.p() && p_median_cost(instance, open) < incumbent_cost) {
      incumbent_cost = p_median_cost(instance, open);
      result.solution = p_median_assign(instance, std::move(open));
      result.stats.objective = incumbent_cost;
    }
  }
  if (outcome.finished) {
    result.stats.bound = result.stats.objective;
    result.stats.status = SolveStatus::Optimal;
  } else {
    // Only improving solutions were searched for, so CBC's bound holds for them; the incumbent
    // covers the rest.
    result.stats.bound = std::max(result.stats.bound, std::min(outcome.bound, result.stats.objective));
    result.stats.status = SolveStatus::TimeLimit;
  }
  return finish(result, clock), result;
}

PMedianResult solve_p_median_textbook_milp(const PMedianInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  PMedianResult result;
  if (trivial_case(instance, result)) return finish(result, clock), result;
  const std::size_t sites = instance.site_count();
  const std::vector<char> none(sites, 0), all(instance.customer_count() * sites, 1);
  const ReducedModel full = build_model(instance, none, none, all);
  result.stats.exact_columns = full.model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  const detail::TextbookRun run = detail::run_textbook_milp(full.model, params, options);
  const detail::MilpOutcome& outcome = run.outcome;
  result.stats.proved_by = run.method;
  if (outcome.has_solution) {
    std::vector<std::size_t> open = open_sites_of(full, outcome.values);
    result.stats.objective = p_median_cost(instance, open);
    result.solution = p_median_assign(instance, std::move(open));
  }
  result.stats.bound = outcome.bound;
  result.stats.status = outcome.finished ? SolveStatus::Optimal : SolveStatus::TimeLimit;
  finish_stats(result.stats, clock.elapsed() - run.excluded_seconds);
  return result;
}

}  // namespace guarantor::plan
