#include "sscflp_levels.hpp"

#include <algorithm>
#include <cmath>

#include "milp.hpp"
#include "objective_step.hpp"
#include "sscflp_model.hpp"

namespace guarantor::plan::detail {

namespace {

// Bisection steps for a level when costs are not integral.
constexpr int FRACTIONAL_BISECTIONS = 30;

}  // namespace

LevelOutcome raise_bound_by_levels(const FacilityLocationInstance& instance, SscflpLagrangian& lagrangian,
                                   const std::vector<double>& multipliers, SscflpSearch& search,
                                   const LevelSettings& settings, const Stopwatch& clock,
                                   const std::function<bool()>& stop) {
  LevelOutcome outcome;
  outcome.bound = settings.bound;
  // Levels are bisected between the bound and the incumbent, so both must be finite.
  if (!std::isfinite(outcome.bound)) return outcome;
  // Every site's knapsack exact at the multipliers: the fixing below prices each pair from it,
  // and each level's model gets the sites' Lagrangian cuts from it.
  lagrangian.evaluate_with_large_tables(multipliers);
  const std::vector<double> reduced_costs = lagrangian.reduced_costs();
  std::vector<signed char> site_fixed;
  std::vector<char> pair_removed;
  auto model_at = [&](double level) {
    lagrangian.mark_fixings(multipliers, improvement_threshold(level, settings.step), site_fixed, pair_removed);
    return build_sscflp_model(instance, site_fixed, pair_removed, true);
  };
  auto target_columns = static_cast<double>(settings.first_columns);
  while (search.has_solution() && !stop()) {
    const double incumbent = search.best_cost();
    if (bound_excludes(outcome.bound, improvement_threshold(incumbent, settings.step))) {
      outcome.optimal = true;
      break;
    }
    // The highest level up to the incumbent whose reduced model stays within the target; at
    // least one step above the bound, so every proof gains.
    double low = outcome.bound, high = incumbent;
    if (model_at(high).model.column_count() > target_columns) {
      if (settings.step > 0) {
        while (high - low > settings.step) {
          const double middle = std::floor((low + high) / 2);
          (model_at(middle).model.column_count() <= target_columns ? low : high) = middle;
        }
        high = std::max(low, outcome.bound + settings.step);
      } else {
        for (int bisection = 0; bisection < FRACTIONAL_BISECTIONS; ++bisection) {
          const double middle = (low + high) / 2;
          (model_at(middle).model.column_count() <= target_columns ? low : high) = middle;
        }
        high = low > outcome.bound ? low : high;
      }
    }
    const double level = high;
    SscflpModel reduced = model_at(level);
    if (reduced.model.column_count() > settings.column_limit) break;
    outcome.columns = reduced.model.column_count();
    if (reduced.customer_without_pair) {
      // No solution below the level exists at all.
      outcome.bound = level, ++outcome.levels;
      continue;
    }
    // CBC's LP on the level's model starts below the Lagrangian bound (55073 against 55199 on
    // 200 × 1000 seed 1); each site's Lagrangian cut lifts it to that bound, so the proof has
    // only the distance from the bound to the level to close. The
    // dense cut rows slow every node, though, and pay only where that lift is large against the
    // distance left (see LAGRANGIAN_CUT_RATIO).
    if (const LpOutcome lp = solve_lp(reduced.model);
        lp.optimal && settings.bound - lp.objective >= settings.cut_ratio * (level - settings.bound)) {
      add_lagrangian_site_cuts(instance, reduced, multipliers, reduced_costs);
    }
    MilpParams params;
    params.time_limit_s = clock.remaining();
    params.solve_limit_s = settings.solve_limit_s;
    params.cutoff = improvement_threshold(level, settings.step);
    params.node_limit = settings.node_limit;
    // A level is mostly a proof that nothing lies below it, where a heuristic finds nothing: with
    // CBC's heuristics off, 100 × 500 seed 1's levels of 3,329, 5,028 and 7,519 columns took 3.0,
    // 4.4 and 5.3 s instead of 4.2, 7.2 and 9.4 s, and 200 × 1000 seed 2's of 3,482 22 s instead of
    // 28 s. A solution below the level is still found at the tree's nodes.
    params.heuristics = false;
    // CBC's own cuts slow the proofs: with the Lagrangian cuts they lift the root by less than 1,
    // and 200 × 1000 seed 2's level of 3,482 columns took 5.2–8.3 s without them, 15.9 s with
    // them; without the Lagrangian cuts 100 × 500 seed 1's of 5,028 took 2.0–2.8 s, 4.4 s with.
    params.cuts = false;
    // The site columns first: with them branched on before the pairs (CBC's preprocessing off,
    // which would drop the order), 200 × 1000 seed 2's levels of 3,482, 5,227 and 7,813 columns
    // took 1.3, 9.3 and 24.1 s instead of 7.7 s, over 30 s and over 132 s; 100 × 500 seed 1's
    // levels (without the Lagrangian cuts past the first) took the same time either way.
    params.branch_first_columns = reduced.model.column_count() - reduced.pair.size();
    const MilpOutcome milp = solve_milp(reduced.model, params);
    if (milp.has_solution) {
      search.adopt(read_sscflp_solution(instance, reduced, milp.values), settings.move_budget, stop);
    }
    if (!milp.finished) {
      // Every solution below the level lies in the reduced model, so CBC's bound there holds
      // for them; the others cost at least the level.
      outcome.bound = std::max(outcome.bound, std::min(milp.bound, level));
      outcome.out_of_time = true;
      break;
    }
    if (milp.has_solution) {
      // CBC searched every solution below the level and found the best of them.
      outcome.optimal = true;
      break;
    }
    outcome.bound = level, ++outcome.levels;
    target_columns = std::max(target_columns, static_cast<double>(outcome.columns)) * LEVEL_GROWTH;
  }
  return outcome;
}

}  // namespace guarantor::plan::detail
