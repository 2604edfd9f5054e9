#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr int CASES = 200;
// Tolerance for comparing LP-based costs computed along different paths.
constexpr double COST_TOLERANCE = 1e-6;

// Enumerates open sets; the allocation of each is a transportation LP.
double brute_force(const FacilityLocationInstance& instance) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t mask = 1; mask < (std::size_t{1} << instance.site_count()); ++mask) {
    std::vector<std::size_t> open;
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      if (mask >> site & 1) open.push_back(site);
    }
    if (const auto solution = allocate(instance, open)) best = std::min(best, facility_location_cost(instance, *solution));
  }
  return best;
}

TEST(FacilityLocation, MatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(1988);
  for (int trial = 0; trial < CASES; ++trial) {
    std::uniform_int_distribution<std::size_t> sites_draw(1, 6), customers_draw(1, 8);
    const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
    const FacilityLocationInstance instance(testing::random_values(rng, sites, 5, 40),
                                            testing::random_values(rng, sites, 10, 100),
                                            testing::random_values(rng, customers, 1, 15),
                                            testing::random_values(rng, customers * sites, 0, 50));
    const double optimum = brute_force(instance);
    const FacilityLocationResult result = solve_facility_location(instance);
    if (optimum == std::numeric_limits<double>::infinity()) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      continue;
    }
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_NEAR(result.stats.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    EXPECT_NEAR(facility_location_cost(instance, result.solution), optimum, COST_TOLERANCE);
    EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE);
  }
}

}  // namespace
}  // namespace guarantor::plan
