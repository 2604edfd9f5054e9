#pragma once
// The single-source CFLP as a MILP for CBC: binary y_s (open) and x_cs (c served by s);
// Σ_s x_cs = 1, Σ_c d_c x_cs ≤ Q_s y_s, x_cs ≤ y_s, optionally the aggregate capacity row
// Σ_s Q_s y_s ≥ Σ_c d_c, and Σ_s y_s = p with an open count. Sites and pairs removed by
// reduced-cost fixing get no column; sites fixed open get y_s ≥ 1.
#include <cstddef>
#include <utility>
#include <vector>

#include "guarantor/plan/single_source_facility_location.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

struct SscflpModel {
  MilpModel model;
  std::vector<int> site_column;                          ///< per site, -1 when closed
  std::vector<std::pair<std::size_t, std::size_t>> pair;  ///< x columns in order: (customer, site)
  bool customer_without_pair = false;                   ///< some customer has no column left
};

/// site_fixed: per site −1 closed, +1 open, 0 free (empty = all free); pair_removed:
/// customer-major flags (empty = none removed). `aggregate_row` adds the capacity cut.
SscflpModel build_sscflp_model(const FacilityLocationInstance& instance, const std::vector<signed char>& site_fixed,
                               const std::vector<char>& pair_removed, bool aggregate_row);

/// Adds, for each site with a column, the Lagrangian cut of its knapsack at multipliers u:
/// Σ_c (u_c − c_cs) x_cs ≤ v_s y_s, where v_s = f_s − ρ_s (`reduced_costs`, ρ_s at u) is at least
/// the best knapsack value of the site. Every solution meets it (a site's customers are one of
/// its knapsack's choices), and with Σ_s x_cs = 1 the cuts lift the LP bound to at least
/// Σ_c u_c + Σ_s ρ_s y_s over the LP's y: the Lagrangian bound with the site problem relaxed.
void add_lagrangian_site_cuts(const FacilityLocationInstance& instance, SscflpModel& model,
                              const std::vector<double>& multipliers, const std::vector<double>& reduced_costs);

/// The solution in CBC's column values (x above 0.5 counts as chosen).
SingleSourceSolution read_sscflp_solution(const FacilityLocationInstance& instance, const SscflpModel& model,
                                          const std::vector<double>& values);

}  // namespace guarantor::plan::detail
