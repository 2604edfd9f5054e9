// The GAP's reduced-cost fixing must never cut off a solution: the knapsack values with an item
// forced in or left out equal those of every subset tried, and the price of giving a job to an
// agent (the Lagrangian bound with that pair forced) never exceeds the cheapest assignment that
// does so, so fixing against a threshold keeps every pair some solution within it uses.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "gap_knapsack.hpp"
#include "gap_lagrangian.hpp"
#include "gap_subgradient.hpp"
#include "random_instances.hpp"

namespace guarantor::plan {
namespace {

using detail::AgentKnapsack;
using detail::GapLagrangian;
using detail::GapRestriction;
using detail::ItemValueTables;
using detail::KnapsackItem;

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double TOLERANCE = 1e-7;

TEST(GapKnapsackItemValues, EqualTheBestSubsetWithAndWithoutEachItem) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> profit_draw(0.5, 30.0);
  // One pair of working tables for every knapsack, as in the relaxation: what one trial leaves
  // in them must not change the next one's values.
  ItemValueTables tables;
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t count = 1 + trial % 9;
    const std::vector<double> weights = testing::random_values(rng, count, 0, 12);
    std::vector<KnapsackItem> items;
    for (std::size_t k = 0; k < count; ++k) items.push_back({k, profit_draw(rng), weights[k]});
    const double capacity = testing::random_values(rng, 1, 0, 40)[0];
    std::vector<KnapsackItem> fitting;
    for (const KnapsackItem& item : items) {
      if (item.weight <= capacity) fitting.push_back(item);
    }
    AgentKnapsack knapsack(true);
    std::vector<char> chosen;
    knapsack.solve(fitting, capacity, chosen);
    std::vector<double> with, without;
    knapsack.item_values(fitting, with, without, tables);
    std::vector<double> best_with(fitting.size(), -INF), best_without(fitting.size(), -INF);
    for (std::size_t mask = 0; mask < (std::size_t{1} << fitting.size()); ++mask) {
      double profit = 0, weight = 0;
      for (std::size_t k = 0; k < fitting.size(); ++k) {
        if (mask >> k & 1) profit += fitting[k].profit, weight += fitting[k].weight;
      }
      if (weight > capacity) continue;
      for (std::size_t k = 0; k < fitting.size(); ++k) {
        double& best = (mask >> k & 1) ? best_with[k] : best_without[k];
        best = std::max(best, profit);
      }
    }
    for (std::size_t k = 0; k < fitting.size(); ++k) {
      EXPECT_NEAR(with[k], best_with[k], TOLERANCE) << "trial " << trial << " item " << k;
      EXPECT_NEAR(without[k], best_without[k], TOLERANCE) << "trial " << trial << " item " << k;
    }
    if (::testing::Test::HasFailure()) break;
  }
}

// Least cost over assignments that give `job` to `agent`; +inf when none fits.
double brute_force_with_pair(const GapInstance& instance, std::size_t job, std::size_t agent) {
  std::vector<double> cost = instance.costs();
  for (std::size_t other = 0; other < instance.agent_count(); ++other) {
    if (other != agent) cost[other * instance.job_count() + job] += 1e6;  // never cheaper than a pair-keeping one
  }
  const GapInstance forced(instance.agent_count(), instance.job_count(), cost, instance.resources(),
                           instance.capacities());
  const double best = testing::gap_brute_force(forced);
  return best < 1e6 ? best : INF;
}

// Random small instances (a quarter fractional, so the Dantzig knapsacks are checked too) at
// random multipliers: a pair is removed against a threshold only when no assignment within the
// threshold uses it, and the fixing's bound stays at most the optimum.
TEST(GapReducedCostFixing, KeepsEveryPairOfAnAssignmentWithinTheThreshold) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> fraction(0.0, 1.0), noise(-8.0, 8.0);
  int checked = 0;
  std::size_t removed = 0;  // against the optimum: the fixing must do something
  for (int trial = 0; trial < 120; ++trial) {
    const std::size_t agents = 2 + trial % 2, jobs = 3 + trial % 5;
    std::vector<double> cost = testing::random_values(rng, agents * jobs, 1, 50);
    std::vector<double> resource = testing::random_values(rng, agents * jobs, 1, 15);
    if (trial % 4 == 0) {
      for (double& value : cost) value += fraction(rng);
      for (double& value : resource) value += fraction(rng);
    }
    const GapInstance instance(agents, jobs, cost, resource, testing::random_values(rng, agents, 8, 30));
    const double optimum = testing::gap_brute_force(instance);
    if (std::isinf(optimum)) continue;
    std::vector<double> multipliers = detail::initial_multipliers(instance);
    for (double& value : multipliers) value += noise(rng);
    GapLagrangian lagrangian(instance);
    const GapRestriction root = GapRestriction::root(instance);
    std::vector<char> taken;
    const double value = lagrangian.evaluate(multipliers, root, taken);
    ASSERT_LE(value, optimum + TOLERANCE) << "trial " << trial;
    std::vector<char> removable(agents * jobs, 0);
    const GapLagrangian::Removal removal = lagrangian.mark_removable(multipliers, root, value, optimum, removable);
    EXPECT_LE(removal.bound, optimum + TOLERANCE) << "trial " << trial;
    EXPECT_GE(removal.bound, value) << "trial " << trial;
    removed += removal.marked;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      for (std::size_t job = 0; job < jobs; ++job) {
        const double with_pair = brute_force_with_pair(instance, job, agent);
        if (std::isinf(with_pair)) continue;
        // Against the cheapest assignment that uses the pair as threshold, the pair must stay.
        std::vector<char> marks(agents * jobs, 0);
        lagrangian.evaluate(multipliers, root, taken);
        lagrangian.mark_removable(multipliers, root, value, with_pair, marks);
        EXPECT_FALSE(marks[agent * jobs + job]) << "trial " << trial << " agent " << agent << " job " << job;
      }
    }
    ++checked;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(checked, 60);
  EXPECT_GT(removed, 0U);
}

}  // namespace
}  // namespace guarantor::plan
