#pragma once
// The exact re-solve every very large GAP neighbourhood shares: some jobs of the best solution are
// freed, every other job stays where it is, and the freed jobs are re-solved as a sub-GAP over the
// agents they may go to, within the room the fixed jobs leave there, seeking only a placement
// cheaper than their current one. Whether the agents are a group holding the freed jobs or every
// agent is the neighbourhood's choice; the re-solve, its check and the adoption are the same.
#include <cstddef>
#include <functional>
#include <vector>

#include "gap_search.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// Solves a sub-GAP seeking only assignments of cost at most the given cutoff (solve_gap_below);
/// the third argument names the whole instance's job behind each of the sub-GAP's jobs, so the
/// solver may start from what it knows of them (the LP duals).
using GapSubSolver = std::function<GapResult(const GapInstance&, double, const std::vector<std::size_t>&)>;

/// Re-solves `free_jobs` (distinct) of `search`'s best solution over those of `agents`
/// (ascending, distinct) that one of them fits within the room the other jobs leave, with the
/// freed jobs' current cost as cutoff; `step` is the instance's objective step
/// (objective_step.hpp). Adopts a cheaper, feasible placement into `search`; returns true then.
bool resolve_free_jobs(const GapInstance& instance, GapSearch& search, const std::vector<std::size_t>& free_jobs,
                       const std::vector<std::size_t>& agents, double step, const GapSubSolver& solve);

}  // namespace guarantor::plan::detail
