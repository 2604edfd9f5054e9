#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/p_median.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr int CASES = 300;

double brute_force(const PMedianInstance& instance) {
  double best = std::numeric_limits<double>::infinity();
  testing::for_each_subset(instance.site_count(), instance.p(), [&](const std::vector<std::size_t>& open) {
    best = std::min(best, p_median_cost(instance, open));
  });
  return best;
}

PMedianInstance random_instance(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> customers_draw(1, 12), sites_draw(2, 9);
  const std::size_t customers = customers_draw(rng), sites = sites_draw(rng);
  std::uniform_int_distribution<std::size_t> p_draw(1, sites - 1);
  const std::size_t p = p_draw(rng);
  return PMedianInstance(customers, sites, testing::random_values(rng, customers * sites, 0, 60),
                         testing::random_values(rng, customers, 1, 5), p);
}

TEST(PMedian, MatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(20240611);
  for (int trial = 0; trial < CASES; ++trial) {
    const PMedianInstance instance = random_instance(rng);
    const double optimum = brute_force(instance);
    const PMedianResult result = solve_p_median(instance);
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "trial " << trial;
    EXPECT_DOUBLE_EQ(p_median_cost(instance, result.solution.open_sites), optimum);
    EXPECT_EQ(result.solution.open_sites.size(), instance.p());
    EXPECT_LE(result.stats.bound, optimum + 1e-9);
    EXPECT_GE(p_median_cost(instance, p_median_heuristic(instance).open_sites), optimum);
  }
}

TEST(PMedian, HeuristicOnlyReportsAValidBound) {
  std::mt19937_64 rng(7);
  SolveOptions options;
  options.exact = false;
  for (int trial = 0; trial < CASES; ++trial) {
    const PMedianInstance instance = random_instance(rng);
    const double optimum = brute_force(instance);
    const PMedianResult result = solve_p_median(instance, options);
    EXPECT_LE(result.stats.bound, optimum + 1e-9) << "trial " << trial;
    EXPECT_GE(result.stats.objective, optimum - 1e-9) << "trial " << trial;
    EXPECT_NE(result.stats.status, SolveStatus::Infeasible);
  }
}

TEST(PMedian, TextbookMilpAgreesWithBruteForce) {
  std::mt19937_64 rng(99);
  for (int trial = 0; trial < CASES / 10; ++trial) {
    const PMedianInstance instance = random_instance(rng);
    const PMedianResult result = solve_p_median_textbook_milp(instance);
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal);
    EXPECT_DOUBLE_EQ(result.stats.objective, brute_force(instance)) << "trial " << trial;
  }
}

TEST(PMedian, InfeasibleCountIsAResultNotAnError) {
  const PMedianInstance instance(2, 2, {0, 1, 1, 0}, {1, 1}, 3);
  const PMedianResult result = solve_p_median(instance);
  EXPECT_EQ(result.stats.status, SolveStatus::Infeasible);
  EXPECT_TRUE(result.solution.open_sites.empty());
}

TEST(PMedian, SameInputSameOutput) {
  std::mt19937_64 rng(5);
  const PMedianInstance instance(20, 20, testing::random_values(rng, 400, 0, 100), std::vector<double>(20, 1.0), 4);
  const PMedianResult first = solve_p_median(instance), second = solve_p_median(instance);
  EXPECT_EQ(first.solution.open_sites, second.solution.open_sites);
  EXPECT_EQ(first.stats.objective, second.stats.objective);
}

// Larger than the instances above, with clustered customers so the Lagrangian bound often leaves a
// gap: the branch-and-bound must then close it, and its answer is checked against brute force.
TEST(PMedian, BranchAndBoundMatchesBruteForce) {
  std::mt19937_64 rng(31);
  int proven_by_branching = 0;
  for (int trial = 0; trial < CASES / 6; ++trial) {
    const std::size_t customers = 40, sites = 14;
    std::uniform_int_distribution<std::size_t> p_draw(2, 5);
    const std::size_t p = p_draw(rng);
    // Points on a 100 × 100 square; integer Manhattan distances, integer weights.
    const std::vector<double> customer_x = testing::random_values(rng, customers, 0, 100);
    const std::vector<double> customer_y = testing::random_values(rng, customers, 0, 100);
    const std::vector<double> site_x = testing::random_values(rng, sites, 0, 100);
    const std::vector<double> site_y = testing::random_values(rng, sites, 0, 100);
    std::vector<double> distance(customers * sites);
    for (std::size_t customer = 0; customer < customers; ++customer) {
      for (std::size_t site = 0; site < sites; ++site) {
        distance[customer * sites + site] =
            std::abs(customer_x[customer] - site_x[site]) + std::abs(customer_y[customer] - site_y[site]);
      }
    }
    const PMedianInstance instance(customers, sites, distance, testing::random_values(rng, customers, 1, 5), p);
    const PMedianResult result = solve_p_median(instance);
    const double optimum = brute_force(instance);
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "trial " << trial;
    EXPECT_DOUBLE_EQ(result.stats.bound, optimum) << "trial " << trial;
    EXPECT_DOUBLE_EQ(p_median_cost(instance, result.solution.open_sites), optimum) << "trial " << trial;
    proven_by_branching += result.stats.proved_by == ProofMethod::LagrangianBranchAndBound;
  }
  // Otherwise this test would not exercise the branch-and-bound at all.
  EXPECT_GT(proven_by_branching, 0);
}

TEST(PMedian, RejectsMalformedInstances) {
  try {
    PMedianInstance(2, 2, {0, 1, 1}, {1, 1}, 1);
    FAIL() << "a short matrix must be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "p-median distance matrix");
  }
  EXPECT_THROW(PMedianInstance(1, 2, {0, -1}, {1}, 1), Error);
}

}  // namespace
}  // namespace guarantor::plan
