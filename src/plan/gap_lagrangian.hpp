#pragma once
// Lagrangian relaxation of the GAP's assignment rows Σ_a x_aj = 1 with multipliers u_j (Ross &
// Soland 1975; Fisher, Jaikumar & Van Wassenhove 1986). What is left splits into one 0-1
// knapsack per agent:  L(u) = Σ_j u_j − Σ_a max{ Σ_j (u_j − c_aj) x_aj : Σ_j r_aj x_aj ≤ b_a }.
// Every L(u) is a lower bound on the minimum cost, and max_u L(u) is at least the LP bound (the
// knapsacks keep integrality). Works on the minimisation form, at the root or at a node of the
// branch-and-bound (some jobs fixed to agents, some pairs forbidden).
#include <cstddef>
#include <vector>

#include "gap_knapsack.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

inline constexpr std::size_t NO_AGENT = static_cast<std::size_t>(-1);

/// What a branch-and-bound node has decided. The root allows every pair and fixes nothing.
struct GapRestriction {
  std::vector<char> allowed;              ///< per pair (agent-major): 0 = x_aj forced to 0
  std::vector<std::size_t> fixed_agent;   ///< per job: its agent, or NO_AGENT while free
  std::vector<double> capacity_left;      ///< per agent: capacity minus the fixed jobs' resources
  double fixed_cost = 0;                  ///< cost of the fixed jobs

  /// Everything allowed, nothing fixed.
  static GapRestriction root(const GapInstance& instance);
  /// Fixes job to agent (the pair must be allowed and fit).
  void fix(const GapInstance& instance, std::size_t job, std::size_t agent);
};

class GapLagrangian {
public:
  explicit GapLagrangian(const GapInstance& instance);

  /// L(u) under the restriction; sets taken[a * jobs + j] to the relaxed solution (fixed jobs
  /// included). Keeps the knapsack tables of the call for removable_pairs.
  double evaluate(const std::vector<double>& multipliers, const GapRestriction& restriction, std::vector<char>& taken);

  /// Reduced-cost fixing with the multipliers, restriction and value of the last evaluate. For
  /// each free job j and allowed agent a it prices giving j to a: the knapsacks are independent,
  /// so L(u) with x_aj = 1 and x_bj = 0 for every other agent b is
  /// value + Σ_{b≠a} (K_b − K_b without j) + (K_a − K_a with j forced in). A pair whose price
  /// passes `threshold` (no solution cheaper than threshold uses it), or whose resource exceeds
  /// the capacity left, is marked in `removable`. Every job goes somewhere, so each job's least
  /// price over its agents is a lower bound too: `bound` is the largest of those (and `value`).
  struct Removal {
    std::size_t marked = 0;
    double bound = 0;
  };
  Removal mark_removable(const std::vector<double>& multipliers, const GapRestriction& restriction, double value,
                         double threshold, std::vector<char>& removable);

  /// True when every knapsack is solved exactly (integer data): then L is the true dual value.
  [[nodiscard]] bool exact_knapsacks() const { return exact_; }

private:
  const GapInstance& instance_;
  bool exact_ = true;
  std::vector<AgentKnapsack> knapsacks_;
  std::vector<double> knapsack_value_;
  std::vector<KnapsackItem> items_;
  std::vector<char> chosen_;
  std::vector<double> with_, without_;      // item_values of one agent's knapsack
  ItemValueTables item_tables_;             // their working tables, one pair for every agent
  std::vector<double> gain_in_, gain_out_;  // per pair: L's rise when x_aj is forced to 1 / to 0
};

}  // namespace guarantor::plan::detail
