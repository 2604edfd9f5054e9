#pragma once
// The problem in the site variables alone that both facility-location Lagrangians leave once the
// customers' rows are relaxed (cflp_lagrangian.hpp: continuous knapsacks per site;
// sscflp_lagrangian.hpp: 0-1 knapsacks): with reduced fixed costs ρ_s,
//   min Σ_s ρ_s y_s  subject to  Σ_s Q_s y_s ≥ Σ_c d_c  (or Σ_s y_s = p with an open count),
// y binary, some sites held open or closed by a branch-and-bound node. Sites held open or of
// ρ <= 0 open in every minimiser; the rest cover the demand they leave (a covering knapsack,
// sscflp_cover.hpp). Also the bound with one site forced, which fixes and ranks sites.
#include <cstddef>
#include <limits>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "sscflp_cover.hpp"

namespace guarantor::plan::detail {

class SiteProblem {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  explicit SiteProblem(const FacilityLocationInstance& instance);

  /// Holds sites open (+1) or closed (−1) in every later solve (0: free); empty = all free.
  void fix_sites(std::vector<signed char> site_fixed);
  [[nodiscard]] const std::vector<signed char>& fixed() const { return fixed_; }

  /// The minimum for reduced costs `rho` (entries of sites held closed are ignored); sets y
  /// (1 open, the covering LP's one fractional site when its table did not fit). +inf when no
  /// admissible set holds the demand or the open count.
  double solve(const std::vector<double>& rho, std::vector<double>& y);

  /// The minimum of the last solve with free site `site` held closed.
  [[nodiscard]] double value_closed(std::size_t site) const;
  /// The minimum of the last solve with free site `site` held open at reduced cost `rho_open`
  /// (its own ρ, or a larger one when the site must also serve a given customer). Forcing a
  /// site of ρ > 0 lets the cover use it again, a relaxation, so the value stays a lower bound.
  [[nodiscard]] double value_open(std::size_t site, double rho_open) const;

  /// Reduced-cost fixing at the last solve, whose multipliers sum to `multiplier_sum`: a free
  /// site whose closing lifts the bound past `threshold` must open (+1); one whose opening does
  /// is closed (−1); held sites keep their fixing, others 0.
  [[nodiscard]] std::vector<signed char> fixings(double multiplier_sum, double threshold) const;

private:
  // Held open, or free of ρ <= 0: open in every minimiser, outside the cover.
  [[nodiscard]] bool always_open(std::size_t site) const {
    return fixed_[site] > 0 || (fixed_[site] == 0 && rho_[site] <= 0);
  }
  // Open count: the least Σ ρ over `count` sites with `forced` held open at `forced_rho`
  // (forced_open) or left out.
  [[nodiscard]] double count_value(std::size_t forced, bool forced_open, double forced_rho,
                                   std::vector<double>* y) const;

  const FacilityLocationInstance& instance_;
  double total_demand_ = 0;
  bool integral_capacity_ = true;  // capacities integers: the cover's table is exact
  std::vector<double> rho_;
  std::vector<signed char> fixed_;
  std::vector<std::size_t> order_;  // open count: held-open sites, then free ones by ρ ascending
  SiteCover cover_;                 // capacity row: the cover by free sites of ρ > 0
  // Σ ρ and Σ Q over the sites open in every minimiser.
  double always_sum_ = 0, always_capacity_ = 0;
};

}  // namespace guarantor::plan::detail
