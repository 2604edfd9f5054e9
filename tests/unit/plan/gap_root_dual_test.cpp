// The GAP's root dual started at the LP relaxation's duals, its Polyak target capped near the
// bound: it must stay a valid lower bound.
#include <gtest/gtest.h>

#include "gap_bound_check.hpp"

namespace guarantor::plan {
namespace {

// The root dual from the LP duals, run to its end with its target capped near the
// bound, never passes the minimum (integer and fractional data).
TEST(GapRootDual, CappedTargetBoundNeverAboveTheOptimum) {
  testing::BoundCheck check;
  check.seed = 1995, check.trials = 300, check.max_agents = 4, check.min_jobs = 4, check.max_jobs = 8;
  EXPECT_GT(testing::check_bounds_against_brute_force(check), 150);
}

}  // namespace
}  // namespace guarantor::plan
