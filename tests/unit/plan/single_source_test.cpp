#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "guarantor/plan/sscflp_generator.hpp"
#include "random_instances.hpp"
#include "single_source_brute_force.hpp"

namespace guarantor::plan {
namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double COST_TOLERANCE = 1e-6;
// Generated 10 × 40 instances (seeds 1–8) the primal side alone must solve to optimality: 8 with
// the GAP-priced descent over site moves, 5 without it.
constexpr int HEURISTIC_AT_OPTIMUM_FLOOR = 7;

FacilityLocationInstance random_instance(std::mt19937_64& rng, bool with_count) {
  std::uniform_int_distribution<std::size_t> sites_draw(1, 4), customers_draw(0, 6);
  const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
  std::optional<std::size_t> count;
  if (with_count) count = std::uniform_int_distribution<std::size_t>(1, sites + 1)(rng);
  return FacilityLocationInstance(testing::random_values(rng, sites, 5, 40), testing::random_values(rng, sites, 10, 100),
                                  testing::random_values(rng, customers, 1, 15),
                                  testing::random_values(rng, customers * sites, 0, 50), count);
}

void expect_consistent(const FacilityLocationInstance& instance, const SingleSourceResult& result, double optimum,
                       int trial) {
  if (optimum == INF) {
    EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "trial " << trial;
    EXPECT_TRUE(result.solution.site_of_customer.empty()) << "trial " << trial;
    return;
  }
  ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "trial " << trial;
  ASSERT_TRUE(single_source_feasible(instance, result.solution)) << "trial " << trial;
  EXPECT_NEAR(result.stats.objective, optimum, COST_TOLERANCE) << "trial " << trial;
  EXPECT_NEAR(single_source_cost(instance, result.solution), optimum, COST_TOLERANCE) << "trial " << trial;
  EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE) << "trial " << trial;
}

TEST(SingleSource, MatchesBruteForceWithAndWithoutOpenCount) {
  std::mt19937_64 rng(1999);
  int infeasible = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const FacilityLocationInstance instance = random_instance(rng, trial % 2 == 1);
    const double optimum = testing::single_source_brute_force(instance);
    infeasible += optimum == INF ? 1 : 0;
    expect_consistent(instance, solve_single_source_facility_location(instance), optimum, trial);
  }
  // The draw must exercise both outcomes, or the test proves less than it claims.
  EXPECT_GT(infeasible, 20);
  EXPECT_LT(infeasible, 300);
}

TEST(SingleSource, TextbookMilpMatchesBruteForce) {
  std::mt19937_64 rng(1987);
  for (int trial = 0; trial < 100; ++trial) {
    const FacilityLocationInstance instance = random_instance(rng, trial % 2 == 1);
    expect_consistent(instance, solve_single_source_textbook_milp(instance),
                      testing::single_source_brute_force(instance), trial);
  }
}

// The Lagrangian bound alone (no exact phase) never passes the optimum, over many seeds.
TEST(SingleSource, LagrangianBoundNeverAboveTheOptimum) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    std::mt19937_64 rng(seed);
    for (int trial = 0; trial < 200; ++trial) {
      const FacilityLocationInstance instance = random_instance(rng, trial % 3 == 0);
      const double optimum = testing::single_source_brute_force(instance);
      SolveOptions options;
      options.exact = false;
      options.seed = seed;
      const SingleSourceResult result = solve_single_source_facility_location(instance, options);
      if (optimum == INF) {
        // Without the exact phase an infeasible instance is either proven so or left unsolved.
        EXPECT_TRUE(result.solution.site_of_customer.empty()) << "seed " << seed << " trial " << trial;
        continue;
      }
      EXPECT_LE(result.stats.bound, optimum + COST_TOLERANCE) << "seed " << seed << " trial " << trial;
      if (!result.solution.site_of_customer.empty()) {
        EXPECT_TRUE(single_source_feasible(instance, result.solution));
        EXPECT_GE(result.stats.objective, optimum - COST_TOLERANCE);
      }
    }
  }
}

// Capacity 10 at each of two sites and three customers of 6: 18 fits in 20 when demand may be
// split (the multi-source problem is feasible) but no two customers share a site.
TEST(SingleSource, InfeasibleWhenDemandCannotBeSplit) {
  const FacilityLocationInstance instance({10, 10}, {1, 1}, {6, 6, 6}, {1, 2, 2, 1, 1, 1});
  EXPECT_NE(solve_facility_location(instance).stats.status, SolveStatus::Infeasible);
  const SingleSourceResult result = solve_single_source_facility_location(instance);
  EXPECT_EQ(result.stats.status, SolveStatus::Infeasible);
  EXPECT_TRUE(result.solution.site_of_customer.empty());
  EXPECT_EQ(solve_single_source_textbook_milp(instance).stats.status, SolveStatus::Infeasible);
  // A customer larger than every site, and more sites asked for than exist.
  EXPECT_EQ(solve_single_source_facility_location(FacilityLocationInstance({5}, {0}, {6}, {1})).stats.status,
            SolveStatus::Infeasible);
  EXPECT_EQ(solve_single_source_facility_location(FacilityLocationInstance({5}, {0}, {1}, {1}, 2)).stats.status,
            SolveStatus::Infeasible);
}

// Hand-drawn: sites S0 (room 10, fixed 0) and S1 (room 10, fixed 0); customers of 6, 4 and 4.
// Costs: C0 2 at S0 / 8 at S1; C1 1 / 5; C2 1 / 5. Multi-source: C0 and C1 at S0 (10), C2
// split... any split of C2 between S0 (full) and S1 costs 5; total 2 + 1 + 5 = 8. Single
// source: S0 holds C0 + C1 (10) or C1 + C2 (8); {C0, C1} at S0, C2 at S1 = 2 + 1 + 5 = 8;
// {C1, C2} at S0, C0 at S1 = 1 + 1 + 8 = 10. Optimum 8 with C2 at S1.
TEST(SingleSource, HandDrawnAreasOfResponsibility) {
  const FacilityLocationInstance instance({10, 10}, {0, 0}, {6, 4, 4}, {2, 8, 1, 5, 1, 5});
  const SingleSourceResult result = solve_single_source_facility_location(instance);
  ASSERT_EQ(result.stats.status, SolveStatus::Optimal);
  EXPECT_NEAR(result.stats.objective, 8.0, COST_TOLERANCE);
  EXPECT_EQ(result.solution.site_of_customer, (std::vector<std::size_t>{0, 0, 1}));
  EXPECT_EQ(result.solution.open_sites, (std::vector<std::size_t>{0, 1}));
}

// Medium seeded instances (6 sites, 24 customers): ours proves an optimum on every one, CBC on
// the textbook model agrees where it proves one, both solutions are feasible and cost what they
// report, and the answer is the same on a second run in deterministic mode. CBC's reference is
// bounded by the clock (under sanitizers on a loaded machine its solve of seed 3 ran out of its
// 60 s), so an unproven reference asserts only what it proves: ours lies between its bound and
// its incumbent.
TEST(SingleSource, AgreesWithTextbookMilpOnSeededMediumInstances) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t sites = 6, customers = 24;
    const FacilityLocationInstance instance(testing::random_values(rng, sites, 40, 90),
                                            testing::random_values(rng, sites, 100, 400),
                                            testing::random_values(rng, customers, 5, 20),
                                            testing::random_values(rng, customers * sites, 1, 60));
    SolveOptions options;
    options.deterministic = true;
    const SingleSourceResult ours = solve_single_source_facility_location(instance, options);
    const SingleSourceResult again = solve_single_source_facility_location(instance, options);
    const SingleSourceResult cbc = solve_single_source_textbook_milp(instance);
    if (cbc.stats.status == SolveStatus::TimeLimit) {
      ASSERT_EQ(ours.stats.status, SolveStatus::Optimal) << "seed " << seed;
      EXPECT_GE(ours.stats.objective, cbc.stats.bound - COST_TOLERANCE) << "seed " << seed;
      if (!cbc.solution.site_of_customer.empty()) {
        EXPECT_LE(ours.stats.objective, cbc.stats.objective + COST_TOLERANCE) << "seed " << seed;
      }
    } else {
      ASSERT_EQ(cbc.stats.status, ours.stats.status) << "seed " << seed;
      if (cbc.stats.status != SolveStatus::Optimal) continue;
      EXPECT_NEAR(ours.stats.objective, cbc.stats.objective, COST_TOLERANCE) << "seed " << seed;
    }
    EXPECT_TRUE(single_source_feasible(instance, ours.solution));
    EXPECT_NEAR(single_source_cost(instance, ours.solution), ours.stats.objective, COST_TOLERANCE);
    EXPECT_EQ(ours.solution.site_of_customer, again.solution.site_of_customer) << "seed " << seed;
    EXPECT_EQ(ours.stats.bound, again.stats.bound) << "seed " << seed;
    EXPECT_LE(ours.stats.bound, ours.stats.objective + COST_TOLERANCE);
  }
}

// Generated instances of the published type (Holmberg et al. 1999), small enough for CBC on the
// textbook model: every one is proven at CBC's optimum, and the site branch-and-bound, its leaves
// priced by GAP solves, proves some of them within its first pass, without handing anything to
// CBC, where the root bound alone does not close them.
TEST(SingleSource, SiteBranchAndBoundProvesGeneratedInstances) {
  int by_tree = 0;
  // Seeds 1–8 at 10 sites × 40 customers, 9–16 at 8 × 30.
  for (std::uint64_t seed = 1; seed <= 16; ++seed) {
    const bool larger = seed <= 8;
    const FacilityLocationInstance instance = generate_single_source_cflp(larger ? 10 : 8, larger ? 40 : 30, seed);
    SolveOptions options;
    options.deterministic = true;
    const SingleSourceResult ours = solve_single_source_facility_location(instance, options);
    const SingleSourceResult cbc = solve_single_source_textbook_milp(instance);
    ASSERT_EQ(cbc.stats.status, SolveStatus::Optimal) << "seed " << seed;
    ASSERT_EQ(ours.stats.status, SolveStatus::Optimal) << "seed " << seed;
    EXPECT_NEAR(ours.stats.objective, cbc.stats.objective, COST_TOLERANCE) << "seed " << seed;
    EXPECT_TRUE(single_source_feasible(instance, ours.solution)) << "seed " << seed;
    EXPECT_NEAR(single_source_cost(instance, ours.solution), ours.stats.objective, COST_TOLERANCE);
    if (ours.stats.proved_by == ProofMethod::LagrangianBranchAndBound) {
      EXPECT_EQ(ours.stats.exact_columns, 0U) << "seed " << seed;
      ++by_tree;
    }
  }
  EXPECT_GE(by_tree, 3);
}

// The site tree takes its nodes best first with dives, in an order that depends on bounds and
// counts only: a second run in deterministic mode explores the same nodes, holds as many open at
// once and ends at the same answer; a tree that ran reports its work and the memory its waiting
// nodes held (at least a multiplier per customer each).
TEST(SingleSource, SiteTreeRepeatsItselfAndReportsItsWork) {
  int with_tree = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const FacilityLocationInstance instance = generate_single_source_cflp(10, 40, seed);
    SolveOptions options;
    options.deterministic = true;
    const SingleSourceResult first = solve_single_source_facility_location(instance, options);
    const SingleSourceResult second = solve_single_source_facility_location(instance, options);
    ASSERT_EQ(first.stats.status, SolveStatus::Optimal) << "seed " << seed;
    EXPECT_EQ(first.solution.site_of_customer, second.solution.site_of_customer) << "seed " << seed;
    EXPECT_EQ(first.stats.bound, second.stats.bound) << "seed " << seed;
    EXPECT_EQ(first.tree.nodes, second.tree.nodes) << "seed " << seed;
    EXPECT_EQ(first.tree.peak_open_nodes, second.tree.peak_open_nodes) << "seed " << seed;
    if (first.tree.nodes == 0) continue;
    ++with_tree;
    EXPECT_GE(first.tree.peak_open_nodes, 1U) << "seed " << seed;
    EXPECT_GE(first.tree.peak_open_bytes, first.tree.peak_open_nodes * instance.customer_count() * sizeof(double));
  }
  EXPECT_GE(with_tree, 3);
}

// The primal side alone (no exact phase): the local search, the Lagrangian heuristic, and the
// descent over one-site moves ranked by the Lagrangian bound with each set priced by a GAP solve.
// On generated instances it ends between the bound and the proven optimum, repeats itself in
// deterministic mode, and reaches the optimum on most of them.
TEST(SingleSource, HeuristicSideReachesMostOptimaAndRepeatsItself) {
  int at_optimum = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const FacilityLocationInstance instance = generate_single_source_cflp(10, 40, seed);
    SolveOptions options;
    options.deterministic = true;
    const SingleSourceResult proven = solve_single_source_facility_location(instance, options);
    ASSERT_EQ(proven.stats.status, SolveStatus::Optimal) << "seed " << seed;
    options.exact = false;
    const SingleSourceResult first = solve_single_source_facility_location(instance, options);
    const SingleSourceResult second = solve_single_source_facility_location(instance, options);
    ASSERT_TRUE(single_source_feasible(instance, first.solution)) << "seed " << seed;
    EXPECT_NEAR(single_source_cost(instance, first.solution), first.stats.objective, COST_TOLERANCE);
    EXPECT_GE(first.stats.objective, proven.stats.objective - COST_TOLERANCE) << "seed " << seed;
    EXPECT_LE(first.stats.bound, proven.stats.objective + COST_TOLERANCE) << "seed " << seed;
    EXPECT_EQ(first.solution.site_of_customer, second.solution.site_of_customer) << "seed " << seed;
    EXPECT_EQ(first.stats.bound, second.stats.bound) << "seed " << seed;
    at_optimum += first.stats.objective <= proven.stats.objective + COST_TOLERANCE ? 1 : 0;
  }
  RecordProperty("heuristic_at_optimum", at_optimum);
  EXPECT_GE(at_optimum, HEURISTIC_AT_OPTIMUM_FLOOR);
}

}  // namespace
}  // namespace guarantor::plan
