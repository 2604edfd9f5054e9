#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "guarantor/plan/sscflp_generator.hpp"
#include "random_instances.hpp"
#include "single_source_brute_force.hpp"
#include "sscflp_lagrangian.hpp"
#include "sscflp_levels.hpp"
#include "sscflp_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan {
namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double COST_TOLERANCE = 1e-6;
// A first level of a few columns, so that small instances go through several levels before the
// incumbent's (the solver starts at 1,500 columns, more than these instances have).
constexpr std::size_t SMALL_FIRST_LEVEL = 8;
constexpr std::uint64_t MOVES = 10'000;

// Each customer's cheapest site plus its demand's share of that site's fixed cost: any
// multipliers give a valid Lagrangian bound and a valid fixing, these a loose one (more levels).
std::vector<double> share_multipliers(const FacilityLocationInstance& instance) {
  std::vector<double> multipliers(instance.customer_count(), INF);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      if (instance.demand(customer) > instance.capacity(site)) continue;
      multipliers[customer] = std::min(
          multipliers[customer], instance.allocation_cost(customer, site) +
                                     instance.demand(customer) / instance.capacity(site) * instance.fixed_cost(site));
    }
  }
  return multipliers;
}

struct LevelRun {
  detail::LevelOutcome outcome;
  double start_bound = 0;
  double incumbent = INF;
};

LevelRun run_levels(const FacilityLocationInstance& instance, std::uint64_t node_limit = 0,
                    double cut_ratio = detail::LAGRANGIAN_CUT_RATIO) {
  const detail::Stopwatch clock(INF);
  auto never = [] { return false; };
  detail::SscflpSearch search(instance);
  search.build(std::vector<char>(instance.site_count(), 1), MOVES, never);
  detail::SscflpLagrangian lagrangian(instance);
  const std::vector<double> multipliers = share_multipliers(instance);
  LevelRun run;
  run.start_bound = std::ceil(lagrangian.evaluate_with_large_tables(multipliers) - 1e-6);
  detail::LevelSettings settings;
  settings.bound = run.start_bound, settings.step = 1, settings.move_budget = MOVES;
  settings.column_limit = std::numeric_limits<std::size_t>::max(), settings.first_columns = SMALL_FIRST_LEVEL;
  settings.node_limit = node_limit, settings.cut_ratio = cut_ratio;
  if (!search.has_solution()) return run;
  run.outcome = detail::raise_bound_by_levels(instance, lagrangian, multipliers, search, settings, clock, never);
  run.incumbent = search.best_cost();
  return run;
}

// Integer data on seeded instances (6 sites, 24 customers; CBC on the textbook model is the
// reference): every level proven lies at or below the optimum, the phase ends at the optimum
// when its CBC runs are not stopped, and on most instances it proves levels between the first
// bound and the optimum on the way (the part that raises the bound of the large instances).
TEST(SingleSourceLevels, EachLevelIsABoundAndTheLastProvesTheOptimum) {
  int raised = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t sites = 6, customers = 24;
    const FacilityLocationInstance instance(
        testing::random_values(rng, sites, 40, 90), testing::random_values(rng, sites, 100, 400),
        testing::random_values(rng, customers, 5, 20), testing::random_values(rng, customers * sites, 1, 60));
    const SingleSourceResult cbc = solve_single_source_textbook_milp(instance);
    if (cbc.stats.status != SolveStatus::Optimal) continue;
    const LevelRun run = run_levels(instance);
    ASSERT_TRUE(run.outcome.optimal) << "seed " << seed;
    EXPECT_FALSE(run.outcome.out_of_time) << "seed " << seed;
    EXPECT_NEAR(run.incumbent, cbc.stats.objective, COST_TOLERANCE) << "seed " << seed;
    EXPECT_LE(run.outcome.bound, cbc.stats.objective + COST_TOLERANCE) << "seed " << seed;
    if (run.outcome.levels >= 2 && run.outcome.bound > run.start_bound) ++raised;
  }
  EXPECT_GE(raised, 4);
}

// Generated instances of the published type (Holmberg et al. 1999), 10 × 40: the same, against
// the site branch-and-bound's proven optimum.
TEST(SingleSourceLevels, ProvesGeneratedInstances) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const FacilityLocationInstance instance = generate_single_source_cflp(10, 40, seed);
    SolveOptions options;
    options.deterministic = true;
    const SingleSourceResult reference = solve_single_source_facility_location(instance, options);
    ASSERT_EQ(reference.stats.status, SolveStatus::Optimal) << "seed " << seed;
    const LevelRun run = run_levels(instance);
    ASSERT_TRUE(run.outcome.optimal) << "seed " << seed;
    EXPECT_NEAR(run.incumbent, reference.stats.objective, COST_TOLERANCE) << "seed " << seed;
    EXPECT_LE(run.outcome.bound, reference.stats.objective + COST_TOLERANCE) << "seed " << seed;
    EXPECT_GE(run.outcome.levels, 1U) << "seed " << seed;
  }
}

// Small random instances (4 sites, 8 customers) against brute force: no level proven lies above
// the optimum, and the phase ends at the optimum, with the sites' Lagrangian cuts where they pay
// and with them in every level's model.
TEST(SingleSourceLevels, NoLevelAboveTheBruteForceOptimum) {
  std::mt19937_64 rng(5);
  int checked = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const std::size_t sites = 4, customers = 8;
    const FacilityLocationInstance instance(
        testing::random_values(rng, sites, 30, 70), testing::random_values(rng, sites, 40, 90),
        testing::random_values(rng, customers, 5, 20), testing::random_values(rng, customers * sites, 1, 60));
    const double optimum = testing::single_source_brute_force(instance);
    if (!std::isfinite(optimum)) continue;
    for (const double cut_ratio : {detail::LAGRANGIAN_CUT_RATIO, -INF}) {
      const LevelRun run = run_levels(instance, 0, cut_ratio);
      if (!std::isfinite(run.incumbent)) continue;
      ++checked;
      EXPECT_LE(run.outcome.bound, optimum + COST_TOLERANCE) << "trial " << trial << ", ratio " << cut_ratio;
      EXPECT_TRUE(run.outcome.optimal) << "trial " << trial << ", ratio " << cut_ratio;
      EXPECT_NEAR(run.incumbent, optimum, COST_TOLERANCE) << "trial " << trial << ", ratio " << cut_ratio;
    }
  }
  EXPECT_GE(checked, 30);
}

// With CBC's nodes counted (deterministic mode) a second run proves the same levels on the same
// models (each with the Lagrangian cuts) and ends at the same incumbent.
TEST(SingleSourceLevels, RepeatThemselvesOnCountedNodes) {
  constexpr std::uint64_t NODES = 50;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const FacilityLocationInstance instance = generate_single_source_cflp(10, 40, seed);
    const LevelRun first = run_levels(instance, NODES, -INF), second = run_levels(instance, NODES, -INF);
    EXPECT_EQ(first.outcome.bound, second.outcome.bound) << "seed " << seed;
    EXPECT_EQ(first.outcome.levels, second.outcome.levels) << "seed " << seed;
    EXPECT_EQ(first.outcome.columns, second.outcome.columns) << "seed " << seed;
    EXPECT_EQ(first.outcome.optimal, second.outcome.optimal) << "seed " << seed;
    EXPECT_EQ(first.incumbent, second.incumbent) << "seed " << seed;
  }
}

// Without a finite bound there is no range to bisect: the phase proves nothing and says so.
TEST(SingleSourceLevels, NothingToRaiseFromAnInfiniteBound) {
  const FacilityLocationInstance instance = generate_single_source_cflp(4, 12, 1);
  const detail::Stopwatch clock(INF);
  auto never = [] { return false; };
  detail::SscflpSearch search(instance);
  ASSERT_TRUE(search.build(std::vector<char>(instance.site_count(), 1), MOVES, never));
  detail::SscflpLagrangian lagrangian(instance);
  detail::LevelSettings settings;
  settings.bound = -INF, settings.step = 1, settings.column_limit = std::numeric_limits<std::size_t>::max();
  const detail::LevelOutcome outcome =
      detail::raise_bound_by_levels(instance, lagrangian, share_multipliers(instance), search, settings, clock, never);
  EXPECT_FALSE(outcome.optimal);
  EXPECT_EQ(outcome.levels, 0U);
  EXPECT_EQ(outcome.bound, -INF);
}

}  // namespace
}  // namespace guarantor::plan
