#pragma once
// The GAP bound-validity check the root-dual tests share: random small instances (a quarter
// with fractional costs and resources), solved by the primal side alone in deterministic mode,
// must end with bound ≤ the brute-force minimum ≤ objective.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "random_instances.hpp"

namespace guarantor::plan::testing {

struct BoundCheck {
  std::uint64_t seed = 1;
  int trials = 0;
  std::size_t min_agents = 2, max_agents = 3;
  std::size_t min_jobs = 3, max_jobs = 7;
  int subgradient_iterations = 0;  ///< 0: the solver's default
};

/// Runs the check (gtest assertions inside) and returns how many trials had a feasible
/// assignment and were checked.
inline int check_bounds_against_brute_force(const BoundCheck& check) {
  std::mt19937_64 rng(check.seed);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  int checked = 0;
  for (int trial = 0; trial < check.trials; ++trial) {
    std::uniform_int_distribution<std::size_t> agents_draw(check.min_agents, check.max_agents);
    std::uniform_int_distribution<std::size_t> jobs_draw(check.min_jobs, check.max_jobs);
    const std::size_t agents = agents_draw(rng), jobs = jobs_draw(rng);
    std::vector<double> cost = random_values(rng, agents * jobs, 1, 50);
    std::vector<double> resource = random_values(rng, agents * jobs, 1, 15);
    if (trial % 4 == 0) {
      for (double& value : cost) value += fraction(rng);
      for (double& value : resource) value += fraction(rng);
    }
    const GapInstance instance(agents, jobs, cost, resource, random_values(rng, agents, 8, 30));
    const double optimum = gap_brute_force(instance);
    if (std::isinf(optimum)) continue;
    SolveOptions options;
    options.deterministic = true;
    options.exact = false;
    if (check.subgradient_iterations > 0) options.subgradient_iterations = check.subgradient_iterations;
    const GapResult result = solve_gap(instance, options);
    ++checked;
    EXPECT_LE(result.stats.bound, optimum + 1e-7) << "trial " << trial;
    EXPECT_GE(result.stats.objective, optimum - 1e-7) << "trial " << trial;
    if (::testing::Test::HasFailure()) break;
  }
  return checked;
}

}  // namespace guarantor::plan::testing
