// The GAP's stronger primal side on instances of more than 20 agents, where each job's swap
// partners come from its candidate agents only (ranked by the LP's capacity prices), and, in the
// slow binary (GUARANTOR_ORLIB_SLOW), on 800 jobs, where a wide gap after the root dual runs the
// primal side before the first tree.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>

#include "gap_primal_comparison.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

#ifndef GUARANTOR_ORLIB_SLOW

// Type D with more agents than a job's candidate list holds (10): the lists restrict every swap.
constexpr std::size_t AGENTS = 22, JOBS = 44;

// The primal side alone must stay feasible, never go below its bound, and end no dearer than as many
// ruin-and-recreate steps alone (no LP, so no candidate lists and the full swap scan), and cheaper
// in total.
TEST(GapPrimal, CandidateListsKeepTheStrongPrimalSideAheadOnTypeD) {
  constexpr std::uint64_t SEEDS = 2;
  testing::expect_strong_primal_side_ahead_on_type_d(AGENTS, JOBS, SEEDS);
}

// The same primal side run twice on one of those instances repeats itself: the candidate lists
// and the swaps they restrict depend on counted work only.
TEST(GapPrimal, CandidateListsRepeatThemselves) {
  const GapInstance instance = generate_gap(GapType::D, AGENTS, JOBS, 1);
  const GapResult first = solve_gap(instance, testing::primal_side_options());
  const GapResult again = solve_gap(instance, testing::primal_side_options());
  EXPECT_EQ(first.solution.agent_of_job, again.solution.agent_of_job);
  EXPECT_EQ(first.stats.bound, again.stats.bound);
}

// More than 20 agents, so the penalised search starts from the LP's rounded solution (which
// may overload agents) and tries ejection chains of two shifts. Type D is tight enough that the
// root bound does not settle these at once, so that search runs. Against CBC's proven optimum
// of the textbook model: what the primal side returns is feasible and never cheaper, its bound
// never above; the exact phase proves the same optimum.
TEST(GapPrimal, LpStartAndChainsKeepBoundsValidOnManyAgents) {
  constexpr std::size_t AGENTS = 21, JOBS = 25;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const GapInstance instance = generate_gap(GapType::D, AGENTS, JOBS, seed);
    const GapResult oracle = solve_gap_textbook_milp(instance, Sense::Minimise);
    ASSERT_EQ(oracle.stats.status, SolveStatus::Optimal) << "seed " << seed;
    const double optimum = oracle.stats.objective;
    SolveOptions options;
    options.deterministic = true;
    options.exact = false;
    const GapResult primal = solve_gap(instance, options);
    ASSERT_TRUE(gap_feasible(instance, primal.solution)) << "seed " << seed;
    EXPECT_DOUBLE_EQ(primal.stats.objective, gap_cost(instance, primal.solution)) << "seed " << seed;
    EXPECT_GE(primal.stats.objective, optimum - 1e-7) << "seed " << seed;
    EXPECT_LE(primal.stats.bound, optimum + 1e-7) << "seed " << seed;
    options.exact = true;
    const GapResult exact = solve_gap(instance, options);
    EXPECT_EQ(exact.stats.status, SolveStatus::Optimal) << "seed " << seed;
    EXPECT_NEAR(exact.stats.objective, optimum, 1e-7) << "seed " << seed;
  }
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
