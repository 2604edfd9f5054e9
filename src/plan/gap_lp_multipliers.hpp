#pragma once
// Starting multipliers for the GAP Lagrangian dual from the LP relaxation: the optimal duals u*
// of the assignment rows Σ_a x_aj = 1. Relaxing each agent's knapsack to its LP turns L into the
// LP's own Lagrangian, whose maximum z_LP is reached at u*; the integral knapsacks can only take
// less profit, so L(u*) >= z_LP. On tight, correlated instances (type D) the subgradient method
// started from each job's second-cheapest cost needs hundreds of iterations of m knapsacks over
// n jobs to get there (at 80 × 1600 it did not within a minute); the LP needs one dual simplex.
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// The LP relaxation's optimal dual value of each job's assignment row (minimisation form), or
/// an empty vector when Clp does not prove the LP optimal within `time_limit_s` wall seconds or
/// some job has no agent it fits.
std::vector<double> lp_multipliers(const GapInstance& instance, double time_limit_s);

}  // namespace guarantor::plan::detail
