#pragma once
// Lagrangian branch-and-bound on the sites of a capacitated facility-location problem (the scheme
// of the p-median core, p_median_branch.hpp, after Beasley 1993), shared by the multi-source core
// (cflp_lagrangian.hpp, open sets priced by a transportation LP) and the single-source core
// (sscflp_lagrangian.hpp, open sets priced by a GAP solve; Holmberg, Rönnqvist & Yuan 1999): a
// node holds some sites open and some closed; its bound is the Lagrangian dual of the customers'
// rows re-solved by a short subgradient ascent warm-started from the parent's multipliers; sites
// are fixed by reduced cost at every node; the relaxed open set of every node is repaired and
// priced (a Lagrangian heuristic). The search is depth first, the child of lower bound first, or
// best first (least bound) with a dive every few nodes.
#include <cstddef>
#include <limits>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "site_dual.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

/// How a site branch-and-bound run ended.
struct CflpBranchOutcome {
  bool finished = false;  ///< the whole tree was explored: the incumbent is optimal
  double bound = 0;       ///< lower bound on the optimum (the incumbent when finished)
  std::size_t nodes = 0;  ///< nodes whose dual was solved
  std::size_t iterations = 0;  ///< subgradient iterations over all nodes (the unit of work)
  std::size_t peak_open_nodes = 0;  ///< most nodes held open (waiting) at once
  std::size_t peak_open_bytes = 0;  ///< their memory: sites' fixings and customers' multipliers
};

/// Order in which the tree takes its open nodes.
enum class CflpNodeOrder {
  DepthFirst,          ///< the child of lower bound first; few nodes held open
  BestFirstWithDives,  ///< the least bound first, every few nodes a dive to a leaf
};

/// Explores the tree whose root holds the sites `root_fixed` (+1 open, −1 closed, 0 free) from
/// the multipliers `root_multipliers`, whose bound over that root is `root_bound`. Improves the
/// incumbent in `search`; every solution better than the incumbent must respect `root_fixed`.
/// Stops after `node_limit` nodes or once its nodes' duals have taken `iteration_limit`
/// subgradient iterations (counted work: the same inputs give the same tree) or at the clock's
/// limit, returning the least bound among the nodes left. Node order and ties depend on bounds
/// and counts only, never on the clock.
CflpBranchOutcome cflp_branch_and_bound(const FacilityLocationInstance& instance, SiteDual& lagrangian,
                                        SiteIncumbent& search, std::vector<signed char> root_fixed,
                                        std::vector<double> root_multipliers, double root_bound, std::size_t node_limit,
                                        const Stopwatch& clock,
                                        std::size_t iteration_limit = std::numeric_limits<std::size_t>::max(),
                                        CflpNodeOrder order = CflpNodeOrder::DepthFirst);

}  // namespace guarantor::plan::detail
