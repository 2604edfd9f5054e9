#pragma once
// The proof step shared by the covering models: given an incumbent and a MILP (minimisation form),
// try the LP bound, then CBC with the incumbent as cutoff.
#include <vector>

#include "guarantor/plan/covering_instance.hpp"
#include "milp.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

/// `model` has one binary column per site first (columns 0..sites-1). Fills result.stats (minimisation form: objective = incumbent_cost) and returns the open sites
/// of a better solution CBC found, or the incumbent's. `sense` is +1 for minimising, -1 when the
/// caller maximises (the stats are then reported negated back).
std::vector<std::size_t> prove_covering(const MilpModel& model, std::size_t site_count,
                                        const std::vector<std::size_t>& incumbent_sites, double incumbent_cost,
                                        double step, double sense, const SolveOptions& options,
                                        const Stopwatch& clock, SolveStats& stats);

}  // namespace guarantor::plan::detail
