// The textbook baselines with a second MILP solver (SolveOptions::textbook_milp_solver): the model
// reaches it as an MPS file, its answer is read back, and HiGHS (when installed) finds the same
// optima as brute force.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <random>
#include <string>

#include "gap_brute_force.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "highs_milp.hpp"
#include "random_instances.hpp"
#include "single_source_brute_force.hpp"

namespace guarantor::plan {
namespace {

constexpr double COST_TOLERANCE = 1e-6;

GapInstance random_gap(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> agents_draw(2, 3), jobs_draw(3, 6);
  const std::size_t agents = agents_draw(rng), jobs = jobs_draw(rng);
  return GapInstance(agents, jobs, testing::random_values(rng, agents * jobs, 1, 30),
                     testing::random_values(rng, agents * jobs, 1, 10), testing::random_values(rng, agents, 6, 20));
}

FacilityLocationInstance random_facility_location(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> sites_draw(2, 3), customers_draw(2, 5);
  const std::size_t sites = sites_draw(rng), customers = customers_draw(rng);
  return FacilityLocationInstance(
      testing::random_values(rng, sites, 5, 40), testing::random_values(rng, sites, 10, 100),
      testing::random_values(rng, customers, 1, 15), testing::random_values(rng, customers * sites, 0, 50));
}

TEST(TextbookMilp, ExternalSolverGetsTheModelAsAFileAndItsBoundIsKept) {
  std::mt19937_64 rng(5);
  const GapInstance instance = random_gap(rng);
  std::string seen_path;
  bool file_had_model = false;
  SolveOptions options;
  options.textbook_milp_solver = [&](const std::string& path, double limit_s) {
    seen_path = path;
    file_had_model = std::filesystem::file_size(path) > 0 && limit_s > 0;
    ExternalMilpAnswer answer;
    answer.bound = 7;  // stopped before any solution, with a bound
    return answer;
  };
  const GapResult result = solve_gap_textbook_milp(instance, Sense::Minimise, options);
  EXPECT_TRUE(file_had_model);
  EXPECT_FALSE(std::filesystem::exists(seen_path)) << seen_path << " was left behind";
  EXPECT_EQ(result.stats.status, SolveStatus::TimeLimit);
  EXPECT_EQ(result.stats.proved_by, ProofMethod::None);
  EXPECT_DOUBLE_EQ(result.stats.bound, 7);
  EXPECT_TRUE(result.solution.agent_of_job.empty());
}

TEST(TextbookMilp, AnswerOfTheWrongSizeIsAnError) {
  std::mt19937_64 rng(6);
  const GapInstance instance = random_gap(rng);
  std::string seen_path;
  SolveOptions options;
  options.textbook_milp_solver = [&](const std::string& path, double) {
    seen_path = path;
    ExternalMilpAnswer answer;
    answer.finished = answer.has_solution = true;
    answer.objective = 0;
    answer.values = {1.0};
    return answer;
  };
  EXPECT_THROW(solve_gap_textbook_milp(instance, Sense::Minimise, options), Error);
  EXPECT_FALSE(std::filesystem::exists(seen_path)) << seen_path << " was left behind";
}

TEST(TextbookMilp, HighsMatchesBruteForce) {
  if (const std::string missing = highs::missing(); !missing.empty())
    GTEST_SKIP() << "HiGHS not installed: " << missing;
  std::mt19937_64 rng(11);
  SolveOptions options;
  options.time_limit_s = 60;
  options.textbook_milp_solver = highs::milp_solver();
  for (int trial = 0; trial < 6; ++trial) {
    const GapInstance instance = random_gap(rng);
    const Sense sense = trial % 2 == 0 ? Sense::Minimise : Sense::Maximise;
    const double optimum = testing::gap_brute_force(instance, sense);
    const GapResult result = solve_gap_textbook_milp(instance, sense, options);
    if (!std::isfinite(optimum)) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "gap trial " << trial;
      continue;
    }
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "gap trial " << trial;
    EXPECT_EQ(result.stats.proved_by, ProofMethod::ExternalMilp) << "gap trial " << trial;
    ASSERT_TRUE(gap_feasible(instance, result.solution)) << "gap trial " << trial;
    EXPECT_NEAR(gap_cost(instance, result.solution), optimum, COST_TOLERANCE) << "gap trial " << trial;
    EXPECT_NEAR(result.stats.bound, optimum, COST_TOLERANCE) << "gap trial " << trial;
  }
  for (int trial = 0; trial < 4; ++trial) {
    const FacilityLocationInstance instance = random_facility_location(rng);
    const double optimum = testing::single_source_brute_force(instance);
    const SingleSourceResult result = solve_single_source_textbook_milp(instance, options);
    if (!std::isfinite(optimum)) {
      EXPECT_EQ(result.stats.status, SolveStatus::Infeasible) << "single-source trial " << trial;
      continue;
    }
    ASSERT_EQ(result.stats.status, SolveStatus::Optimal) << "single-source trial " << trial;
    EXPECT_EQ(result.stats.proved_by, ProofMethod::ExternalMilp) << "single-source trial " << trial;
    ASSERT_TRUE(single_source_feasible(instance, result.solution)) << "single-source trial " << trial;
    EXPECT_NEAR(single_source_cost(instance, result.solution), optimum, COST_TOLERANCE)
        << "single-source trial " << trial;
  }
}

}  // namespace
}  // namespace guarantor::plan
