#pragma once
// Lagrangian branch-and-bound on the sites of the multi-source CFLP (the scheme of the p-median
// core, p_median_branch.hpp, after Beasley 1993): a node holds some sites open and some closed;
// its bound is the Lagrangian dual of the demand rows (cflp_lagrangian.hpp) re-solved by a short
// subgradient ascent warm-started from the parent's multipliers; sites are fixed by reduced cost
// at every node; the relaxed open set of every node is repaired and priced (a Lagrangian
// heuristic). The search is depth first, the child of lower bound first.
#include <cstddef>
#include <vector>

#include "cflp_lagrangian.hpp"
#include "cflp_search.hpp"
#include "guarantor/plan/facility_location.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

/// How a site branch-and-bound run ended.
struct CflpBranchOutcome {
  bool finished = false;  ///< the whole tree was explored: the incumbent is optimal
  double bound = 0;       ///< lower bound on the optimum (the incumbent when finished)
  std::size_t nodes = 0;  ///< nodes whose dual was solved
  std::size_t iterations = 0;  ///< subgradient iterations over all nodes (the unit of work)
};

/// Explores the tree whose root holds the sites `root_fixed` (+1 open, −1 closed, 0 free) from
/// the multipliers `root_multipliers`, whose bound over that root is `root_bound`. Improves the
/// incumbent in `search`; every solution better than the incumbent must respect `root_fixed`.
/// Stops after `node_limit` nodes (counted work: the same inputs give the same tree) or at the
/// clock's limit, returning the least bound among the nodes left.
CflpBranchOutcome cflp_branch_and_bound(const FacilityLocationInstance& instance, CflpLagrangian& lagrangian,
                                        CflpSearch& search, std::vector<signed char> root_fixed,
                                        std::vector<double> root_multipliers, double root_bound,
                                        std::size_t node_limit, const Stopwatch& clock);

}  // namespace guarantor::plan::detail
