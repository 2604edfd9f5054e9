// solve_facility_location: Lagrangian dual of the demand rows by subgradient, repairing the
// relaxed open sets into solutions priced by the transportation LP (a Lagrangian heuristic) →
// descent (close a site; or swap one with an open count) → reduced-cost fixing of sites at the
// best multipliers in rounds → branch-and-bound on the free sites with the Lagrangian bound at
// every node → (node budget spent) CBC on the reduced strong MILP with the incumbent as cutoff,
// until proven or out of time.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cflp_branch.hpp"
#include "cflp_lagrangian.hpp"
#include "cflp_model.hpp"
#include "cflp_search.hpp"
#include "facility_capacity.hpp"
#include "guarantor/plan/facility_location.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "site_descent.hpp"
#include "stopwatch.hpp"
#include "textbook_milp.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Subgradient settings as for the single-source dual (Fisher et al. 1986): step factor 2,
// halved after 20 iterations without a better bound, stopped below 1e-3.
constexpr double START_FACTOR = 2.0;
constexpr int PATIENCE = 20;
constexpr double MIN_FACTOR = 1e-3;
// The relaxed open set is repaired and priced every this many iterations (when new), at most
// MAX_REPAIRS times: each pricing is a transportation LP, so the count, not the clock, bounds
// the heuristic's share and keeps the answer independent of the machine's load.
constexpr int REPAIR_EVERY = 10;
constexpr int MAX_REPAIRS = 60;
// Guided descent: moves priced per pass (the cheapest by Lagrangian bound) and passes at most.
constexpr std::size_t GUIDED_MOVES_PER_PASS = 30;
constexpr int GUIDED_PASSES = 30;
// Fixing rounds after the root dual: at most this many, each a warm-started ascent of this many
// iterations from a smaller step factor (the multipliers are already near the optimum).
constexpr int FIXING_ROUNDS = 8;
constexpr int FIXING_ITERATIONS = 300;
constexpr double FIXING_FACTOR = 0.5;
// Largest reduced MILP handed to CBC: its root LP and cut rounds, where its event handler is not
// called, ran 4.5 and 9 s past a 60 s limit on reduced models of capb (37,000-39,000 columns),
// while the 23,000-column reduction of capc (5000) was proven in 25 s.
constexpr std::size_t EXACT_COLUMN_LIMIT = 30000;
// CBC nodes in deterministic mode when SolveOptions::exact_nodes is 0.
constexpr std::uint64_t DEFAULT_EXACT_NODES = 20000;
// Site branch-and-bound nodes when SolveOptions::exact_nodes is 0 (a count, so the tree is the
// same on a loaded machine; the clock stops it only as a last resort).
constexpr std::uint64_t DEFAULT_BRANCH_NODES = 200000;

// Each customer's cheapest cost including its demand's share of a site's fixed cost.
std::vector<double> initial_multipliers(const FacilityLocationInstance& instance) {
  std::vector<double> multipliers(instance.customer_count(), 0.0);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    double best = INF;
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      if (instance.capacity(site) <= 0) continue;
      const double share = std::min(1.0, instance.demand(customer) / instance.capacity(site));
      best = std::min(best, instance.allocation_cost(customer, site) + share * instance.fixed_cost(site));
    }
    multipliers[customer] = std::isfinite(best) ? best : 0.0;
  }
  return multipliers;
}

}  // namespace

FacilityLocationResult solve_facility_location(const FacilityLocationInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  FacilityLocationResult result;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  detail::CflpSearch search(instance);
  auto finish = [&](SolveStatus status, ProofMethod method) {
    if (status == SolveStatus::Infeasible) {
      result.stats.bound = INF;
    } else if (search.has_solution()) {
      result.solution = search.best(), result.stats.objective = search.best_cost();
      if (status == SolveStatus::Optimal) result.stats.bound = result.stats.objective;
      result.stats.bound = std::min(result.stats.bound, result.stats.objective);
    }
    result.stats.status = status;
    result.stats.proved_by = method;
    finish_stats(result.stats, clock.elapsed());
    return result;
  };
  if (detail::demand_exceeds_usable_capacity(instance)) return finish(SolveStatus::Infeasible, ProofMethod::Trivial);
  if (customers == 0) {
    // Nothing to serve: open nothing, or the `count` sites of least fixed cost.
    std::vector<std::size_t> order(sites);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return instance.fixed_cost(a) < instance.fixed_cost(b); });
    result.solution.open_sites.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(instance.open_count().value_or(0)));
    std::sort(result.solution.open_sites.begin(), result.solution.open_sites.end());
    result.stats.objective = result.stats.bound = facility_location_cost(instance, result.solution);
    result.stats.status = SolveStatus::Optimal;
    result.stats.proved_by = ProofMethod::Trivial;
    finish_stats(result.stats, clock.elapsed());
    return result;
  }
  auto stop = [&] { return clock.expired(); };
  // Allocation costs are fractional in general (and so is any split of demand), so no objective
  // resolution is assumed: a strictly better solution is one below the relative tolerance.
  auto threshold = [&] { return detail::improvement_threshold(search.best_cost(), 0.0); };
  auto proven = [&] { return search.has_solution() && detail::bound_excludes(result.stats.bound, threshold()); };

  detail::CflpLagrangian lagrangian(instance);
  std::vector<double> multipliers = initial_multipliers(instance), best_multipliers = multipliers, gradient;
  double heuristic_seconds = 0;
  int repairs = 0;
  auto repair = [&] {
    const double start = clock.elapsed();
    if (search.offer_relaxed(lagrangian.open(), lagrangian.reduced_costs())) ++repairs;
    heuristic_seconds += clock.elapsed() - start;
  };
  // Subgradient ascent from `multipliers`; returns the best value and leaves its multipliers in
  // best_multipliers. With sites fixed the value bounds only the solutions that respect the
  // fixings, which include every one better than the incumbent: min(value, incumbent) is a bound.
  auto ascend = [&](int iterations, double factor) {
    double best = -INF;
    int stalled = 0;
    for (int iteration = 0; iteration < iterations && factor >= MIN_FACTOR && !stop(); ++iteration) {
      const double value = lagrangian.evaluate(multipliers);
      if (value > best) {
        best = value, best_multipliers = multipliers, stalled = 0;
        result.stats.bound = std::max(result.stats.bound, search.has_solution() ? std::min(value, search.best_cost()) : value);
      } else if (++stalled >= PATIENCE) {
        factor /= 2, stalled = 0;
      }
      if (proven() || !std::isfinite(value)) break;
      lagrangian.subgradient(gradient);
      double norm = 0;
      for (double g : gradient) norm += g * g;
      // A zero subgradient: the relaxed choice serves every customer, a solution of cost L(u).
      if ((iteration % REPAIR_EVERY == 0 && repairs < MAX_REPAIRS) || norm == 0 || !search.has_solution()) repair();
      if (norm == 0 || proven()) break;
      const double target = search.has_solution() ? search.best_cost() : value + std::abs(value) + 1;
      const double length = factor * std::max(target - value, 1e-9 * std::max(1.0, std::abs(target))) / norm;
      for (std::size_t customer = 0; customer < customers; ++customer) multipliers[customer] += length * gradient[customer];
    }
    // Back to the best multipliers: their relaxed choice is one more Lagrangian heuristic start
    // and their reduced costs guide the descent and the fixing.
    if (std::isfinite(best)) {
      multipliers = best_multipliers;
      lagrangian.evaluate(multipliers);
      repair();
    }
    return best;
  };
  const double root = ascend(options.subgradient_iterations, START_FACTOR);
  if (!search.has_solution()) {
    // Open count whose relaxed choices all lack capacity: the roomiest `count` sites.
    std::vector<std::size_t> order(sites);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return instance.capacity(a) > instance.capacity(b); });
    const std::size_t count = instance.open_count().value_or(sites);
    search.offer(std::vector<std::size_t>(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count)));
  }
  if (!search.has_solution()) return finish(SolveStatus::Infeasible, ProofMethod::LagrangianBound);
  result.stats.phases.bound = clock.elapsed() - heuristic_seconds;
  if (!proven() && std::isfinite(root)) {
    detail::descend_by_site_moves(instance, search, lagrangian.reduced_costs(), lagrangian.multiplier_sum(),
                                  GUIDED_MOVES_PER_PASS, GUIDED_PASSES, stop);
  }
  result.stats.phases.heuristic = clock.elapsed() - result.stats.phases.bound;
  if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);
  if (!options.exact) return finish(SolveStatus::Feasible, ProofMethod::LagrangianBound);
  if (stop()) return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianBound);

  // Reduced-cost fixing, then the dual again over the sites left free (warm-started): the
  // fixings lift the bound, which fixes more sites, until a round fixes nothing new.
  std::vector<signed char> site_fixed;
  if (std::isfinite(root)) {
    site_fixed = lagrangian.site_fixings(threshold());
    for (int round = 0; round < FIXING_ROUNDS && !stop() && !proven(); ++round) {
      lagrangian.fix_sites(site_fixed);
      const double value = ascend(FIXING_ITERATIONS, FIXING_FACTOR);
      if (!std::isfinite(value) || proven()) break;
      std::vector<signed char> more = lagrangian.site_fixings(threshold());
      if (more == site_fixed) break;
      site_fixed = std::move(more);
    }
    if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);
  }
  // Branch-and-bound on the sites left free, with the Lagrangian bound at every node.
  const detail::CflpBranchOutcome tree =
      detail::cflp_branch_and_bound(instance, lagrangian, search, site_fixed, best_multipliers, result.stats.bound,
                                    options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_BRANCH_NODES, clock);
  if (tree.finished) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBranchAndBound);
  result.stats.bound = std::max(result.stats.bound, std::min(tree.bound, search.best_cost()));
  if (proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBranchAndBound);
  if (stop()) return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianBranchAndBound);
  // Node budget spent with time left: CBC on the model the root fixings leave.
  const detail::CflpModel reduced = detail::build_cflp_model(instance, site_fixed);
  result.stats.exact_columns = reduced.model.column_count();
  if (reduced.model.column_count() > EXACT_COLUMN_LIMIT) {
    // CBC's root on a model this size can outrun the time limit: the gap stays open instead.
    return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianBranchAndBound);
  }
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  params.cutoff = threshold();
  if (options.deterministic) params.node_limit = options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_EXACT_NODES;
  const detail::MilpOutcome outcome = detail::solve_milp(reduced.model, params);
  if (outcome.has_solution) {
    // Re-price CBC's open set exactly (its allocation carries CBC's tolerances).
    search.offer(detail::read_cflp_solution(instance, reduced, outcome.values).open_sites);
  }
  if (outcome.finished) return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
  // Every solution better than the incumbent lies in the reduced model, so CBC's bound there
  // bounds them too.
  result.stats.bound = std::max(result.stats.bound, std::min(outcome.bound, search.best_cost()));
  return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianReductionCbc);
}

FacilityLocationResult solve_facility_location_textbook_milp(const FacilityLocationInstance& instance,
                                                             const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  FacilityLocationResult result;
  const detail::CflpModel model = detail::build_cflp_model(instance, {});
  result.stats.exact_columns = model.model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();  // building the model counts against the limit
  params.solve_limit_s = options.time_limit_s;
  if (options.deterministic && options.exact_nodes > 0) params.node_limit = options.exact_nodes;
  const detail::TextbookRun run = detail::run_textbook_milp(model.model, params, options);
  const detail::MilpOutcome& outcome = run.outcome;
  if (outcome.has_solution) {
    // CBC's own allocation, as the baseline reports what CBC found.
    result.solution = detail::read_cflp_solution(instance, model, outcome.values);
    result.stats.objective = facility_location_cost(instance, result.solution);
  }
  result.stats.bound = std::min(outcome.bound, result.stats.objective);
  result.stats.status = outcome.finished ? (outcome.has_solution ? SolveStatus::Optimal : SolveStatus::Infeasible)
                                         : SolveStatus::TimeLimit;
  result.stats.proved_by = outcome.finished ? run.method : ProofMethod::None;
  finish_stats(result.stats, clock.elapsed() - run.excluded_seconds);
  return result;
}

}  // namespace guarantor::plan
