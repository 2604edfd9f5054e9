// The GAP's stronger primal side on instances of more than 20 agents, where each job's swap
// partners come from its candidate agents only (ranked by the LP's capacity prices), and, in the
// slow binary (GUARANTOR_ORLIB_SLOW), on 800 jobs, where a wide gap after the root dual runs the
// primal side before the first tree.
#include <gtest/gtest.h>

#include <cstdint>

#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

#ifndef GUARANTOR_ORLIB_SLOW

// Type D with 22 agents: the candidate lists (10 agents a job) restrict every swap. The primal
// side alone (deterministic, no exact phase) must stay feasible, never go below its bound, and
// end no dearer than as many ruin-and-recreate steps alone (a caller-set budget: no LP, so no
// candidate lists and the full swap scan), and cheaper in total; a second run repeats the first.
TEST(GapPrimal, CandidateListsKeepTheStrongPrimalSideAheadOnTypeD) {
  constexpr std::size_t AGENTS = 22, JOBS = 44;
  constexpr std::uint64_t SAME_STEPS = 2000 + 20 * JOBS;  // the default ruin-and-recreate budget
  double strong_total = 0, plain_total = 0;
  for (std::uint64_t seed = 1; seed <= 2; ++seed) {
    const GapInstance instance = generate_gap(GapType::D, AGENTS, JOBS, seed);
    SolveOptions options;
    options.deterministic = true;
    options.exact = false;
    const GapResult strong = solve_gap(instance, options);
    if (seed == 1) {
      const GapResult again = solve_gap(instance, options);
      EXPECT_EQ(strong.solution.agent_of_job, again.solution.agent_of_job);
      EXPECT_EQ(strong.stats.bound, again.stats.bound);
    }
    options.search_moves = SAME_STEPS;
    const GapResult plain = solve_gap(instance, options);
    ASSERT_TRUE(gap_feasible(instance, strong.solution)) << "seed " << seed;
    EXPECT_DOUBLE_EQ(strong.stats.objective, gap_cost(instance, strong.solution)) << "seed " << seed;
    EXPECT_GE(strong.stats.objective, strong.stats.bound) << "seed " << seed;
    EXPECT_LE(strong.stats.objective, plain.stats.objective) << "seed " << seed;
    strong_total += strong.stats.objective, plain_total += plain.stats.objective;
  }
  EXPECT_LT(strong_total, plain_total);
}

#else

// Type D, 40 agents and 800 jobs, with the exact phase: the incumbent after the root dual is
// more than 0.5 % above the bound, so the penalised search and the agent groups run before the
// first tree. The limit only ends the solve (the outcome asserted does not depend on it): the
// answer is feasible, never below its bound, and cheaper than the regret construction's.
TEST(GapPrimal, PrimalSideRunsBeforeTheTreesOnWideTypeD) {
  const GapInstance instance = generate_gap(GapType::D, 40, 800, 1);
  SolveOptions options;
  options.time_limit_s = 20;
  const GapResult result = solve_gap(instance, options);
  EXPECT_TRUE(result.tree.primal_before_trees);
  ASSERT_TRUE(gap_feasible(instance, result.solution));
  EXPECT_DOUBLE_EQ(result.stats.objective, gap_cost(instance, result.solution));
  EXPECT_GE(result.stats.objective, result.stats.bound);
  EXPECT_LT(result.stats.objective, gap_cost(instance, gap_heuristic(instance)));
}

#endif

}  // namespace
}  // namespace guarantor::plan
