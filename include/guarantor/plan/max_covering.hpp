#pragma once
// Maximal covering location (Church & ReVelle 1974): open exactly p sites to maximise the
// weight of the demand points covered.
#include <cstddef>

#include "guarantor/plan/covering_instance.hpp"

namespace guarantor::plan {

/// Greedy by marginal covered weight, then best-swap local search. Deterministic.
/// Precondition: p <= sites.
CoveringSolution max_covering_heuristic(const CoveringInstance& instance, std::size_t p);

/// Heuristic, LP-relaxation bound, then CBC on the MILP with the heuristic value as cutoff.
/// Maximisation: bound >= objective. p > sites gives Infeasible.
CoveringResult solve_max_covering(const CoveringInstance& instance, std::size_t p, const SolveOptions& options = {});

/// Baseline: CBC on the textbook MILP (z_d <= sum of covering y, sum y = p), no help.
CoveringResult solve_max_covering_textbook_milp(const CoveringInstance& instance, std::size_t p,
                                                const SolveOptions& options = {});

}  // namespace guarantor::plan
