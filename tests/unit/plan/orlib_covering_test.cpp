// SJC maximal covering networks: optimal covered demand from ../shared/data/orlib/mclp-sjc
// (proven with CBC 2.10.8, cross-checked with HiGHS; computed anchors, not a published table).
#include <gtest/gtest.h>

#include "guarantor/plan/max_covering.hpp"
#include "orlib_paths.hpp"
#include "sjc_reader.hpp"

namespace guarantor::plan {
namespace {

struct SjcCase {
  const char* file;
  std::size_t p;
  double radius_m;
  double optimum;
};

class OrlibSjc : public ::testing::TestWithParam<SjcCase> {};

TEST_P(OrlibSjc, ReachesAndProvesTheOptimum) {
  const auto path = testing::unshipped_orlib_path(std::string("mclp-sjc/") + GetParam().file);
  GUARANTOR_SKIP_UNLESS_UNSHIPPED_FILE(path);
  const CoveringInstance instance = orlib::read_sjc(path.string(), GetParam().radius_m);
  const CoveringResult result = solve_max_covering(instance, GetParam().p);
  EXPECT_EQ(result.stats.status, SolveStatus::Optimal);
  EXPECT_DOUBLE_EQ(result.stats.objective, GetParam().optimum);
  EXPECT_DOUBLE_EQ(result.stats.bound, GetParam().optimum);
  EXPECT_DOUBLE_EQ(covered_weight(instance, result.solution.open_sites), GetParam().optimum);
  EXPECT_EQ(result.solution.open_sites.size(), GetParam().p);
}

INSTANTIATE_TEST_SUITE_P(Published, OrlibSjc,
                         ::testing::Values(SjcCase{"SJC324.txt", 20, 150, 7302}, SjcCase{"SJC324.txt", 3, 800, 11604},
                                           SjcCase{"SJC402.txt", 30, 150, 11073}, SjcCase{"SJC500.txt", 40, 150, 13340},
                                           SjcCase{"SJC708.txt", 6, 800, 22504}, SjcCase{"SJC818.txt", 80, 150, 23325},
                                           SjcCase{"SJC818.txt", 80, 200, 27945}, SjcCase{"SJC818.txt", 10, 800, 28838}));

}  // namespace
}  // namespace guarantor::plan
