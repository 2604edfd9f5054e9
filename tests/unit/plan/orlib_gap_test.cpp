// OR-Library gap1–gap12 (60 problems), optima of the max-profit form (OR-Library gapinfo).
#include <gtest/gtest.h>

#include "gap_reader.hpp"
#include "orlib_paths.hpp"

namespace guarantor::plan {
namespace {

struct GapFileCase {
  int number;
  std::vector<double> optima;  // per problem in file order
};

class OrlibGap : public ::testing::TestWithParam<GapFileCase> {};

TEST_P(OrlibGap, ReachesAndProvesThePublishedOptima) {
  const auto path = testing::orlib_path("gap/gap" + std::to_string(GetParam().number) + ".txt");
  GUARANTOR_REQUIRE_ORLIB_FILE(path);
  const std::vector<GapInstance> problems = orlib::read_gap(path.string(), orlib::GapSense::MaximiseProfit);
  ASSERT_EQ(problems.size(), GetParam().optima.size());
  for (std::size_t index = 0; index < problems.size(); ++index) {
    const GapResult result = solve_gap(problems[index]);
    // The reader negated the profits: the minimum cost is minus the maximum profit.
    EXPECT_EQ(result.stats.status, SolveStatus::Optimal) << "problem " << index + 1;
    EXPECT_DOUBLE_EQ(-result.stats.objective, GetParam().optima[index]) << "problem " << index + 1;
    EXPECT_DOUBLE_EQ(-result.stats.bound, GetParam().optima[index]) << "problem " << index + 1;
    EXPECT_TRUE(gap_feasible(problems[index], result.solution));
    EXPECT_DOUBLE_EQ(-gap_cost(problems[index], result.solution), GetParam().optima[index]);
  }
}

std::string case_name(const ::testing::TestParamInfo<GapFileCase>& info) {
  return "gap" + std::to_string(info.param.number);
}

INSTANTIATE_TEST_SUITE_P(Published, OrlibGap,
                         ::testing::Values(GapFileCase{1, {336, 327, 339, 341, 326}},
                                           GapFileCase{2, {434, 436, 420, 419, 428}},
                                           GapFileCase{3, {580, 564, 573, 570, 564}},
                                           GapFileCase{4, {656, 644, 673, 647, 664}},
                                           GapFileCase{5, {563, 558, 564, 568, 559}},
                                           GapFileCase{6, {761, 759, 758, 752, 747}},
                                           GapFileCase{7, {942, 949, 968, 945, 951}},
                                           GapFileCase{8, {1133, 1134, 1141, 1117, 1127}},
                                           GapFileCase{9, {709, 717, 712, 723, 706}},
                                           GapFileCase{10, {958, 963, 960, 947, 947}},
                                           GapFileCase{11, {1139, 1178, 1195, 1171, 1171}},
                                           GapFileCase{12, {1451, 1449, 1433, 1447, 1446}}),
                         case_name);

}  // namespace
}  // namespace guarantor::plan
