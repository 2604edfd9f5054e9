// The LP relaxation that starts the GAP's root dual, solved by column generation from each job's
// cheapest and least-resource agents and its incumbent agent: it must reach the full LP's value,
// and the root dual started from it must stay a valid lower bound.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "gap_lp_multipliers.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr double NO_LIMIT = std::numeric_limits<double>::infinity();

// Types C, D and E (in E cost falls as resource rises, so a job's cheapest agents alone make a
// poor first restricted LP): the generated columns give the full LP's value.
TEST(GapLpMultipliers, ColumnGenerationReachesTheFullLpValue) {
  int checked = 0;
  for (const GapType type : {GapType::C, GapType::D, GapType::E}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const GapInstance instance = generate_gap(type, 20, 200, seed);
      const GapSolution constructed = gap_heuristic(instance);
      if (!gap_feasible(instance, constructed)) continue;
      const detail::LpDuals full = detail::lp_duals(instance, NO_LIMIT);
      const detail::LpDuals generated = detail::lp_duals(instance, NO_LIMIT, constructed.agent_of_job);
      ASSERT_EQ(full.job.size(), instance.job_count());
      ASSERT_EQ(generated.job.size(), instance.job_count()) << "type " << static_cast<int>(type) << " seed " << seed;
      ASSERT_EQ(generated.rounded.size(), instance.job_count());
      EXPECT_NEAR(generated.value, full.value, 1e-6 * std::abs(full.value))
          << "type " << static_cast<int>(type) << " seed " << seed;
      ++checked;
    }
  }
  EXPECT_GE(checked, 6);
}

// The root dual from the generated LP's duals, run to its end with its target capped near the
// bound, never passes the minimum (integer and fractional data).
TEST(GapLpMultipliers, CappedRootDualNeverAboveTheOptimum) {
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
