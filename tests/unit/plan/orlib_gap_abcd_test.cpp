// OR-Library gapa–gapd (Chu & Beasley 1997), minimisation, read from tests/data/orlib (shipped
// with the repository). Optima: fontanf/generalizedassignmentsolver data.csv, cross-checked with
// the OR-Library references (see docs/planner-solvers.md). Types A, B and C are asserted proven.
// Type D is not yet proven within the limit (docs/planner-solvers.md gives the measured gaps):
// there the answer must be feasible and the bound must bracket the optimum. d20200 is open (best
// known 12244, best published bound 12235).
#include <gtest/gtest.h>

#include <filesystem>

#include "gap_reader.hpp"

namespace guarantor::plan {
namespace {

struct AbcdCase {
  char type;
  std::vector<double> optima;  // per problem in file order; 0 = open
  bool proven;                 // the solver proves every optimum within the limit
};

class OrlibGapAbcd : public ::testing::TestWithParam<AbcdCase> {};

TEST_P(OrlibGapAbcd, ProvesThePublishedOptima) {
  const std::filesystem::path path =
      std::filesystem::path(GUARANTOR_TEST_REPO_DATA_DIR) / "orlib" / "gap" / (std::string("gap") + GetParam().type + ".txt");
  ASSERT_TRUE(std::filesystem::exists(path)) << "instance file missing from the repository: " << path.string();
  const std::vector<GapInstance> problems = orlib::read_gap_file(path.string());
  ASSERT_EQ(problems.size(), GetParam().optima.size());
  SolveOptions options;
  // The proven types get room to spare so that a slow build (sanitizers) still reaches the proof;
  // type D is bounded at the 60 s of the published comparison.
  options.time_limit_s = GetParam().proven ? 300 : 60;
  for (std::size_t index = 0; index < problems.size(); ++index) {
    const GapResult result = solve_gap(problems[index], Sense::Minimise, options);
    ASSERT_TRUE(gap_feasible(problems[index], result.solution)) << "problem " << index + 1;
    EXPECT_DOUBLE_EQ(gap_cost(problems[index], result.solution), result.stats.objective);
    const double optimum = GetParam().optima[index];
    if (optimum == 0) {
      // d20200: best known 12244, best published bound 12235.
      EXPECT_GE(result.stats.objective, 12235) << "problem " << index + 1;
      EXPECT_LE(result.stats.bound, 12244) << "problem " << index + 1;
      continue;
    }
    if (!GetParam().proven) {
      EXPECT_GE(result.stats.objective, optimum) << "problem " << index + 1;
      EXPECT_LE(result.stats.bound, optimum) << "problem " << index + 1;
      continue;
    }
    EXPECT_EQ(result.stats.status, SolveStatus::Optimal) << "problem " << index + 1;
    EXPECT_DOUBLE_EQ(result.stats.objective, optimum) << "problem " << index + 1;
    EXPECT_DOUBLE_EQ(result.stats.bound, optimum) << "problem " << index + 1;
    EXPECT_NE(result.stats.proved_by, ProofMethod::None);
  }
}

std::string case_name(const ::testing::TestParamInfo<AbcdCase>& info) { return std::string("gap") + info.param.type; }

INSTANTIATE_TEST_SUITE_P(Published, OrlibGapAbcd,
                         ::testing::Values(AbcdCase{'a', {1698, 3235, 1360, 2623, 1158, 2339}, true},
                                           AbcdCase{'b', {1843, 3552, 1407, 2827, 1166, 2339}, true},
                                           AbcdCase{'c', {1931, 3456, 1402, 2806, 1243, 2391}, true},
                                           AbcdCase{'d', {6353, 12742, 6347, 12430, 6185, 0}, false}),
                         case_name);

}  // namespace
}  // namespace guarantor::plan
