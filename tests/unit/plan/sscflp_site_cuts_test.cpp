#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "guarantor/plan/facility_location.hpp"
#include "milp.hpp"
#include "random_instances.hpp"
#include "single_source_brute_force.hpp"
#include "sscflp_lagrangian.hpp"
#include "sscflp_model.hpp"

namespace guarantor::plan {
namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double COST_TOLERANCE = 1e-6;
constexpr std::size_t SITES = 4, CUSTOMERS = 7;
constexpr int TRIALS = 40;

// Each customer's cheapest site plus its demand's share of the fixed cost, scaled by a random
// factor: the cuts must hold at any multipliers, good or poor.
std::vector<double> random_multipliers(std::mt19937_64& rng, const FacilityLocationInstance& instance) {
  std::uniform_real_distribution<double> scale(0.5, 1.5);
  std::vector<double> multipliers(instance.customer_count(), INF);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      multipliers[customer] = std::min(
          multipliers[customer], instance.allocation_cost(customer, site) +
                                     instance.demand(customer) / instance.capacity(site) * instance.fixed_cost(site));
    }
    multipliers[customer] *= scale(rng);
  }
  return multipliers;
}

// A random instance of SITES x CUSTOMERS.
FacilityLocationInstance random_instance(std::mt19937_64& rng) {
  return FacilityLocationInstance(
      testing::random_values(rng, SITES, 20, 50), testing::random_values(rng, SITES, 40, 90),
      testing::random_values(rng, CUSTOMERS, 5, 20), testing::random_values(rng, CUSTOMERS * SITES, 1, 60));
}

// The textbook model (strong linking rows) with the sites' Lagrangian cuts at random multipliers.
detail::SscflpModel model_with_site_cuts(std::mt19937_64& rng, const FacilityLocationInstance& instance) {
  const std::vector<double> multipliers = random_multipliers(rng, instance);
  detail::SscflpLagrangian lagrangian(instance);
  lagrangian.evaluate_with_large_tables(multipliers);
  detail::SscflpModel model = detail::build_sscflp_model(instance, {}, {}, true);
  detail::add_lagrangian_site_cuts(instance, model, multipliers, lagrangian.reduced_costs());
  return model;
}

// The sites' Lagrangian cuts are valid (CBC with them, and without its own cuts, reaches the
// brute-force optimum, or finds none where there is none) and never lower the LP bound; on some
// instances they raise it, which is what they are for.
TEST(SingleSourceSiteCuts, KeepTheOptimumAndNeverLowerTheLp) {
  int raised = 0, feasible = 0;
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < TRIALS; ++trial) {
    const FacilityLocationInstance instance = random_instance(rng);
    const double optimum = testing::single_source_brute_force(instance);
    const detail::SscflpModel plain = detail::build_sscflp_model(instance, {}, {}, true);
    const detail::SscflpModel cut = model_with_site_cuts(rng, instance);
    EXPECT_GT(cut.model.row_count(), plain.model.row_count()) << "trial " << trial;
    detail::MilpParams params;
    params.cuts = false;
    const detail::MilpOutcome solved = detail::solve_milp(cut.model, params);
    ASSERT_TRUE(solved.finished) << "trial " << trial;
    if (!std::isfinite(optimum)) {
      EXPECT_FALSE(solved.has_solution) << "trial " << trial;
      continue;
    }
    ++feasible;
    ASSERT_TRUE(solved.has_solution) << "trial " << trial;
    EXPECT_NEAR(solved.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    const detail::LpOutcome plain_lp = detail::solve_lp(plain.model), cut_lp = detail::solve_lp(cut.model);
    ASSERT_TRUE(plain_lp.optimal && cut_lp.optimal) << "trial " << trial;
    EXPECT_GE(cut_lp.objective, plain_lp.objective - COST_TOLERANCE) << "trial " << trial;
    EXPECT_LE(cut_lp.objective, optimum + COST_TOLERANCE) << "trial " << trial;
    if (cut_lp.objective > plain_lp.objective + COST_TOLERANCE) ++raised;
  }
  EXPECT_GE(feasible, TRIALS / 2);
  EXPECT_GE(raised, 1);
}

// A level's proof as the levels run it (the sites' cuts, CBC's cuts and heuristics off, the site
// columns branched on first): it reaches the brute-force optimum, and a cutoff just below the
// optimum leaves no solution.
TEST(SingleSourceSiteCuts, SitesBranchedFirstKeepTheOptimum) {
  int feasible = 0;
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < TRIALS; ++trial) {
    const FacilityLocationInstance instance = random_instance(rng);
    const double optimum = testing::single_source_brute_force(instance);
    const detail::SscflpModel model = model_with_site_cuts(rng, instance);
    detail::MilpParams params;
    params.cuts = false, params.heuristics = false;
    params.branch_first_columns = model.model.column_count() - model.pair.size();
    const detail::MilpOutcome solved = detail::solve_milp(model.model, params);
    ASSERT_TRUE(solved.finished) << "trial " << trial;
    if (!std::isfinite(optimum)) {
      EXPECT_FALSE(solved.has_solution) << "trial " << trial;
      continue;
    }
    ++feasible;
    ASSERT_TRUE(solved.has_solution) << "trial " << trial;
    EXPECT_NEAR(solved.objective, optimum, COST_TOLERANCE) << "trial " << trial;
    params.cutoff = optimum - 0.5;
    const detail::MilpOutcome below = detail::solve_milp(model.model, params);
    EXPECT_TRUE(below.finished) << "trial " << trial;
    EXPECT_FALSE(below.has_solution) << "trial " << trial;
  }
  EXPECT_GE(feasible, TRIALS / 2);
}

// A site fixed closed has no column and a pair removed none either: the cuts span only the
// columns the model has, and the optimum of the reduced model is kept.
TEST(SingleSourceSiteCuts, FollowTheReducedModel) {
  std::mt19937_64 rng(11);
  int checked = 0;
  for (int trial = 0; trial < TRIALS && checked < TRIALS / 4; ++trial) {
    const FacilityLocationInstance instance(
        testing::random_values(rng, SITES, 30, 60), testing::random_values(rng, SITES, 40, 90),
        testing::random_values(rng, CUSTOMERS, 5, 15), testing::random_values(rng, CUSTOMERS * SITES, 1, 60));
    std::vector<signed char> site_fixed(SITES, 0);
    site_fixed[trial % SITES] = -1;
    std::vector<char> pair_removed(CUSTOMERS * SITES, 0);
    pair_removed[(trial % CUSTOMERS) * SITES + (trial + 1) % SITES] = 1;
    const detail::SscflpModel plain = detail::build_sscflp_model(instance, site_fixed, pair_removed, true);
    if (plain.customer_without_pair) continue;
    const detail::MilpOutcome reference = detail::solve_milp(plain.model, {});
    ASSERT_TRUE(reference.finished) << "trial " << trial;
    if (!reference.has_solution) continue;
    const std::vector<double> multipliers = random_multipliers(rng, instance);
    detail::SscflpLagrangian lagrangian(instance);
    lagrangian.evaluate_with_large_tables(multipliers);
    detail::SscflpModel cut = detail::build_sscflp_model(instance, site_fixed, pair_removed, true);
    detail::add_lagrangian_site_cuts(instance, cut, multipliers, lagrangian.reduced_costs());
    detail::MilpParams params;
    params.cuts = false;
    const detail::MilpOutcome solved = detail::solve_milp(cut.model, params);
    ASSERT_TRUE(solved.finished && solved.has_solution) << "trial " << trial;
    EXPECT_NEAR(solved.objective, reference.objective, COST_TOLERANCE) << "trial " << trial;
    ++checked;
  }
  EXPECT_EQ(checked, TRIALS / 4);
}

}  // namespace
}  // namespace guarantor::plan
