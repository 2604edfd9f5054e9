// The exact re-solve of freed jobs the GAP neighbourhoods share (src/plan/gap_resolve.hpp): over a
// group of agents it moves the freed jobs among the group only and leaves every other job, never
// hands on an infeasible or dearer assignment, and passes the sub-solver the job behind each of
// the sub-instance's jobs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gap_resolve.hpp"
#include "gap_search.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

constexpr double TOLERANCE = 1e-6;
// The generated instances have integer costs (objective_step.hpp).
constexpr double STEP = 1.0;

TEST(GapResolve, OverAGroupMovesTheFreedJobsWithinItOnly) {
  constexpr std::size_t AGENTS = 6, JOBS = 36;
  const std::vector<std::size_t> group{1, 3, 4};
  int compared = 0, improved = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    for (GapType type : {GapType::C, GapType::D, GapType::E}) {
      const GapInstance instance = generate_gap(type, AGENTS, JOBS, seed);
      detail::GapSearch search(instance);
      const GapSolution constructed = gap_heuristic(instance);
      if (!gap_feasible(instance, constructed)) continue;
      search.adopt(constructed.agent_of_job);
      const std::vector<std::size_t> before = search.best();
      std::vector<std::size_t> freed;
      for (std::size_t job = 0; job < JOBS; ++job) {
        if (std::binary_search(group.begin(), group.end(), before[job])) freed.push_back(job);
      }
      std::vector<std::size_t> seen;
      auto exact = [&seen](const GapInstance& sub, double cutoff, const std::vector<std::size_t>& jobs) {
        seen = jobs;
        EXPECT_EQ(jobs.size(), sub.job_count());
        return solve_gap_below(sub, cutoff);
      };
      improved += detail::resolve_free_jobs(instance, search, freed, group, STEP, exact) ? 1 : 0;
      if (!freed.empty()) {
        EXPECT_EQ(seen, freed) << "seed " << seed;
      }
      const std::vector<std::size_t>& after = search.best();
      for (std::size_t job = 0; job < JOBS; ++job) {
        if (std::binary_search(freed.begin(), freed.end(), job)) {
          EXPECT_TRUE(std::binary_search(group.begin(), group.end(), after[job])) << "seed " << seed;
        } else {
          EXPECT_EQ(after[job], before[job]) << "seed " << seed;
        }
      }
      EXPECT_TRUE(gap_feasible(instance, GapSolution{after})) << "seed " << seed;
      EXPECT_NEAR(search.best_cost(), gap_cost(instance, GapSolution{after}), TOLERANCE) << "seed " << seed;
      EXPECT_LE(search.best_cost(), gap_cost(instance, constructed) + TOLERANCE) << "seed " << seed;
      ++compared;
    }
  }
  EXPECT_GT(compared, 0);
  // The construction's split of three agents' jobs is rarely their optimum.
  EXPECT_GT(improved, 0);
}

}  // namespace
}  // namespace guarantor::plan
