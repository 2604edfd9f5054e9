#pragma once
// The comparison the GAP primal-side tests share: the primal side alone (deterministic, no exact
// phase) with its default budget, which adds the penalised search and the agent-group
// neighbourhood to the ruin-and-recreate steps, against as many ruin-and-recreate steps alone (a
// caller-set budget, which keeps the cheap search), on generated type D instances.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>

#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::testing {

/// The ruin-and-recreate steps of a GAP solve of `jobs` jobs with the default budget
/// (SEARCH_BASE_MOVES + SEARCH_MOVES_PER_JOB × jobs in src/plan/gap_solve.cpp).
constexpr std::uint64_t default_search_moves(std::size_t jobs) { return 2000 + 20 * jobs; }

/// The primal side alone: deterministic, no exact phase, the default budget.
inline SolveOptions primal_side_options() {
  SolveOptions options;
  options.deterministic = true;
  options.exact = false;
  return options;
}

/// On generate_gap(D, agents, jobs, seed) for seeds 1..seeds: the default primal side's answer
/// is feasible, reports its own cost, is never below its bound nor dearer than the same number
/// of ruin-and-recreate steps alone, and the sum over the seeds is cheaper.
inline void expect_strong_primal_side_ahead_on_type_d(std::size_t agents, std::size_t jobs, std::uint64_t seeds) {
  double strong_total = 0, plain_total = 0;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const GapInstance instance = generate_gap(GapType::D, agents, jobs, seed);
    SolveOptions options = primal_side_options();
    const GapResult strong = solve_gap(instance, options);
    options.search_moves = default_search_moves(jobs);
    const GapResult plain = solve_gap(instance, options);
    ASSERT_TRUE(gap_feasible(instance, strong.solution)) << "seed " << seed;
    EXPECT_DOUBLE_EQ(strong.stats.objective, gap_cost(instance, strong.solution)) << "seed " << seed;
    EXPECT_GE(strong.stats.objective, strong.stats.bound) << "seed " << seed;
    EXPECT_LE(strong.stats.objective, plain.stats.objective) << "seed " << seed;
    strong_total += strong.stats.objective, plain_total += plain.stats.objective;
  }
  EXPECT_LT(strong_total, plain_total);
}

}  // namespace guarantor::plan::testing
