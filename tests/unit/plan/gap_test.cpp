#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "guarantor/plan/generalized_assignment.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr int CASES = 300;

double brute_force(const GapInstance& instance) {
  double best = std::numeric_limits<double>::infinity();
  GapSolution solution{std::vector<std::size_t>(instance.job_count(), 0)};
  const std::size_t agents = instance.agent_count();
  while (true) {
    if (gap_feasible(instance, solution)) best = std::min(best, gap_cost(instance, solution));
    std::size_t job = 0;
    while (job < instance.job_count() && ++solution.agent_of_job[job] == agents) solution.agent_of_job[job++] = 0;
    if (job == instance.job_count()) return best;
  }
}

TEST(GeneralizedAssignment, MatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(1975);
  int feasible = 0;
  for (int trial = 0; trial < CASES; ++trial) {
    std::uniform_int_distribution<std::size_t> agents_draw(1, 4), jobs_draw(1, 7);
    const std::size_t agents = agents_draw(rng), jobs = jobs_draw(rng);
    const GapInstance instance(agents, jobs, testing::random_values(rng, agents * jobs, -10, 30),
                               testing::random_values(rng, agents * jobs, 1, 10),
                               testing::random_values(rng, agents, 4, 20));
    const double optimum = brute_force(instance);
    const GapResult result = solve_gap(instance);
    if (std::isinf(optimum)) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      EXPECT_TRUE(result.solution.agent_of_job.empty());
      continue;
    }
    ++feasible;
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "trial " << trial;
    EXPECT_TRUE(gap_feasible(instance, result.solution));
    EXPECT_DOUBLE_EQ(gap_cost(instance, result.solution), optimum);
    EXPECT_LE(result.stats.bound, optimum + 1e-9);
    const GapSolution heuristic = gap_heuristic(instance);
    if (gap_feasible(instance, heuristic)) {
      EXPECT_GE(gap_cost(instance, heuristic), optimum);
    }
  }
  EXPECT_GT(feasible, CASES / 2);
}

}  // namespace
}  // namespace guarantor::plan
