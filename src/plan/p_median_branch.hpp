#pragma once
// Lagrangian branch-and-bound for the p-median (Beasley 1993; Senne & Lorena): branch on a site
// open / closed; at every node re-solve the Lagrangian dual of the assignment rows by subgradient
// optimisation warm-started from the parent's multipliers, prune when the bound passes the best
// cost an improving solution could have, and fix sites open or closed by reduced cost.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "guarantor/plan/p_median.hpp"
#include "p_median_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

/// How a branch-and-bound run ended.
struct BranchOutcome {
  bool finished = false;  ///< the whole tree was explored: the incumbent is optimal
  double bound = 0;       ///< lower bound on the optimum (equals the incumbent when finished)
  std::size_t nodes = 0;  ///< nodes whose Lagrangian dual was solved
  std::size_t iterations = 0;  ///< subgradient iterations over all nodes (the unit of work)
};

/// Explores the tree from the root multipliers `multiplier` (one per customer), improving
/// `open`/`cost` in place (each node's relaxed sites seed a swap descent when promising).
/// `step` is the objective's resolution (see objective_step.hpp). Stops at the time limit or after
/// `node_limit` nodes, returning the best bound proven so far.
BranchOutcome p_median_branch_and_bound(const PMedianInstance& instance, const SwapSearch& search,
                                        std::vector<std::size_t>& open, double& cost,
                                        std::vector<double> multiplier, double step, std::size_t node_limit,
                                        const Stopwatch& clock);

}  // namespace guarantor::plan::detail
