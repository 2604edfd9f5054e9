// pmed1–pmed40 (Beasley 1985): objective equals pmedopt.txt and the bound proves it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "guarantor/core/error.hpp"
#include "orlib_paths.hpp"
#include "pmed_reader.hpp"

namespace guarantor::plan {
namespace {

struct PmedCase {
  int number;
  double optimum;  // OR-Library pmedopt.txt
};

class OrlibPmed : public ::testing::TestWithParam<PmedCase> {};

TEST_P(OrlibPmed, ReachesAndProvesThePublishedOptimum) {
  const auto path = testing::orlib_path("pmed/pmed" + std::to_string(GetParam().number) + ".txt");
  GUARANTOR_REQUIRE_ORLIB_FILE(path);
  const PMedianInstance instance = orlib::read_pmed(path.string());
  SolveOptions options;
  options.time_limit_s = 120;
  const PMedianResult result = solve_p_median(instance, options);
  EXPECT_EQ(result.stats.status, SolveStatus::Optimal);
  EXPECT_DOUBLE_EQ(result.stats.objective, GetParam().optimum);
  EXPECT_DOUBLE_EQ(result.stats.bound, GetParam().optimum);
  EXPECT_DOUBLE_EQ(p_median_cost(instance, result.solution.open_sites), GetParam().optimum);
}

std::string case_name(const ::testing::TestParamInfo<PmedCase>& info) {
  return "pmed" + std::to_string(info.param.number);
}

// OR-Library pmedopt.txt.
const std::vector<PmedCase> PMED_OPTIMA = {
    {1, 5819},
    {2, 4093},
    {3, 4250},
    {4, 3034},
    {5, 1355},
    {6, 7824},
    {7, 5631},
    {8, 4445},
    {9, 2734},
    {10, 1255},
    {11, 7696},
    {12, 6634},
    {13, 4374},
    {14, 2968},
    {15, 1729},
    {16, 8162},
    {17, 6999},
    {18, 4809},
    {19, 2845},
    {20, 1789},
    {21, 9138},
    {22, 8579},
    {23, 4619},
    {24, 2961},
    {25, 1828},
    {26, 9917},
    {27, 8307},
    {28, 4498},
    {29, 3033},
    {30, 1989},
    {31, 10086},
    {32, 9297},
    {33, 4700},
    {34, 3013},
    {35, 10400},
    {36, 9934},
    {37, 5057},
    {38, 11060},
    {39, 9423},
    {40, 5128}};

// The fast binary takes pmed1–10 and three of the few-median instances whose Lagrangian bound
// leaves a gap (pmed16, 17, 22: the branch-and-bound must close it, in about a second each); the
// slow binary (GUARANTOR_ORLIB_SLOW) all the others. Between them every published instance is
// proven (see docs/planner-solvers.md).
constexpr int FAST_SET[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17, 22};

std::vector<PmedCase> selected_cases() {
  std::vector<PmedCase> selected;
  for (const PmedCase& item : PMED_OPTIMA) {
    const bool fast = std::find(std::begin(FAST_SET), std::end(FAST_SET), item.number) != std::end(FAST_SET);
#ifdef GUARANTOR_ORLIB_SLOW
    if (!fast) selected.push_back(item);
#else
    if (fast) selected.push_back(item);
#endif
  }
  return selected;
}

INSTANTIATE_TEST_SUITE_P(Published, OrlibPmed, ::testing::ValuesIn(selected_cases()), case_name);

#ifndef GUARANTOR_ORLIB_SLOW

TEST(OrlibReader, ReportsFileAndLineOnMalformedInput) {
  const auto path = std::filesystem::temp_directory_path() / "guarantor_bad_pmed.txt";
  {
    std::ofstream file(path);
    file << "3 2 1\n1 2 5\n2 x 4\n";
  }
  try {
    orlib::read_pmed(path.string());
    FAIL() << "a non-numeric vertex must be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_EQ(error.where(), path.string() + ":3");
    EXPECT_NE(std::string(error.what()).find("got 'x'"), std::string::npos) << error.what();
  }
  EXPECT_THROW(orlib::read_pmed((path.string() + ".missing")), Error);
}
#endif

}  // namespace
}  // namespace guarantor::plan
