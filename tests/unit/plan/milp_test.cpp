#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "milp.hpp"

namespace guarantor::plan {
namespace {

constexpr double COST_TOLERANCE = 1e-6;

// A 0-1 knapsack as a minimisation: −value over items of weight up to 10. Its optimum is items
// 1, 2 and 3 (weights 4 + 3 + 2 = 9, value 11 + 7 + 6 = 24): no other subset within 10 is worth more.
detail::MilpModel knapsack() {
  const std::array<double, 5> value = {9, 11, 7, 6, 5}, weight = {6, 4, 3, 2, 5};
  detail::MilpModel model;
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t item = 0; item < value.size(); ++item) {
    columns.push_back(model.add_column(-value[item], 0, 1, true));
    coefficients.push_back(weight[item]);
  }
  model.add_row(-detail::MilpModel::INF, 10, columns, coefficients);
  return model;
}

// The level proofs turn CBC's heuristics off: the search still finds the optimum at its nodes.
TEST(Milp, WithoutHeuristicsFindsTheOptimum) {
  for (bool heuristics : {true, false}) {
    detail::MilpParams params;
    params.heuristics = heuristics;
    const detail::MilpOutcome outcome = detail::solve_milp(knapsack(), params);
    ASSERT_TRUE(outcome.finished) << "heuristics " << heuristics;
    ASSERT_TRUE(outcome.has_solution) << "heuristics " << heuristics;
    EXPECT_NEAR(outcome.objective, -24, COST_TOLERANCE) << "heuristics " << heuristics;
  }
}

// Without heuristics, a cutoff below the optimum is proven to leave no solution (what a level
// proof asks), and a cutoff above the optimum still finds it.
TEST(Milp, WithoutHeuristicsProvesACutoff) {
  detail::MilpParams params;
  params.heuristics = false;
  params.cutoff = -25;
  const detail::MilpOutcome none = detail::solve_milp(knapsack(), params);
  EXPECT_TRUE(none.finished);
  EXPECT_FALSE(none.has_solution);
  params.cutoff = -23.5;
  const detail::MilpOutcome found = detail::solve_milp(knapsack(), params);
  EXPECT_TRUE(found.finished);
  ASSERT_TRUE(found.has_solution);
  EXPECT_NEAR(found.objective, -24, COST_TOLERANCE);
}

// Branching on the leading columns first (CBC's preprocessing off) still finds the optimum, and
// proves a cutoff below it empty.
TEST(Milp, BranchingOnLeadingColumnsFirstKeepsTheOptimum) {
  for (std::size_t leading : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    detail::MilpParams params;
    params.heuristics = false;
    params.branch_first_columns = leading;
    const detail::MilpOutcome found = detail::solve_milp(knapsack(), params);
    ASSERT_TRUE(found.finished) << "leading " << leading;
    ASSERT_TRUE(found.has_solution) << "leading " << leading;
    EXPECT_NEAR(found.objective, -24, COST_TOLERANCE) << "leading " << leading;
    params.cutoff = -25;
    const detail::MilpOutcome none = detail::solve_milp(knapsack(), params);
    EXPECT_TRUE(none.finished) << "leading " << leading;
    EXPECT_FALSE(none.has_solution) << "leading " << leading;
  }
}

}  // namespace
}  // namespace guarantor::plan
