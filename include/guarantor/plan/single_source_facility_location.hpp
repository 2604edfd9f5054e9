#pragma once
// Capacitated facility location with single sourcing (SSCFLP; Neebe & Rao 1983, Pirkul 1987,
// Holmberg, Rönnqvist & Yuan 1999): open sites at a fixed cost and serve each customer's whole
// demand from exactly one open site, within every site's capacity, at least fixed plus
// allocation cost. The natural rule for a hub's area of responsibility: each demand point
// answers to one hub. Uses the same instance as the multi-source problem.
#include <cstddef>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/solve_result.hpp"

namespace guarantor::plan {

/// Open sites (ascending) and the one site serving each customer.
struct SingleSourceSolution {
  std::vector<std::size_t> open_sites;
  std::vector<std::size_t> site_of_customer;
};

/// Work of the site branch-and-bound of a single-source solve (all 0 when it did not run).
struct SiteTreeFigures {
  std::size_t nodes = 0;            ///< nodes whose dual was solved
  std::size_t peak_open_nodes = 0;  ///< most nodes waiting in the tree at once
  std::size_t peak_open_bytes = 0;  ///< their memory (fixings and multipliers), bytes
};

/// A single-source solve's figures and its solution (empty when infeasible or none was found).
struct SingleSourceResult {
  SolveStats stats;
  SingleSourceSolution solution;
  SiteTreeFigures tree;
};

/// Fixed cost of the open sites plus allocation_cost(c, site_of_customer[c]) over customers.
double single_source_cost(const FacilityLocationInstance& instance, const SingleSourceSolution& solution);

/// True when every customer is served by an open site, no site's load exceeds its capacity
/// (relative tolerance 1e-9) and, with an open_count, exactly that many sites are open.
bool single_source_feasible(const FacilityLocationInstance& instance, const SingleSourceSolution& solution);

/// Lagrangian relaxation of the assignment rows (a 0-1 knapsack per site, the aggregate
/// capacity row kept) by subgradient, with a Lagrangian heuristic and a local search
/// (reassign, swap, close, open, exchange sites); reduced-cost fixing at the best multipliers;
/// CBC on the reduced MILP with the incumbent as cutoff until proven or out of time.
/// stats.proved_by names what closed the gap; an infeasible instance is a status.
SingleSourceResult solve_single_source_facility_location(const FacilityLocationInstance& instance,
                                                         const SolveOptions& options = {});

/// The benchmark baseline: CBC with default settings on the textbook MILP (binary x_cs,
/// Σ_c d_c x_cs ≤ Q_s y_s, x_cs ≤ y_s), no heuristic, no cutoff.
SingleSourceResult solve_single_source_textbook_milp(const FacilityLocationInstance& instance,
                                                     const SolveOptions& options = {});

}  // namespace guarantor::plan
