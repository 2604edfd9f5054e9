#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "guarantor/plan/sscflp_generator.hpp"
#include "random_instances.hpp"
#include "sscflp_neighbourhood.hpp"
#include "sscflp_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan {
namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double COST_TOLERANCE = 1e-6;
// Few moves, so the local search leaves something for the parts to improve.
constexpr std::uint64_t FEW_MOVES = 50;
constexpr double PART_LIMIT_S = 30.0;

detail::NeighbourhoodSettings settings_for(std::size_t part_sites) {
  detail::NeighbourhoodSettings settings;
  settings.sites = part_sites, settings.step = 1, settings.move_budget = FEW_MOVES;
  settings.part_limit_s = PART_LIMIT_S;
  return settings;
}

// Sites on a line at 0, 1, 5, 6 and 20 and customers at −5 and 30 (cost = demand × distance):
// closeness is the distance, so each site's nearest come in order of distance along the line.
TEST(SingleSourceNeighbourhood, NearestSitesFollowDistanceOnALine) {
  const std::vector<double> site_x = {0, 1, 5, 6, 20}, customer_x = {-5, 30}, demand = {2, 3};
  std::vector<double> cost;
  for (std::size_t customer = 0; customer < customer_x.size(); ++customer)
    for (double x : site_x) cost.push_back(demand[customer] * std::abs(x - customer_x[customer]));
  const FacilityLocationInstance instance(std::vector<double>(5, 10.0), std::vector<double>(5, 1.0), demand, cost);
  EXPECT_EQ(detail::nearest_sites(instance, 0, 3), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(detail::nearest_sites(instance, 3, 2), (std::vector<std::size_t>{3, 2}));
  EXPECT_EQ(detail::nearest_sites(instance, 4, 9), (std::vector<std::size_t>{4, 3, 2, 1, 0}));
}

// A part holding every site is the whole problem: from any incumbent the step ends at the
// optimum (CBC on the textbook model is the reference), with and without an open count.
TEST(SingleSourceNeighbourhood, PartOfEverySiteReachesTheOptimum) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t sites = 6, customers = 20;
    const std::optional<std::size_t> count = seed % 2 == 0 ? std::optional<std::size_t>(3) : std::nullopt;
    const FacilityLocationInstance instance(
        testing::random_values(rng, sites, 40, 90), testing::random_values(rng, sites, 100, 400),
        testing::random_values(rng, customers, 5, 20), testing::random_values(rng, customers * sites, 1, 60), count);
    const SingleSourceResult reference = solve_single_source_textbook_milp(instance);
    if (reference.stats.status != SolveStatus::Optimal) continue;
    const detail::Stopwatch clock(INF);
    auto never = [] { return false; };
    detail::SscflpSearch search(instance);
    std::vector<char> open(sites, 1);
    if (count) std::fill(open.begin() + static_cast<std::ptrdiff_t>(*count), open.end(), 0);
    if (!search.build(open, FEW_MOVES, never)) continue;
    detail::improve_by_parts(instance, search, settings_for(sites), clock, never);
    EXPECT_NEAR(search.best_cost(), reference.stats.objective, COST_TOLERANCE) << "seed " << seed;
    EXPECT_TRUE(single_source_feasible(instance, search.best())) << "seed " << seed;
  }
}

// Parts of a few sites on generated instances: the incumbent never gets worse, stays feasible
// and costs what the search reports.
TEST(SingleSourceNeighbourhood, SmallPartsKeepTheIncumbentFeasibleAndNoWorse) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const FacilityLocationInstance instance = generate_single_source_cflp(20, 80, seed);
    const detail::Stopwatch clock(INF);
    auto never = [] { return false; };
    detail::SscflpSearch search(instance);
    ASSERT_TRUE(search.build(std::vector<char>(instance.site_count(), 1), FEW_MOVES, never));
    const double before = search.best_cost();
    const std::size_t parts = detail::improve_by_parts(instance, search, settings_for(5), clock, never);
    EXPECT_GT(parts, 0U) << "seed " << seed;
    EXPECT_LE(search.best_cost(), before) << "seed " << seed;
    EXPECT_TRUE(single_source_feasible(instance, search.best())) << "seed " << seed;
    EXPECT_NEAR(single_source_cost(instance, search.best()), search.best_cost(), COST_TOLERANCE) << "seed " << seed;
  }
}

}  // namespace
}  // namespace guarantor::plan
