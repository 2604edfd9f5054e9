#pragma once
// Starting multipliers for the GAP Lagrangian dual from the LP relaxation: the optimal duals u*
// of the assignment rows Σ_a x_aj = 1. Relaxing each agent's knapsack to its LP turns L into the
// LP's own Lagrangian, whose maximum z_LP is reached at u*; the integral knapsacks can only take
// less profit, so L(u*) >= z_LP. On tight, correlated instances (type D) the subgradient method
// started from each job's second-cheapest cost needs hundreds of iterations of m knapsacks over
// n jobs to get there (at 80 × 1600 it did not within a minute); the LP needs one dual simplex.
// The same solve prices each agent's capacity (the duals of the capacity rows), which ranks the
// agents for a job by c_aj + v_a · r_aj: the primal search's candidate lists (gap_candidates.hpp).
// Its primal solution splits at most m jobs (a basic solution has at most n + m positive
// columns), so giving each job its largest share overloads a few agents by a little at a cost near
// the LP bound: where the penalised search (gap_penalty.hpp) starts on tight instances.
#include <cstddef>
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// The LP relaxation's duals (minimisation form); both empty when Clp does not prove the LP
/// optimal within the time limit or some job has no agent it fits.
struct LpDuals {
  std::vector<double> job;       ///< per job: the dual of its assignment row
  std::vector<double> capacity;  ///< per agent: the price v_a >= 0 of a unit of its capacity
  std::vector<std::size_t> rounded;  ///< per job: the agent with its largest LP share (may overload agents)
};

/// Solves the LP relaxation within `time_limit_s` wall seconds and returns its duals and rounding.
LpDuals lp_duals(const GapInstance& instance, double time_limit_s);

}  // namespace guarantor::plan::detail
