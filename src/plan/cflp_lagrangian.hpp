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
#include "site_lagrangian.hpp"

namespace guarantor::plan::detail {

class CflpLagrangian final : public SiteLagrangian {
public:
  explicit CflpLagrangian(const FacilityLocationInstance& instance);

  double evaluate(const std::vector<double>& multipliers) override;
  void subgradient(std::vector<double>& gradient) const override;

private:
  const FacilityLocationInstance& instance_;
  // Per site, the knapsack's (customer, fraction) in the last evaluation.
  std::vector<std::vector<std::pair<std::size_t, double>>> taken_;
  std::vector<std::pair<double, std::size_t>> items_;  // scratch: (ratio, customer)
};

}  // namespace guarantor::plan::detail
