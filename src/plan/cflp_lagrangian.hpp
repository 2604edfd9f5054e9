#pragma once
// Lagrangian relaxation of the multi-source CFLP's demand rows Σ_s x_cs = 1 with multipliers u_c
// (Geoffrion & McBride 1978; Beasley 1988 keeps the aggregate capacity row; Cornuéjols,
// Sridharan & Thizy 1991 compare the relaxations). What is left splits into one continuous
// knapsack per site with the linking x_cs ≤ y_s,
//   v_s = max{ Σ_c (u_c − c_cs) x_cs : Σ_c d_c x_cs ≤ Q_s, 0 ≤ x_cs ≤ 1 }   (greedy by ratio),
// and a problem in the site variables alone with reduced fixed costs ρ_s = f_s − v_s:
//   L(u) = Σ_c u_c + min{ Σ_s ρ_s y_s : Σ_s Q_s y_s ≥ Σ_c d_c, y binary }
// (with an open count, Σ_s y_s = p replaces the capacity row). The y-problem keeps integrality (a
// covering knapsack, sscflp_cover.hpp), which is what lifts max_u L(u) above the strong LP bound
// when a few sites of equal capacity must cover the demand.
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "sscflp_cover.hpp"

namespace guarantor::plan::detail {

class CflpLagrangian {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  explicit CflpLagrangian(const FacilityLocationInstance& instance);

  /// Holds sites open (+1) or closed (−1) in every later evaluation (0: free); empty = all free.
  /// The value is then a bound over the solutions that respect the fixings.
  void fix_sites(std::vector<signed char> site_fixed);

  /// L(u); +inf when no site set can hold the demand (or the open count exceeds the sites).
  double evaluate(const std::vector<double>& multipliers);

  /// y of the last evaluation (1 open, 0 closed, in between for the one site the cover's LP
  /// splits when its table did not fit).
  [[nodiscard]] const std::vector<double>& open() const { return open_; }
  /// ρ_s = f_s − v_s of the last evaluation.
  [[nodiscard]] const std::vector<double>& reduced_costs() const { return rho_; }
  /// Σ_c u_c of the last evaluation.
  [[nodiscard]] double multiplier_sum() const { return multiplier_sum_; }
  /// g_c = 1 − Σ_s y_s x_cs at the last evaluation: the subgradient of L at u.
  void subgradient(std::vector<double>& gradient) const;

  /// Reduced-cost fixing at the last evaluation: a free site whose closing lifts the bound past
  /// `threshold` must open (+1); one whose opening does is closed (−1); fixed sites keep their
  /// fixing, others 0.
  [[nodiscard]] std::vector<signed char> site_fixings(double threshold) const;

  /// The bound with `site` forced open (`open`) or closed, at the last evaluation's multipliers.
  [[nodiscard]] double value_with_site(std::size_t site, bool open) const;

private:
  // min Σ ρ y over the y-problem with site `forced` (if < sites) held at y = 1 (forced_open) or
  // at 0. Fills y when given. Uses order_/cover_ from the last evaluate.
  [[nodiscard]] double site_problem(std::size_t forced, bool forced_open, std::vector<double>* y) const;

  const FacilityLocationInstance& instance_;
  double total_demand_ = 0;
  bool integral_capacity_ = true;  // capacities integers: the cover's table is exact
  std::vector<double> rho_, open_;
  std::vector<signed char> fixed_;  // per site: +1 held open, −1 held closed, 0 free
  double multiplier_sum_ = 0;  // Σ_c u_c of the last evaluation
  std::vector<std::size_t> order_;  // open count: held-open sites, then free ones by ρ ascending
  SiteCover cover_;                 // capacity row: the cover by sites of ρ > 0
  // Σ ρ and Σ Q over the sites open in every minimiser: held open, or free of ρ <= 0.
  double negative_sum_ = 0, negative_capacity_ = 0;
  // Per site, the knapsack's (customer, fraction) in the last evaluation.
  std::vector<std::vector<std::pair<std::size_t, double>>> taken_;
  std::vector<std::pair<double, std::size_t>> items_;  // scratch: (ratio, customer)
};

}  // namespace guarantor::plan::detail
