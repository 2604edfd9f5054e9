#pragma once
// Subgradient optimisation of the GAP Lagrangian dual (Held, Wolfe & Crowder 1974, with the
// Polyak step towards the incumbent used for the GAP by Fisher, Jaikumar & Van Wassenhove 1986),
// shared by the root and every branch-and-bound node. Relaxed solutions are repaired into
// assignments by the search every few iterations (a Lagrangian heuristic).
#include <functional>
#include <vector>

#include "gap_lagrangian.hpp"
#include "gap_search.hpp"

namespace guarantor::plan::detail {

struct SubgradientParams {
  int max_iterations = 1000;
  double start_factor = 2.0;  ///< step factor; halved after `patience` iterations without a better bound
  int patience = 20;
  double min_factor = 1e-3;   ///< stop below this factor
  int repair_every = 5;       ///< repair the relaxed solution every this many iterations (0: never)
  /// Polyak target just above threshold() (when that is below the incumbent) instead of the
  /// incumbent: for a tree that prunes at a target well below it, whose steps would else be
  /// sized by the distance to the incumbent and overshoot.
  bool aim_at_threshold = false;
  /// When > 0: the Polyak target lies at most this share of the best bound above it, for a dual
  /// started near its optimum while the incumbent may still be far above.
  double target_gap_cap = 0;
  /// The cap applies only while the incumbent lies more than this share of the bound above it.
  double far_incumbent = 0;
};

struct DualOutcome {
  double bound = -1e300;             ///< best L(u) found
  std::vector<double> multipliers;   ///< where it was found
  bool attained = false;             ///< the relaxed solution was an assignment of cost L: the node is solved
  int iterations = 0;
};

/// Maximises L(u) under `restriction` from `start`. `threshold()` is the cost a strictly better
/// solution must not exceed; the loop stops once the bound passes it, or when `stop()` says so.
DualOutcome maximise_dual(const GapInstance& instance, GapLagrangian& lagrangian, const GapRestriction& restriction,
                          GapSearch& search, std::vector<double> start, const SubgradientParams& params,
                          const std::function<double()>& threshold, const std::function<bool()>& stop);

/// Each job's second-cheapest cost (its cheapest when only one agent can take it).
std::vector<double> initial_multipliers(const GapInstance& instance);

}  // namespace guarantor::plan::detail
