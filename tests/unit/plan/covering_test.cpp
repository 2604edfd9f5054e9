#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "guarantor/plan/max_covering.hpp"
#include "guarantor/plan/set_covering.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr int CASES = 300;

CoveringInstance random_instance(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> sites_draw(2, 10), demands_draw(1, 14);
  std::bernoulli_distribution covers(0.3);
  const std::size_t sites = sites_draw(rng), demands = demands_draw(rng);
  std::vector<std::vector<std::size_t>> covering(demands);
  for (auto& list : covering) {
    for (std::size_t site = 0; site < sites; ++site) {
      if (covers(rng)) list.push_back(site);
    }
  }
  return CoveringInstance(sites, testing::random_values(rng, demands, 0, 20), std::move(covering),
                          testing::random_values(rng, sites, 1, 9));
}

double brute_force_max_covering(const CoveringInstance& instance, std::size_t p) {
  double best = 0;
  testing::for_each_subset(instance.site_count(), p, [&](const std::vector<std::size_t>& open) {
    best = std::max(best, covered_weight(instance, open));
  });
  return best;
}

// Least cost of a cover of every demand point; +inf when none exists.
double brute_force_set_covering(const CoveringInstance& instance) {
  double best = std::numeric_limits<double>::infinity();
  const std::size_t sites = instance.site_count();
  for (std::size_t mask = 0; mask < (std::size_t{1} << sites); ++mask) {
    std::vector<std::size_t> open;
    double cost = 0;
    for (std::size_t site = 0; site < sites; ++site) {
      if (mask >> site & 1) open.push_back(site), cost += instance.site_cost(site);
    }
    const CoveringSolution solution = covering_solution(instance, open);
    if (std::all_of(solution.covered.begin(), solution.covered.end(), [](char c) { return c != 0; })) {
      best = std::min(best, cost);
    }
  }
  return best;
}

TEST(MaxCovering, MatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(1974);
  for (int trial = 0; trial < CASES; ++trial) {
    const CoveringInstance instance = random_instance(rng);
    std::uniform_int_distribution<std::size_t> p_draw(1, instance.site_count());
    const std::size_t p = p_draw(rng);
    const double optimum = brute_force_max_covering(instance, p);
    const CoveringResult result = solve_max_covering(instance, p);
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "trial " << trial;
    EXPECT_DOUBLE_EQ(covered_weight(instance, result.solution.open_sites), optimum);
    EXPECT_EQ(result.solution.open_sites.size(), p);
    EXPECT_GE(result.stats.bound, optimum - 1e-9);
    EXPECT_LE(covered_weight(instance, max_covering_heuristic(instance, p).open_sites), optimum);
    EXPECT_DOUBLE_EQ(solve_max_covering_textbook_milp(instance, p).stats.objective, optimum);
  }
}

TEST(MaxCovering, TooManySitesIsInfeasible) {
  const CoveringInstance instance(2, {1, 1}, {{0}, {1}});
  EXPECT_EQ(solve_max_covering(instance, 3).stats.status, SolveStatus::Infeasible);
}

TEST(SetCovering, MatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(1971);
  int feasible = 0;
  for (int trial = 0; trial < CASES; ++trial) {
    const CoveringInstance instance = random_instance(rng);
    const double optimum = brute_force_set_covering(instance);
    const CoveringResult result = solve_set_covering(instance);
    if (optimum == std::numeric_limits<double>::infinity()) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      continue;
    }
    ++feasible;
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "trial " << trial;
    EXPECT_LE(result.stats.bound, optimum + 1e-9);
    double heuristic_cost = 0;
    for (std::size_t site : set_covering_heuristic(instance).open_sites) heuristic_cost += instance.site_cost(site);
    EXPECT_GE(heuristic_cost, optimum);
    const CoveringSolution check = covering_solution(instance, result.solution.open_sites);
    EXPECT_TRUE(std::all_of(check.covered.begin(), check.covered.end(), [](char c) { return c != 0; }));
  }
  EXPECT_GT(feasible, CASES / 10) << "the generator must produce enough coverable instances";
}

}  // namespace
}  // namespace guarantor::plan
