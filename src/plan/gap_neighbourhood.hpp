#pragma once
// A very large neighbourhood for the GAP (after Mitrović-Minić & Punnen 2009): take a few agents
// and the jobs they hold, and re-solve that sub-GAP exactly, seeking only a cheaper
// redistribution than the current one. It moves many jobs at once between the chosen agents,
// which shift and swap moves cannot do on tight instances (type D). Agents are drawn from one
// seeded generator and the work is a count of sub-solves, so the same seed gives the same path.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>

#include "gap_resolve.hpp"
#include "gap_search.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// Runs at most `solves` sub-solves on random groups of agents holding about `jobs_per_group`
/// jobs together, from `search`'s best solution; every improvement goes to `search`. Stops
/// after `idle_limit` sub-solves in a row without one, or when `stop()` is true. Returns the
/// sub-solves that improved. `step` is the instance's objective step (objective_step.hpp).
std::uint64_t improve_by_agent_groups(const GapInstance& instance, GapSearch& search, std::uint64_t solves,
                                      std::uint64_t idle_limit, std::size_t jobs_per_group, double step,
                                      std::mt19937_64& rng, const GapSubSolver& solve,
                                      const std::function<bool()>& stop);

}  // namespace guarantor::plan::detail
