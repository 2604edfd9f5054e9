// The LP relaxation that starts the GAP's root dual, solved by column generation from each job's
// cheapest and least-resource agents and its incumbent agent: it must reach the full LP's value.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "gap_lp_multipliers.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

constexpr double NO_LIMIT = std::numeric_limits<double>::infinity();

// Types C, D and E (in E cost falls as resource rises, so a job's cheapest agents alone make a
// poor first restricted LP): the generated columns give the full LP's value.
TEST(GapLpMultipliers, ColumnGenerationReachesTheFullLpValue) {
  int checked = 0;
  for (const GapType type : {GapType::C, GapType::D, GapType::E}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const GapInstance instance = generate_gap(type, 20, 200, seed);
      const GapSolution constructed = gap_heuristic(instance);
      if (!gap_feasible(instance, constructed)) continue;
      const detail::LpDuals full = detail::lp_duals(instance, NO_LIMIT);
      const detail::LpDuals generated = detail::lp_duals(instance, NO_LIMIT, constructed.agent_of_job);
      ASSERT_EQ(full.job.size(), instance.job_count());
      ASSERT_EQ(generated.job.size(), instance.job_count()) << "type " << static_cast<int>(type) << " seed " << seed;
      ASSERT_EQ(generated.rounded.size(), instance.job_count());
      EXPECT_NEAR(generated.value, full.value, 1e-6 * std::abs(full.value))
          << "type " << static_cast<int>(type) << " seed " << seed;
      ++checked;
    }
  }
  EXPECT_GE(checked, 6);
}

}  // namespace
}  // namespace guarantor::plan
