// solve_single_source_facility_location: local search from every site open (or the roomiest
// `count`) → Lagrangian dual of the assignment rows by subgradient, repairing the relaxed open
// sets into assignments (a Lagrangian heuristic) → the bound at the best multipliers with exact
// knapsacks → descent over one-site moves from the incumbent's set, ranked by that bound and
// priced by GAP solves → parts of a few nearby sites and their customers re-solved exactly by
// CBC (sscflp_neighbourhood.hpp) → (reduced model at the incumbent larger than a first level)
// levels between the bound and the incumbent, each proven by CBC on the smaller model its fixing
// leaves (sscflp_levels.hpp) → branch-and-bound on the sites with this dual at every node, the
// open sets it settles priced by a GAP solve (Holmberg, Rönnqvist & Yuan 1999) → (node budget
// spent) reduced-cost fixing of sites and pairs and CBC on the reduced MILP with the incumbent as
// cutoff, until proven or out of time.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "cflp_branch.hpp"
#include "facility_capacity.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "site_descent.hpp"
#include "sscflp_lagrangian.hpp"
#include "sscflp_levels.hpp"
#include "sscflp_model.hpp"
#include "sscflp_neighbourhood.hpp"
#include "sscflp_search.hpp"
#include "sscflp_set_pricer.hpp"
#include "stopwatch.hpp"
#include "textbook_milp.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Subgradient settings as for the GAP dual (Fisher et al. 1986): step factor 2, halved after 20
// iterations without a better bound, stopped below 1e-3.
constexpr double START_FACTOR = 2.0;
constexpr int PATIENCE = 20;
constexpr double MIN_FACTOR = 1e-3;
// The relaxed open set is repaired into an assignment every this many iterations (when new).
constexpr int REPAIR_EVERY = 10;
// Local-search moves per repair: this many per customer-site pair, so work grows with the size.
constexpr std::uint64_t MOVES_PER_PAIR = 20;
// Largest reduced MILP handed to CBC: its root (LP and cut rounds, where its event handler is
// not called) took 26 s past a 60 s limit on a 66,000-column model of capa (8000).
constexpr std::size_t EXACT_COLUMN_LIMIT = 20000;
// CBC nodes in deterministic mode when SolveOptions::exact_nodes is 0.
constexpr std::uint64_t DEFAULT_EXACT_NODES = 20000;
// Site branch-and-bound nodes when SolveOptions::exact_nodes is 0 (a count, so the tree is the
// same on a loaded machine; the clock stops it only as a last resort): the whole search after
// the levels, when the reduced model was larger than a first level; when CBC can take it whole,
// a first pass of as much dual work as the root's, since each node re-solves up to 60 rounds of
// knapsacks (whose tables are large on cap64, capacity 15,000) while CBC proves such reduced
// models of a few hundred columns in seconds and lifted the bound of 50 × 200 (7,000 columns)
// further than the tree in a minute.
constexpr std::uint64_t DEFAULT_BRANCH_NODES = 20000;
// The first pass may spend this many times the root dual's subgradient iterations.
constexpr std::size_t TREE_SHARE_BEFORE_CBC = 1;
// Descent over site moves after the root dual (site_descent.hpp): open sets priced per pass (the
// cheapest by Lagrangian bound, each a GAP solve with the incumbent as cutoff) and passes at most.
constexpr std::size_t DESCENT_SETS_PER_PASS = 30;
constexpr int DESCENT_PASSES = 10;
// Very large neighbourhood step after the descent (sscflp_neighbourhood.hpp): sites per part (a
// seed and its nearest) and CBC's limits per part. Parts of 10 sites (100 × 500) were solved in
// under 0.01 s each and never improved; parts of 30 took about 0.5 s each and lowered the
// incumbent. The limits only bound outliers.
constexpr std::size_t PART_SITES = 30;
constexpr double PART_LIMIT_S = 2.0;
constexpr std::uint64_t PART_NODES = 2000;
// The step may use this share of the time left after the descent; the rest is the levels' (or
// the tree's), which raise the bound.
constexpr double NEIGHBOURHOOD_SHARE = 0.5;

// Any feasible solution costs at most every fixed cost plus each customer's dearest site: a
// Lagrangian bound above it proves the instance infeasible.
double cost_ceiling(const FacilityLocationInstance& instance) {
  double total = 0;
  for (std::size_t site = 0; site < instance.site_count(); ++site) total += instance.fixed_cost(site);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    double dearest = 0;
    for (std::size_t site = 0; site < instance.site_count(); ++site)
      dearest = std::max(dearest, instance.allocation_cost(customer, site));
    total += dearest;
  }
  return total;
}

// Cheap proofs of infeasibility: too few sites for the count, too little capacity in the
// roomiest admissible set of sites, or a customer no site can hold.
bool plainly_infeasible(const FacilityLocationInstance& instance) {
  if (instance.site_count() == 0) return instance.customer_count() > 0;
  if (detail::demand_exceeds_usable_capacity(instance)) return true;
  const double largest = detail::largest_capacity(instance);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer)
    if (instance.demand(customer) > largest) return true;
  return false;
}

// Each customer's cheapest cost including its demand's share of a site's fixed cost.
std::vector<double> initial_multipliers(const FacilityLocationInstance& instance) {
  std::vector<double> multipliers(instance.customer_count(), 0.0);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    double best = INF;
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      if (instance.demand(customer) > instance.capacity(site)) continue;
      const double share = instance.capacity(site) > 0 ? instance.demand(customer) / instance.capacity(site) : 1.0;
      best = std::min(best, instance.allocation_cost(customer, site) + share * instance.fixed_cost(site));
    }
    multipliers[customer] = best;
  }
  return multipliers;
}

double cost_step(const FacilityLocationInstance& instance) {
  std::vector<double> costs;
  for (std::size_t site = 0; site < instance.site_count(); ++site) costs.push_back(instance.fixed_cost(site));
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer)
    for (std::size_t site = 0; site < instance.site_count(); ++site) costs.push_back(instance.allocation_cost(customer, site));
  return detail::objective_step(costs);
}

}  // namespace

SingleSourceResult solve_single_source_facility_location(const FacilityLocationInstance& instance,
                                                         const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  SingleSourceResult result;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  detail::SscflpSearch search(instance);
  auto finish = [&](SolveStatus status, ProofMethod method) {
    if (status == SolveStatus::Infeasible) {
      result.stats.bound = INF;
    } else if (search.has_solution()) {
      result.solution = search.best(), result.stats.objective = search.best_cost();
      if (status == SolveStatus::Optimal) result.stats.bound = result.stats.objective;
    }
    result.stats.status = status;
    result.stats.proved_by = method;
    finish_stats(result.stats, clock.elapsed());
    return result;
  };
  if (plainly_infeasible(instance)) return finish(SolveStatus::Infeasible, ProofMethod::Trivial);
  auto stop = [&] { return clock.expired(); };
  const std::uint64_t move_budget = MOVES_PER_PAIR * std::max<std::size_t>(1, sites * customers);

  // Start: every site open (the search closes the ones that do not pay), or the roomiest count.
  std::vector<char> open(sites, 1);
  if (const auto count = instance.open_count()) {
    std::vector<std::size_t> order(sites);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return instance.capacity(a) > instance.capacity(b); });
    open.assign(sites, 0);
    for (std::size_t pos = 0; pos < *count; ++pos) open[order[pos]] = 1;
  }
  search.build(open, move_budget, stop);
  result.stats.phases.heuristic = clock.elapsed();

  const double step = cost_step(instance), ceiling = cost_ceiling(instance);
  auto threshold = [&] {
    return search.has_solution() ? detail::improvement_threshold(search.best_cost(), step) : ceiling;
  };
  auto rounded = [&](double bound) { return step > 0 ? std::ceil(bound - 1e-6) : bound; };
  auto proven = [&] { return detail::bound_excludes(result.stats.bound, threshold()); };

  detail::SscflpLagrangian lagrangian(instance);
  std::vector<double> multipliers = initial_multipliers(instance), best_multipliers = multipliers, gradient(customers);
  std::set<std::vector<char>> repaired;
  double factor = START_FACTOR, best = -INF, repair_seconds = 0;
  int stalled = 0;
  std::size_t root_iterations = 0;
  for (int iteration = 0; iteration < options.subgradient_iterations && factor >= MIN_FACTOR && !stop(); ++iteration) {
    ++root_iterations;
    const double value = lagrangian.evaluate(multipliers);
    if (value > best) {
      best = value, best_multipliers = multipliers, stalled = 0;
      result.stats.bound = std::max(result.stats.bound, rounded(value));
    } else if (++stalled >= PATIENCE) {
      factor /= 2, stalled = 0;
    }
    if (!search.has_solution() && detail::bound_excludes(value, ceiling)) {
      return finish(SolveStatus::Infeasible, ProofMethod::LagrangianBound);
    }
    if (search.has_solution() && proven()) break;
    double norm = 0;
    lagrangian.subgradient(gradient);
    for (double g : gradient) norm += g * g;
    if (iteration % REPAIR_EVERY == 0 || norm == 0) {
      std::vector<char> relaxed_open(sites, 0);
      for (std::size_t site = 0; site < sites; ++site) relaxed_open[site] = lagrangian.open()[site] > 0 ? 1 : 0;
      if (repaired.insert(relaxed_open).second) {
        const double start = clock.elapsed();
        search.build(relaxed_open, move_budget, stop);
        repair_seconds += clock.elapsed() - start;
      }
    }
    // A zero subgradient with an integral y is a single-source solution of cost L(u): optimal.
    if (norm == 0) {
      if (search.has_solution() && proven()) break;
      continue;
    }
    const double target = search.has_solution() ? search.best_cost() : ceiling;
    const double length = factor * std::max(target - value, 1e-9 * std::max(1.0, std::abs(target))) / norm;
    for (std::size_t customer = 0; customer < customers; ++customer) multipliers[customer] += length * gradient[customer];
  }
  // The bound and the fixing at the best multipliers, with exact knapsacks where they fit.
  const double final_value = lagrangian.evaluate_with_large_tables(best_multipliers);
  result.stats.bound = std::max(result.stats.bound, rounded(final_value));
  if (search.has_solution()) result.stats.bound = std::min(result.stats.bound, search.best_cost());
  result.stats.phases.heuristic += repair_seconds;
  result.stats.phases.bound = clock.elapsed() - result.stats.phases.heuristic;
  if (!search.has_solution() && detail::bound_excludes(final_value, ceiling)) {
    return finish(SolveStatus::Infeasible, ProofMethod::LagrangianBound);
  }
  // Open sets priced by a GAP solve each (customers as jobs, the open sites as agents), seeking
  // only an assignment that beats the incumbent; the tree below prices its sets the same way.
  detail::SscflpSetPricer pricer(instance, search, lagrangian, move_budget, clock);
  // Descent over one-site moves from the incumbent's set, ranked by their Lagrangian bound at the
  // best multipliers (every site's knapsack exact in the evaluation above): the local search
  // moves one site at a time with a greedy reassignment, the GAP reassigns every customer.
  if (search.has_solution() && !proven() && std::isfinite(final_value)) {
    const double start = clock.elapsed();
    // The incumbent's own set first: the local search left its assignment, the GAP may better it.
    pricer.offer(search.best().open_sites);
    detail::descend_by_site_moves(instance, pricer, lagrangian.reduced_costs(), lagrangian.multiplier_sum(),
                                  DESCENT_SETS_PER_PASS, DESCENT_PASSES, stop);
    result.stats.phases.heuristic += clock.elapsed() - start;
  }
  if (search.has_solution() && !proven()) {
    const double start = clock.elapsed();
    detail::NeighbourhoodSettings settings;
    settings.sites = PART_SITES, settings.step = step, settings.move_budget = move_budget;
    settings.part_limit_s = PART_LIMIT_S;
    // In deterministic mode counts bound the step (CBC's nodes per part, the rounds ending when
    // one improves nothing) and the clock only as the last resort, as everywhere else.
    double until = start + NEIGHBOURHOOD_SHARE * clock.remaining();
    if (options.deterministic)
      settings.part_nodes = PART_NODES, settings.part_limit_s = options.time_limit_s, until = INF;
    detail::improve_by_parts(instance, search, settings, clock, [&] { return stop() || clock.elapsed() >= until; });
    result.stats.phases.heuristic += clock.elapsed() - start;
  }
  if (search.has_solution() && proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBound);
  if (!options.exact || stop()) {
    const SolveStatus status = options.exact || !search.has_solution() ? SolveStatus::TimeLimit : SolveStatus::Feasible;
    return finish(status, ProofMethod::LagrangianBound);
  }

  // Reduced-cost fixing of sites and pairs at the root multipliers, for CBC.
  auto reduce = [&] {
    lagrangian.evaluate_with_large_tables(best_multipliers);
    std::vector<signed char> site_fixed;
    std::vector<char> pair_removed;
    lagrangian.mark_fixings(best_multipliers, threshold(), site_fixed, pair_removed);
    return detail::build_sscflp_model(instance, site_fixed, pair_removed, true);
  };
  // Only a reduced model of the first level's size goes to the tree's first pass and then CBC
  // whole; a larger one is proven level by level. A better incumbent from the neighbourhood step
  // brought 100 × 500 seed 1's model to 19,740 columns, under the CBC limit, where the tree's 11
  // nodes and an unfinished CBC left the root bound (35028) instead of the levels' 35109.
  const bool cbc_can_follow = reduce().model.column_count() <= detail::FIRST_LEVEL_COLUMNS;
  if (!cbc_can_follow) {
    // The reduced model at the incumbent is larger than a first level: prove levels between the
    // bound and the incumbent instead, each on the smaller model its own fixing leaves.
    detail::LevelSettings settings;
    settings.bound = result.stats.bound, settings.step = step, settings.move_budget = move_budget;
    if (options.deterministic)
      settings.node_limit = options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_EXACT_NODES;
    settings.solve_limit_s = options.time_limit_s, settings.column_limit = EXACT_COLUMN_LIMIT;
    const detail::LevelOutcome levels =
        detail::raise_bound_by_levels(instance, lagrangian, best_multipliers, search, settings, clock, stop);
    result.stats.exact_columns = levels.columns;
    if (search.has_solution()) {
      result.stats.bound = std::max(result.stats.bound, std::min(rounded(levels.bound), search.best_cost()));
    }
    if (levels.optimal || (search.has_solution() && proven())) {
      return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
    }
    if (levels.out_of_time || stop()) return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianReductionCbc);
  }

  // Branch-and-bound on the sites, the open sets it settles priced by a GAP solve: a short
  // first pass when CBC can take the reduced model after it, else until the limit.
  const std::uint64_t tree_nodes = options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_BRANCH_NODES;
  const std::size_t tree_iterations = cbc_can_follow ? TREE_SHARE_BEFORE_CBC * std::max<std::size_t>(root_iterations, 1)
                                                     : std::numeric_limits<std::size_t>::max();
  const detail::CflpBranchOutcome tree =
      detail::cflp_branch_and_bound(instance, lagrangian, pricer, {}, best_multipliers, result.stats.bound, tree_nodes,
                                    clock, tree_iterations, detail::CflpNodeOrder::BestFirstWithDives);
  result.tree = {tree.nodes, tree.peak_open_nodes, tree.peak_open_bytes};
  if (tree.finished) {
    if (!search.has_solution()) return finish(SolveStatus::Infeasible, ProofMethod::LagrangianBranchAndBound);
    return finish(SolveStatus::Optimal, ProofMethod::LagrangianBranchAndBound);
  }
  if (search.has_solution()) {
    result.stats.bound = std::max(result.stats.bound, std::min(rounded(tree.bound), search.best_cost()));
  }
  if (search.has_solution() && proven()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianBranchAndBound);
  if (stop() || !cbc_can_follow) return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianBranchAndBound);

  // Node budget spent with time left: CBC on the model the root fixing leaves at the (possibly
  // better) incumbent.
  const detail::SscflpModel reduced = reduce();
  result.stats.exact_columns = reduced.model.column_count();
  if (reduced.customer_without_pair) {
    // No solution below the threshold exists: the incumbent is optimal, or there is none.
    if (search.has_solution()) return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
    return finish(SolveStatus::Infeasible, ProofMethod::LagrangianReductionCbc);
  }
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  params.cutoff = threshold();
  if (options.deterministic) params.node_limit = options.exact_nodes > 0 ? options.exact_nodes : DEFAULT_EXACT_NODES;
  const detail::MilpOutcome outcome = detail::solve_milp(reduced.model, params);
  if (outcome.has_solution) {
    search.adopt(detail::read_sscflp_solution(instance, reduced, outcome.values), move_budget, stop);
  }
  if (outcome.finished) {
    if (!search.has_solution()) return finish(SolveStatus::Infeasible, ProofMethod::LagrangianReductionCbc);
    return finish(SolveStatus::Optimal, ProofMethod::LagrangianReductionCbc);
  }
  // Every solution better than the incumbent lies in the reduced model, so CBC's bound there
  // bounds them too.
  if (search.has_solution()) {
    result.stats.bound = std::max(result.stats.bound, std::min(rounded(outcome.bound), search.best_cost()));
  }
  return finish(SolveStatus::TimeLimit, ProofMethod::LagrangianReductionCbc);
}

SingleSourceResult solve_single_source_textbook_milp(const FacilityLocationInstance& instance,
                                                     const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  SingleSourceResult result;
  const detail::SscflpModel model = detail::build_sscflp_model(instance, {}, {}, false);
  result.stats.exact_columns = model.model.column_count();
  double excluded_seconds = 0;  // an external solver's process start-up
  if (model.customer_without_pair) {
    result.stats.status = SolveStatus::Infeasible;
    result.stats.proved_by = ProofMethod::Trivial;
  } else {
    detail::MilpParams params;
    params.time_limit_s = clock.remaining();  // building the model counts against the limit
    params.solve_limit_s = options.time_limit_s;
    if (options.deterministic && options.exact_nodes > 0) params.node_limit = options.exact_nodes;
    const detail::TextbookRun run = detail::run_textbook_milp(model.model, params, options);
    const detail::MilpOutcome& outcome = run.outcome;
    excluded_seconds = run.excluded_seconds;
    if (outcome.has_solution) {
      result.solution = detail::read_sscflp_solution(instance, model, outcome.values);
      result.stats.objective = single_source_cost(instance, result.solution);
    }
    result.stats.bound = std::min(outcome.bound, result.stats.objective);
    result.stats.status = outcome.finished ? (outcome.has_solution ? SolveStatus::Optimal : SolveStatus::Infeasible)
                                           : SolveStatus::TimeLimit;
    result.stats.proved_by = outcome.finished ? run.method : ProofMethod::None;
  }
  if (result.stats.status == SolveStatus::Infeasible) result.solution = {}, result.stats.bound = INF;
  finish_stats(result.stats, clock.elapsed() - excluded_seconds);
  result.stats.phases.exact = result.stats.wall_seconds;
  return result;
}

}  // namespace guarantor::plan
