#pragma once
// Set covering location (Toregas et al. 1971): cover every demand point at least cost.
#include "guarantor/plan/covering_instance.hpp"

namespace guarantor::plan {

/// Chvátal's greedy (least cost per newly covered point) then removal of redundant sites.
/// Precondition: every demand point has a covering site.
CoveringSolution set_covering_heuristic(const CoveringInstance& instance);

/// Heuristic, LP bound, then CBC. A demand point no site covers makes the result Infeasible.
CoveringResult solve_set_covering(const CoveringInstance& instance, const SolveOptions& options = {});

}  // namespace guarantor::plan
