#pragma once
// Depth-first branch-and-bound on the GAP's Lagrangian bound (Ross & Soland 1975; Fisher,
// Jaikumar & Van Wassenhove 1986). A node fixes some jobs to agents and forbids some pairs; its
// bound is the knapsack relaxation re-optimised by a short subgradient run warm-started from the
// parent's multipliers. Reduced-cost fixing at every node forbids the pairs that cannot be in a
// better solution. Branching takes a job the relaxation leaves unassigned or gives to several
// agents: first child fixes it to its cheapest candidate agent, second forbids that pair.
#include <cstdint>
#include <functional>
#include <vector>

#include "gap_lagrangian.hpp"
#include "gap_search.hpp"

namespace guarantor::plan::detail {

struct BranchOutcome {
  bool finished = false;  ///< the tree was exhausted: the incumbent (if any) is optimal
  double bound = -1e300;  ///< least bound over the unexplored nodes when not finished
  std::uint64_t nodes = 0;
};

/// Explores from the root restriction (pairs in `removed` already forbidden) with the root's
/// multipliers and bound. Improving solutions go to `search`. Stops after `node_limit` nodes or
/// when `stop()` says so. `aim_at_threshold`: the nodes' subgradient steps aim just past
/// `threshold()` rather than at the incumbent (see SubgradientParams). `node_iterations`: the
/// subgradient iterations of a node's dual (0: the default, 15).
BranchOutcome gap_branch_and_bound(const GapInstance& instance, GapLagrangian& lagrangian, GapSearch& search,
                                   const std::vector<char>& removed, const std::vector<double>& root_multipliers,
                                   double root_bound, std::uint64_t node_limit,
                                   const std::function<double()>& threshold, const std::function<bool()>& stop,
                                   bool aim_at_threshold, int node_iterations = 0);

}  // namespace guarantor::plan::detail
