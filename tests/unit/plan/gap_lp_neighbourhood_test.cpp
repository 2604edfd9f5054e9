// The LP-guided GAP neighbourhood (src/plan/gap_lp_neighbourhood.hpp): a re-solve of freed jobs
// never hands on an infeasible or dearer assignment and reports its own cost; freeing every job
// reaches the brute-force optimum; the same seed and budget repeat the same path.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "gap_lp_multipliers.hpp"
#include "gap_lp_neighbourhood.hpp"
#include "gap_search.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

constexpr double TOLERANCE = 1e-6;
constexpr double LP_LIMIT_S = 10.0;
// The generated instances have integer costs (objective_step.hpp).
constexpr double STEP = 1.0;

// The small deterministic sub-solve the solver itself uses: a budget of counts, not time.
GapResult sub_solve(const GapInstance& sub, double cutoff, const std::vector<std::size_t>& /*jobs*/) {
  SolveOptions options;
  options.deterministic = true;
  options.search_moves = 50;
  options.exact_nodes = 300;
  options.subgradient_iterations = 100;
  return solve_gap_below(sub, cutoff, options);
}

// A GapSearch holding the construction's assignment (false when it found none).
bool seeded(const GapInstance& instance, detail::GapSearch& search) {
  const GapSolution constructed = gap_heuristic(instance);
  if (!gap_feasible(instance, constructed)) return false;
  search.adopt(constructed.agent_of_job);
  return true;
}

// On random instances of each type, whatever the neighbourhood hands on is feasible, costs what
// it says and is no dearer than the start; with the LP's own rounding and with a random one, with
// free sets of one size and growing ones.
TEST(GapLpNeighbourhood, HandsOnFeasibleAssignmentsNoDearerAtTheirOwnCost) {
  constexpr std::size_t AGENTS = 8, JOBS = 40, FREED = 16, GROWN = 30;
  constexpr std::uint64_t SOLVES = 30, IDLE = 10;
  int improved = 0;
  for (GapType type : {GapType::C, GapType::D, GapType::E}) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const GapInstance instance = generate_gap(type, AGENTS, JOBS, seed);
      std::mt19937_64 draw(seed);
      std::vector<std::size_t> random_agent(JOBS);
      for (std::size_t& agent : random_agent) agent = draw() % AGENTS;
      for (const std::vector<std::size_t>& lp_agent : {detail::lp_duals(instance, LP_LIMIT_S).rounded, random_agent}) {
        if (lp_agent.size() != JOBS) continue;
        for (std::size_t most : {FREED, GROWN}) {
          detail::GapSearch search(instance);
          if (!seeded(instance, search)) continue;
          const double start = search.best_cost();
          std::mt19937_64 rng(seed);
          improved += static_cast<int>(detail::improve_by_lp_disagreement(
              instance, search, lp_agent, SOLVES, IDLE, FREED, most, STEP, rng, sub_solve, [] { return false; }));
          const GapSolution found{search.best()};
          ASSERT_TRUE(gap_feasible(instance, found)) << "seed " << seed;
          EXPECT_NEAR(search.best_cost(), gap_cost(instance, found), TOLERANCE) << "seed " << seed;
          EXPECT_LE(search.best_cost(), start + TOLERANCE) << "seed " << seed;
        }
      }
    }
  }
  // The construction is rarely optimal on these: the neighbourhood must find something.
  EXPECT_GT(improved, 0);
}

// Every job freed: the re-solve is the whole instance under the start's cost as cutoff, so it
// ends at the optimum every assignment tried finds.
TEST(GapLpNeighbourhood, FreeingEveryJobReachesTheBruteForceOptimum) {
  constexpr std::size_t AGENTS = 3, JOBS = 9;
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    for (GapType type : {GapType::C, GapType::D}) {
      const GapInstance instance = generate_gap(type, AGENTS, JOBS, seed);
      detail::GapSearch search(instance);
      if (!seeded(instance, search)) continue;
      std::vector<std::size_t> every(JOBS);
      std::iota(every.begin(), every.end(), std::size_t{0});
      std::vector<std::size_t> every_agent(AGENTS);
      std::iota(every_agent.begin(), every_agent.end(), std::size_t{0});
      auto exact = [](const GapInstance& sub, double cutoff, const std::vector<std::size_t>& /*jobs*/) {
        return solve_gap_below(sub, cutoff);
      };
      const double optimum = testing::gap_brute_force(instance);
      const bool improved = detail::resolve_free_jobs(instance, search, every, every_agent, STEP, exact);
      EXPECT_EQ(improved, search.best_cost() < gap_cost(instance, GapSolution{gap_heuristic(instance)}) - TOLERANCE);
      EXPECT_NEAR(search.best_cost(), optimum, TOLERANCE) << "seed " << seed;
      EXPECT_TRUE(gap_feasible(instance, GapSolution{search.best()}));
      ++compared;
    }
  }
  EXPECT_GT(compared, 0);
}

// The same seed and budget give the same assignment, with free sets that grow too.
TEST(GapLpNeighbourhood, RepeatsItself) {
  const GapInstance instance = generate_gap(GapType::D, 10, 60, 3);
  const std::vector<std::size_t> lp_agent = detail::lp_duals(instance, LP_LIMIT_S).rounded;
  ASSERT_EQ(lp_agent.size(), 60U);
  for (std::size_t most : {std::size_t{24}, std::size_t{40}}) {
    std::vector<std::size_t> first;
    for (int run = 0; run < 2; ++run) {
      detail::GapSearch search(instance);
      ASSERT_TRUE(seeded(instance, search));
      std::mt19937_64 rng(11);
      detail::improve_by_lp_disagreement(instance, search, lp_agent, 60, 10, 24, most, STEP, rng, sub_solve,
                                         [] { return false; });
      if (run == 0) first = search.best();
      else EXPECT_EQ(search.best(), first) << "most " << most;
    }
  }
}

}  // namespace
}  // namespace guarantor::plan
