#pragma once
// Lagrangian relaxation of the p-median assignment rows (sum_s x_cs = 1, multipliers u_c), solved
// by subgradient optimisation (Beasley 1993). For fixed u the relaxation splits by site:
//   L(u) = sum_c u_c + (sum of the p smallest rho_s),  rho_s = sum_c min(0, cost_cs - u_c),
// a valid lower bound for every u. The same quantities drive variable fixing.
#include <cstddef>
#include <vector>

#include "guarantor/plan/p_median.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

/// The best multipliers found and the relaxation's solution at them.
struct PMedianLagrangian {
  double bound = 0;                          ///< L(u) at the best u
  std::vector<double> multiplier;            ///< u_c
  std::vector<double> site_reduced_cost;     ///< rho_s at u
  std::vector<char> in_relaxed_solution;     ///< the p sites of least rho
  double largest_chosen_rho = 0;             ///< max rho over the chosen p sites
  double next_rho = 0;                       ///< (p+1)-th smallest rho; +inf when p = sites
  int iterations = 0;
};

/// Runs the subgradient method from multipliers set to each customer's cost in `incumbent`.
/// Improves `incumbent` in place with a Lagrangian heuristic (local search from the relaxed
/// solution). Stops when the bound exceeds `threshold` (no better solution exists), the step
/// becomes negligible, the iteration cap or the time limit is reached.
PMedianLagrangian p_median_subgradient(const PMedianInstance& instance, PMedianSolution& incumbent,
                                       double& incumbent_cost, double step, const SolveOptions& options,
                                       const Stopwatch& clock);

/// Evaluates L(u) and its relaxed solution for the given multipliers.
PMedianLagrangian p_median_relaxation(const PMedianInstance& instance, std::vector<double> multiplier);

}  // namespace guarantor::plan::detail
