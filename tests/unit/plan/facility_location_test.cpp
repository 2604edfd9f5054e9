#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/p_median.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

constexpr int CASES = 200;
// Tolerance for comparing LP-based costs computed along different paths.
constexpr double COST_TOLERANCE = 1e-6;

// Enumerates open sets (of exactly the open count, when the instance has one); the allocation of
// each is a transportation LP.
double brute_force(const FacilityLocationInstance& instance) {
  double best = std::numeric_limits<double>::infinity();
  if (const auto count = instance.open_count()) {
    testing::for_each_subset(instance.site_count(), *count, [&](const std::vector<std::size_t>& open) {
      if (const auto solution = allocate(instance, open))
        best = std::min(best, facility_location_cost(instance, *solution));
    });
    return best;
  }
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

// Hand-drawn, on a line: sites S0 at km 0 and S1 at km 1 hold 10 each, S2 at km 10 holds 100;
// customers C0 at km 0 and C1 at km 1 need 10 each, C2 at km 10 needs 1; cost = demand x km;
// two sites open. Uncapacitated (p-median): {S0, S1} costs only C2's 1 x 9 = 9, against 10 for
// {S0, S2} (C1 moves 1 km) and {S1, S2}. But S0 + S1 hold 20 < 21, so with capacity S2 must
// open: {S0, S2} serves C0 at S0 and C1 at S2 (10 x 9 = 90; swapping C0 and C1 costs 10 + 100),
// {S1, S2} costs at least 100 (C0 to S2, or C0 to S1 and C1 to S2 = 10 + 90). Optimum {S0, S2}, 90.
TEST(FacilityLocation, CapacityChangesTheHandDrawnPMedianAnswer) {
  const std::vector<double> site_km{0, 1, 10}, customer_km{0, 1, 10}, demand{10, 10, 1};
  std::vector<double> distance, cost;
  for (std::size_t c = 0; c < 3; ++c)
    for (std::size_t s = 0; s < 3; ++s) {
      distance.push_back(std::abs(customer_km[c] - site_km[s]));
      cost.push_back(demand[c] * distance.back());
    }
  const PMedianResult uncapacitated = solve_p_median(PMedianInstance(3, 3, distance, demand, 2));
  ASSERT_EQ(uncapacitated.stats.status, SolveStatus::Optimal);
  EXPECT_EQ(uncapacitated.solution.open_sites, (std::vector<std::size_t>{0, 1}));
  EXPECT_NEAR(uncapacitated.stats.objective, 9.0, COST_TOLERANCE);

  const FacilityLocationInstance instance({10, 10, 100}, {0, 0, 0}, demand, cost, 2);
  const FacilityLocationResult capacitated = solve_facility_location(instance);
  ASSERT_EQ(capacitated.stats.status, SolveStatus::Optimal);
  EXPECT_EQ(capacitated.solution.open_sites, (std::vector<std::size_t>{0, 2}));
  EXPECT_NEAR(capacitated.stats.objective, 90.0, COST_TOLERANCE);
  EXPECT_NEAR(capacitated.stats.bound, 90.0, COST_TOLERANCE);
  EXPECT_NEAR(capacitated.solution.fraction[1 * 3 + 2], 1.0, COST_TOLERANCE);  // C1 served from S2

  // Four hubs from three sites is infeasible, a result rather than an error.
  const FacilityLocationInstance too_many({10, 10, 100}, {0, 0, 0}, demand, cost, 4);
  EXPECT_EQ(solve_facility_location(too_many).stats.status, SolveStatus::Infeasible);
}

// The cardinality form (exactly k open, no fixed cost: a capacitated p-median) against every
// k-subset's transportation LP; k may exceed the sites, which must come back infeasible.
TEST(FacilityLocation, CardinalityFormMatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(2026);
  for (int trial = 0; trial < CASES; ++trial) {
    std::uniform_int_distribution<std::size_t> sites_draw(1, 6), customers_draw(1, 8), count_draw(1, 4);
    const std::size_t sites = sites_draw(rng), customers = customers_draw(rng), count = count_draw(rng);
    const FacilityLocationInstance instance(testing::random_values(rng, sites, 5, 40), std::vector<double>(sites, 0.0),
                                            testing::random_values(rng, customers, 1, 15),
                                            testing::random_values(rng, customers * sites, 0, 50), count);
    double optimum = std::numeric_limits<double>::infinity();
    testing::for_each_subset(sites, count, [&](const std::vector<std::size_t>& open) {
      if (const auto solution = allocate(instance, open)) optimum = std::min(optimum, facility_location_cost(instance, *solution));
    });
    const FacilityLocationResult result = solve_facility_location(instance);
    if (optimum == std::numeric_limits<double>::infinity()) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      continue;
    }
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_EQ(result.solution.open_sites.size(), count) << "trial " << trial;
    EXPECT_NEAR(result.stats.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE);
  }
}

// The Lagrangian bound alone (exact search off) against brute force: never above the optimum,
// the heuristic's objective never below it, and "optimal" only when it is. 10 seeds × 200
// instances, half of them with an open count, some with customers of zero demand.
class FacilityLocationBound : public ::testing::TestWithParam<int> {};

TEST_P(FacilityLocationBound, LagrangianBoundNeverAboveTheOptimum) {
  std::mt19937_64 rng(static_cast<std::uint64_t>(GetParam()));
  SolveOptions options;
  options.exact = false;
  for (int trial = 0; trial < CASES; ++trial) {
    std::uniform_int_distribution<std::size_t> sites_draw(1, 6), customers_draw(1, 8);
    const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
    std::optional<std::size_t> count;
    if (trial % 2 == 1) count = std::uniform_int_distribution<std::size_t>(1, sites)(rng);
    std::vector<double> demand = testing::random_values(rng, customers, 0, 15);
    const FacilityLocationInstance instance(testing::random_values(rng, sites, 5, 40),
                                            testing::random_values(rng, sites, 0, 100), std::move(demand),
                                            testing::random_values(rng, customers * sites, 0, 50), count);
    const double optimum = brute_force(instance);
    const FacilityLocationResult result = solve_facility_location(instance, options);
    if (optimum == std::numeric_limits<double>::infinity()) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      continue;
    }
    ASSERT_NE(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
    EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE) << "trial " << trial;
    EXPECT_GE(result.stats.objective, optimum - COST_TOLERANCE) << "trial " << trial;
    EXPECT_NEAR(facility_location_cost(instance, result.solution), result.stats.objective, COST_TOLERANCE);
    if (result.stats.status == SolveStatus::Optimal) {
      EXPECT_NEAR(result.stats.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, FacilityLocationBound, ::testing::Range(1, 11));

// The site branch-and-bound against brute force: a root dual cut short (10 subgradient
// iterations) leaves the fixing rounds short of a proof, so the tree decides. Tight capacities
// and high fixed costs make the open/close choice matter; half the instances have an open count.
// Every instance must be solved to the brute-force optimum with a bound not above it, the tree
// must be what proved a share of them (else this test would not reach it), and a second run of
// those gives the same answer.
TEST(FacilityLocation, SiteBranchAndBoundMatchesBruteForce) {
  std::mt19937_64 rng(1999);
  SolveOptions options;
  options.subgradient_iterations = 10;
  options.deterministic = true;
  int by_tree = 0;
  constexpr int TREE_CASES = 60;
  for (int trial = 0; trial < TREE_CASES; ++trial) {
    std::uniform_int_distribution<std::size_t> sites_draw(5, 7), customers_draw(6, 10);
    const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
    std::optional<std::size_t> count;
    if (trial % 2 == 1) count = std::uniform_int_distribution<std::size_t>(2, sites - 1)(rng);
    const FacilityLocationInstance instance(testing::random_values(rng, sites, 15, 40),
                                            testing::random_values(rng, sites, 40, 200),
                                            testing::random_values(rng, customers, 1, 15),
                                            testing::random_values(rng, customers * sites, 0, 60), count);
    const double optimum = brute_force(instance);
    const FacilityLocationResult result = solve_facility_location(instance, options);
    if (optimum == std::numeric_limits<double>::infinity()) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
      continue;
    }
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
    EXPECT_NEAR(result.stats.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    EXPECT_NEAR(facility_location_cost(instance, result.solution), optimum, COST_TOLERANCE) << "trial " << trial;
    EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE) << "trial " << trial;
    if (result.stats.proved_by != ProofMethod::LagrangianBranchAndBound) continue;
    ++by_tree;
    // Deterministic mode: the same tree, the same answer.
    const FacilityLocationResult again = solve_facility_location(instance, options);
    EXPECT_EQ(again.solution.open_sites, result.solution.open_sites) << "trial " << trial;
    EXPECT_EQ(again.stats.bound, result.stats.bound) << "trial " << trial;
  }
  EXPECT_GE(by_tree, TREE_CASES / 10);
}

// One customer of demand 11, three sites of capacity 10 and fixed cost 100, serving free: two
// sites must open (cost 200). The strong LP opens 1.1 sites' worth (bound 110); the Lagrangian
// keeps the site choice integral (the covering knapsack needs two sites), so its bound is 200
// and proves the optimum without any branching.
TEST(FacilityLocation, IntegralSiteChoiceLiftsTheBoundAboveTheLp) {
  const FacilityLocationInstance instance({10, 10, 10}, {100, 100, 100}, {11}, {0, 0, 0});
  SolveOptions options;
  options.exact = false;
  const FacilityLocationResult result = solve_facility_location(instance, options);
  EXPECT_EQ(result.stats.status, SolveStatus::Optimal);
  EXPECT_EQ(result.stats.proved_by, ProofMethod::LagrangianBound);
  EXPECT_NEAR(result.stats.objective, 200.0, COST_TOLERANCE);
  EXPECT_NEAR(result.stats.bound, 200.0, COST_TOLERANCE);
  EXPECT_EQ(result.solution.open_sites.size(), 2U);
}

// A limit already spent: CBC may not run past it, so nothing it returns is a proof. Before Clp
// was given the deadline, CBC's preprocessing and root LP (which raise no event) solved these
// small models anyway and the answer said `optimal` after its limit. Whatever it found must
// still be a sound answer: a feasible allocation's cost and a bound below the optimum.
TEST(FacilityLocation, SpentLimitGivesNoProofButASoundBound) {
  std::mt19937_64 rng(2026);
  SolveOptions options;
  options.time_limit_s = 0.0;
  for (int trial = 0; trial < CASES / 4; ++trial) {
    std::uniform_int_distribution<std::size_t> sites_draw(2, 6), customers_draw(2, 8);
    const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
    const FacilityLocationInstance instance(
        testing::random_values(rng, sites, 5, 40), testing::random_values(rng, sites, 10, 100),
        testing::random_values(rng, customers, 1, 15), testing::random_values(rng, customers * sites, 0, 50));
    const double optimum = brute_force(instance);
    const FacilityLocationResult result = solve_facility_location_textbook_milp(instance, options);
    EXPECT_EQ(result.stats.status, SolveStatus::TimeLimit) << "trial " << trial;
    EXPECT_EQ(result.stats.proved_by, ProofMethod::None) << "trial " << trial;
    if (optimum == std::numeric_limits<double>::infinity()) continue;
    EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE) << "trial " << trial;
    if (!result.solution.open_sites.empty()) {
      EXPECT_GE(result.stats.objective, optimum - COST_TOLERANCE) << "trial " << trial;
    }
  }
}

}  // namespace
}  // namespace guarantor::plan
