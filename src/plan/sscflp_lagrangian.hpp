#pragma once
// Lagrangian relaxation of the single-source CFLP's assignment rows Σ_s x_cs = 1 with
// multipliers u_c (Pirkul 1987 for the concentrator problem; Holmberg, Rönnqvist & Yuan 1999;
// Barceló & Casanovas 1984 keep the aggregate capacity row). What is left splits into one 0-1
// knapsack per site, v_s = max{ Σ_c (u_c − c_cs) x_cs : Σ_c d_c x_cs ≤ Q_s }, and a problem in
// the site variables alone with reduced fixed costs ρ_s = f_s − v_s:
//   L(u) = Σ_c u_c + min{ Σ_s ρ_s y_s : Σ_s Q_s y_s ≥ Σ_c d_c, y binary }
// (with an open count, Σ_s y_s = p replaces the capacity row). The y-problem is a covering
// knapsack (sscflp_cover.hpp), exact or its LP; the knapsacks keep integrality, so max_u L(u) is
// at least the strong LP bound.
#include <cstddef>
#include <limits>
#include <vector>

#include "gap_knapsack.hpp"
#include "sscflp_cover.hpp"
#include "guarantor/plan/facility_location.hpp"

namespace guarantor::plan::detail {

class SscflpLagrangian {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  explicit SscflpLagrangian(const FacilityLocationInstance& instance);

  /// L(u). `large_tables`: allow exact knapsack tables past the per-evaluation budget (used
  /// once at the best multipliers, where the bound and the fixing are taken). +inf when no
  /// site set can hold the demand (or the open count exceeds the sites).
  double evaluate(const std::vector<double>& multipliers, bool large_tables = false);

  /// y of the last evaluation (1 open, 0 closed, in between for the one site the LP splits).
  [[nodiscard]] const std::vector<double>& open() const { return open_; }
  /// Customers taken by each site's knapsack in the last evaluation.
  [[nodiscard]] const std::vector<std::vector<std::size_t>>& chosen() const { return chosen_; }

  /// Reduced-cost fixing at the multipliers of the last evaluate: a site
  /// whose closing lifts the bound past `threshold` must open (site_fixed = +1), one whose
  /// opening does is closed (−1, its pairs removed); a pair (c, s) is removed (customer-major
  /// flag) when serving c from s lifts the bound past threshold or d_c > Q_s.
  void mark_fixings(const std::vector<double>& multipliers, double threshold,
                    std::vector<signed char>& site_fixed, std::vector<char>& pair_removed) const;

  /// True when every knapsack of the last evaluation was solved exactly.
  [[nodiscard]] bool exact_knapsacks() const { return exact_; }

private:
  // min Σ ρ y over the y-problem with site `forced` (if < sites) held at y = 1 with ρ = forced_rho,
  // or excluded when forced_rho is +inf. Fills y when given. Uses order_ from the last evaluate.
  double site_problem(std::size_t forced, double forced_rho, std::vector<double>* y) const;

  const FacilityLocationInstance& instance_;
  double total_demand_ = 0;
  bool integral_ = true;  // demands and capacities integers: the DP is exact
  bool exact_ = true;
  std::vector<AgentKnapsack> knapsacks_;
  std::vector<double> rho_, open_;
  double multiplier_sum_ = 0;  // Σ_c u_c of the last evaluation
  std::vector<std::size_t> order_;  // open count: sites by ρ ascending
  SiteCover cover_;                 // capacity row: the cover by sites of ρ > 0
  double negative_sum_ = 0, negative_capacity_ = 0;  // Σ ρ and Σ Q over sites of ρ <= 0
  std::vector<std::vector<std::size_t>> chosen_;
  std::vector<KnapsackItem> items_;
  std::vector<char> taken_;
};

}  // namespace guarantor::plan::detail
