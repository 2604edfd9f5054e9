// The GAP's root dual started at the LP relaxation's duals, its Polyak target capped near the
// bound: it must stay a valid lower bound.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

// The root dual from the LP duals, run to its end with its target capped near the
// bound, never passes the minimum (integer and fractional data).
TEST(GapRootDual, CappedTargetBoundNeverAboveTheOptimum) {
  std::mt19937_64 rng(1995);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::uniform_int_distribution<std::size_t> agents_draw(2, 4), jobs_draw(4, 8);
    const std::size_t agents = agents_draw(rng), jobs = jobs_draw(rng);
    std::vector<double> cost = testing::random_values(rng, agents * jobs, 1, 50);
    std::vector<double> resource = testing::random_values(rng, agents * jobs, 1, 15);
    if (trial % 4 == 0) {
      for (double& value : cost) value += fraction(rng);
      for (double& value : resource) value += fraction(rng);
    }
    const GapInstance instance(agents, jobs, cost, resource, testing::random_values(rng, agents, 8, 30));
    const double optimum = testing::gap_brute_force(instance);
    if (std::isinf(optimum)) continue;
    SolveOptions options;
    options.deterministic = true;
    options.exact = false;
    const GapResult result = solve_gap(instance, options);
    ++checked;
    ASSERT_LE(result.stats.bound, optimum + 1e-7) << "trial " << trial;
    ASSERT_GE(result.stats.objective, optimum - 1e-7) << "trial " << trial;
  }
  EXPECT_GT(checked, 150);
}

}  // namespace
}  // namespace guarantor::plan
