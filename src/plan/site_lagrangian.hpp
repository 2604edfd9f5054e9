#pragma once
// What both facility-location Lagrangians share once their per-site values are known: the site
// problem (site_problem.hpp) over the reduced fixed costs ρ_s = f_s − v_s, the relaxed choice y
// and Σ_c u_c of the last evaluation, and the bounds and fixings they give. A core computes v_s
// its own way (continuous knapsacks for multi-source, 0-1 knapsacks for single-source) and
// closes its evaluation with `close_evaluation`.
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "site_dual.hpp"
#include "site_problem.hpp"

namespace guarantor::plan::detail {

class SiteLagrangian : public SiteDual {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  void fix_sites(std::vector<signed char> site_fixed) final { sites_.fix_sites(std::move(site_fixed)); }
  [[nodiscard]] const std::vector<double>& open() const final { return open_; }
  [[nodiscard]] const std::vector<double>& reduced_costs() const final { return rho_; }
  [[nodiscard]] double multiplier_sum() const final { return multiplier_sum_; }
  [[nodiscard]] std::vector<signed char> site_fixings(double threshold) const final {
    return sites_.fixings(multiplier_sum_, threshold);
  }
  [[nodiscard]] double value_with_site(std::size_t site, bool open) const final {
    return multiplier_sum_ + (open ? sites_.value_open(site, rho_[site]) : sites_.value_closed(site));
  }

protected:
  explicit SiteLagrangian(const FacilityLocationInstance& instance)
      : sites_(instance), rho_(instance.site_count()), open_(instance.site_count()) {}

  /// Per site: held closed by fix_sites (no value needed).
  [[nodiscard]] bool held_closed(std::size_t site) const { return sites_.fixed()[site] < 0; }
  /// L(u) = Σ_c u_c + the site problem's minimum over `rho_` (filled by the core); sets y.
  double close_evaluation(const std::vector<double>& multipliers) {
    multiplier_sum_ = 0;
    for (double value : multipliers) multiplier_sum_ += value;
    return multiplier_sum_ + sites_.solve(rho_, open_);
  }

  SiteProblem sites_;
  std::vector<double> rho_, open_;
  double multiplier_sum_ = 0;  // Σ_c u_c of the last evaluation
};

}  // namespace guarantor::plan::detail
