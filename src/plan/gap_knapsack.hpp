#pragma once
// The 0-1 knapsack of one agent in the GAP Lagrangian relaxation (Ross & Soland 1975; Fisher,
// Jaikumar & Van Wassenhove 1986): take the jobs whose multiplier exceeds their cost, most
// profit within the agent's capacity. Solved exactly by dynamic programming over capacity when
// resources and capacity are integers and the table is small; otherwise by the Dantzig (LP)
// bound, which is still an upper bound, so the Lagrangian value stays a valid lower bound.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace guarantor::plan::detail {

struct KnapsackItem {
  std::size_t job = 0;
  double profit = 0;  ///< > 0
  double weight = 0;  ///< <= capacity
};

/// Working tables of AgentKnapsack::item_values.
struct ItemValueTables {
  std::vector<double> prefix;  // best profit of the items before k within c (row k)
  std::vector<double> suffix;  // best profit of the items after k within c
};

class AgentKnapsack {
public:
  /// `exact_dp`: weights and capacities are integers and the table (capacity + 1 cells per item)
  /// fits the budget.
  explicit AgentKnapsack(bool exact_dp);

  /// Maximises profit within `capacity`; sets chosen[k] for items[k]; returns the optimum (exact)
  /// or the Dantzig upper bound (LP mode; chosen is then the greedy integer part).
  double solve(const std::vector<KnapsackItem>& items, double capacity, std::vector<char>& chosen);

  /// After solve: an upper bound on the best profit of the same items within `room` capacity
  /// (exact when solved by DP). Used to price forcing one more job into the agent.
  [[nodiscard]] double best_within(double room) const;

  /// After solve with the same items: for each item, the best profit with it forced in (`with`)
  /// and left out (`without`). Exact by DP (forward tables and a backward pass, about three
  /// solves' work) when the tables fit ITEM_VALUES_TABLE_LIMIT; otherwise upper bounds (the item's
  /// profit plus best_within the room it leaves; the knapsack's optimum or bound).
  /// `tables` is working storage, shared by the knapsacks of one relaxation so that only one
  /// pair of tables is ever held (each may reach ITEM_VALUES_TABLE_LIMIT cells).
  void item_values(const std::vector<KnapsackItem>& items, std::vector<double>& with, std::vector<double>& without,
                   ItemValueTables& tables) const;

  [[nodiscard]] bool exact() const { return exact_dp_; }

private:
  double capacity_ = 0;
  bool exact_dp_;
  std::vector<double> value_;          // DP: best profit within capacity c, c = 0..capacity
  std::vector<std::uint8_t> take_;     // DP: item k improved cell c (row-major, items × cells)
  std::vector<KnapsackItem> by_ratio_;  // LP mode: items sorted by profit/weight, descending
};

/// Largest capacity × items table (cells) the DP may use per agent; beyond it the LP bound is used.
inline constexpr std::size_t KNAPSACK_TABLE_LIMIT = 40'000'000;
/// Largest (items + 1) × capacity table of doubles item_values keeps for its exact values (32 MB);
/// beyond it the values are upper bounds.
inline constexpr std::size_t ITEM_VALUES_TABLE_LIMIT = 4'000'000;

}  // namespace guarantor::plan::detail
