// OR-Library gapa–gapd (Chu & Beasley 1997), minimisation, read from tests/data/orlib (shipped
// with the repository). Optima: fontanf/generalizedassignmentsolver data.csv, cross-checked with
// the OR-Library references (see docs/planner-solvers.md). Types A, B and C are asserted proven.
// Type D is not yet proven within the limit (docs/planner-solvers.md gives the measured gaps):
// there the answer must be feasible and the bound must bracket the optimum. d20200 is open (best
// known 12244, best published bound 12235).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "gap_reader.hpp"

namespace guarantor::plan {
namespace {

struct AbcdCase {
  char type;
  int problem;     // 1-based position in the file
  double optimum;  // 0 = open
  bool proven;     // the solver proves this type's optima within the limit
};

// Each problem is its own case so that ctest spreads them over the cores.
std::vector<AbcdCase> cases() {
  const std::vector<std::pair<char, std::vector<double>>> optima = {{'a', {1698, 3235, 1360, 2623, 1158, 2339}},
                                                                    {'b', {1843, 3552, 1407, 2827, 1166, 2339}},
                                                                    {'c', {1931, 3456, 1402, 2806, 1243, 2391}},
                                                                    {'d', {6353, 12742, 6347, 12430, 6185, 0}}};
  std::vector<AbcdCase> all;
  for (const auto& [type, values] : optima) {
    for (std::size_t index = 0; index < values.size(); ++index) {
      all.push_back({type, static_cast<int>(index) + 1, values[index], type != 'd'});
    }
  }
  return all;
}

class OrlibGapAbcd : public ::testing::TestWithParam<AbcdCase> {};

TEST_P(OrlibGapAbcd, ProvesThePublishedOptimum) {
  const AbcdCase& param = GetParam();
  const std::filesystem::path path = std::filesystem::path(GUARANTOR_TEST_REPO_DATA_DIR) / "orlib" / "gap" /
                                     (std::string("gap") + param.type + ".txt");
  ASSERT_TRUE(std::filesystem::exists(path)) << "instance file missing from the repository: " << path.string();
  const std::vector<GapInstance> problems = orlib::read_gap_file(path.string());
  ASSERT_EQ(problems.size(), 6U);
  const GapInstance& problem = problems[static_cast<std::size_t>(param.problem - 1)];
  SolveOptions options;
  // The proven types get room to spare so that a slow build (sanitizers) still reaches the proof.
  // Type D checks only that the answer is feasible and bracketed, which a short limit shows as
  // well as a long one; the gaps at the published comparison's 60 s are measured by the bench
  // (orlib_solvers --suite gap) and given in docs/planner-solvers.md.
  options.time_limit_s = param.proven ? 300 : 10;
  const GapResult result = solve_gap(problem, Sense::Minimise, options);
  ASSERT_TRUE(gap_feasible(problem, result.solution));
  EXPECT_DOUBLE_EQ(gap_cost(problem, result.solution), result.stats.objective);
  EXPECT_LE(result.stats.bound, result.stats.objective);
  if (param.optimum == 0) {
    // d20200: best known 12244, best published bound 12235.
    EXPECT_GE(result.stats.objective, 12235);
    EXPECT_LE(result.stats.bound, 12244);
    return;
  }
  if (!param.proven) {
    EXPECT_GE(result.stats.objective, param.optimum);
    EXPECT_LE(result.stats.bound, param.optimum);
    return;
  }
  EXPECT_EQ(result.stats.status, SolveStatus::Optimal);
  EXPECT_DOUBLE_EQ(result.stats.objective, param.optimum);
  EXPECT_DOUBLE_EQ(result.stats.bound, param.optimum);
  EXPECT_NE(result.stats.proved_by, ProofMethod::None);
}

std::string case_name(const ::testing::TestParamInfo<AbcdCase>& info) {
  return std::string("gap") + info.param.type + "_" + std::to_string(info.param.problem);
}

INSTANTIATE_TEST_SUITE_P(Published, OrlibGapAbcd, ::testing::ValuesIn(cases()), case_name);

}  // namespace
}  // namespace guarantor::plan
