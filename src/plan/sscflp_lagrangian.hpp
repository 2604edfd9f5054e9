#pragma once
// Lagrangian relaxation of the single-source CFLP's assignment rows Σ_s x_cs = 1 with
// multipliers u_c (Pirkul 1987 for the concentrator problem; Holmberg, Rönnqvist & Yuan 1999;
// Barceló & Casanovas 1984 keep the aggregate capacity row). What is left splits into one 0-1
// knapsack per site, v_s = max{ Σ_c (u_c − c_cs) x_cs : Σ_c d_c x_cs ≤ Q_s }, and a problem in
// the site variables alone with reduced fixed costs ρ_s = f_s − v_s:
//   L(u) = Σ_c u_c + min{ Σ_s ρ_s y_s : Σ_s Q_s y_s ≥ Σ_c d_c, y binary }
// (with an open count, Σ_s y_s = p replaces the capacity row). The y-problem is a covering
// knapsack (site_problem.hpp), exact or its LP; the knapsacks keep integrality, so max_u L(u) is
// at least the strong LP bound.
#include <cstddef>
#include <limits>
#include <vector>

#include "gap_knapsack.hpp"
#include "guarantor/plan/facility_location.hpp"
#include "site_lagrangian.hpp"

namespace guarantor::plan::detail {

class SscflpLagrangian final : public SiteLagrangian {
public:
  explicit SscflpLagrangian(const FacilityLocationInstance& instance);

  /// L(u), each knapsack exact while the tables of one evaluation stay within a budget (past it,
  /// the Dantzig bound). +inf when no site set can hold the demand (or the open count).
  /// Exact knapsacks are solved only for the sites the relaxed choice opens (the others keep
  /// their Dantzig bound, which leaves L(u) unchanged; see evaluate_within).
  double evaluate(const std::vector<double>& multipliers) override { return evaluate_within(multipliers, false, true); }
  /// As evaluate, every site's knapsack exact within the budget: the reduced costs of closed
  /// sites then price fixing and branching at their full strength.
  double evaluate_every_site(const std::vector<double>& multipliers) override {
    return evaluate_within(multipliers, false, false);
  }
  /// L(u) allowing exact knapsack tables past the per-evaluation budget (used once at the best
  /// multipliers, where the bound and the fixing are taken).
  double evaluate_with_large_tables(const std::vector<double>& multipliers) {
    return evaluate_within(multipliers, true, false);
  }
  void subgradient(std::vector<double>& gradient) const override;

  /// Customers taken by each site's knapsack in the last evaluation.
  [[nodiscard]] const std::vector<std::vector<std::size_t>>& chosen() const { return chosen_; }

  /// Reduced-cost fixing at the multipliers of the last evaluate (no site held): a site
  /// whose closing lifts the bound past `threshold` must open (site_fixed = +1), one whose
  /// opening does is closed (−1, its pairs removed); a pair (c, s) is removed (customer-major
  /// flag) when serving c from s lifts the bound past threshold or d_c > Q_s.
  void mark_fixings(const std::vector<double>& multipliers, double threshold,
                    std::vector<signed char>& site_fixed, std::vector<char>& pair_removed) const;

  /// True when every knapsack of the last evaluation was solved exactly.
  [[nodiscard]] bool exact_knapsacks() const { return exact_; }

private:
  // `large_tables`: the larger cell budget; `lazy_tables`: exact knapsacks for open sites only.
  double evaluate_within(const std::vector<double>& multipliers, bool large_tables, bool lazy_tables);
  // Site's knapsack at `multipliers`, exact (DP) or its Dantzig bound; sets ρ_s and chosen.
  void solve_site(std::size_t site, const std::vector<double>& multipliers, bool exact);

  const FacilityLocationInstance& instance_;
  bool integral_ = true;  // demands and capacities integers: the DP is exact
  bool exact_ = true;
  std::vector<AgentKnapsack> knapsacks_;
  std::vector<std::vector<std::size_t>> chosen_;
  std::vector<KnapsackItem> items_;
  std::vector<char> taken_;
  std::vector<char> exact_site_;  // per site: knapsack of the last evaluation solved by DP
};

}  // namespace guarantor::plan::detail
