#pragma once
// Demand points, candidate sites and which sites cover which points: the data shared by maximal
// covering and set covering. Coverage itself (a radius, a response time) is decided by the
// caller; here it is only a relation.
#include <cstddef>
#include <vector>

#include "guarantor/plan/solve_result.hpp"

namespace guarantor::plan {

/// Covering data: demand weights, site costs and, per demand point, the sites that cover it.
class CoveringInstance {
public:
  /// site_cost empty means every site costs 1. Throws Error(Schema) on a site index out of
  /// range, a negative or non-finite weight or cost, or sizes that disagree.
  CoveringInstance(std::size_t site_count, std::vector<double> demand_weight,
                   std::vector<std::vector<std::size_t>> covering_sites, std::vector<double> site_cost = {});

  [[nodiscard]] std::size_t site_count() const { return site_count_; }
  [[nodiscard]] std::size_t demand_count() const { return demand_weight_.size(); }
  [[nodiscard]] double demand_weight(std::size_t demand) const { return demand_weight_[demand]; }
  [[nodiscard]] double site_cost(std::size_t site) const { return site_cost_[site]; }
  /// Sites covering the demand point, ascending, without repeats.
  [[nodiscard]] const std::vector<std::size_t>& covering_sites(std::size_t demand) const { return covering_sites_[demand]; }
  /// Demand points covered by the site, ascending.
  [[nodiscard]] const std::vector<std::size_t>& covered_demands(std::size_t site) const { return covered_demands_[site]; }
  [[nodiscard]] const std::vector<double>& demand_weights() const { return demand_weight_; }
  [[nodiscard]] const std::vector<double>& site_costs() const { return site_cost_; }

private:
  std::size_t site_count_;
  std::vector<double> demand_weight_;
  std::vector<double> site_cost_;
  std::vector<std::vector<std::size_t>> covering_sites_;
  std::vector<std::vector<std::size_t>> covered_demands_;
};

/// Open sites (ascending) and, per demand point, whether an open site covers it.
struct CoveringSolution {
  std::vector<std::size_t> open_sites;
  std::vector<char> covered;
};

/// A covering solve's figures and its solution (empty when infeasible).
struct CoveringResult {
  SolveStats stats;
  CoveringSolution solution;
};

/// Total weight of the demand points covered by at least one of `open_sites`.
double covered_weight(const CoveringInstance& instance, const std::vector<std::size_t>& open_sites);

/// The solution record (sorted sites, covered flags) for an open set.
CoveringSolution covering_solution(const CoveringInstance& instance, std::vector<std::size_t> open_sites);

}  // namespace guarantor::plan
