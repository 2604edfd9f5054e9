#pragma once
// Capacitated facility location, multiple sourcing (the OR-Library "cap" problem, Beasley 1988):
// open sites at a fixed cost and split each customer's demand among open sites within their
// capacities, at least fixed plus allocation cost.
#include <cstddef>
#include <optional>
#include <vector>

#include "guarantor/plan/solve_result.hpp"

namespace guarantor::plan {

/// A CFLP instance. allocation_cost(c, s) = cost of serving ALL of customer c's demand from s
/// (customer-major, as OR-Library gives it); serving a fraction costs that fraction.
class FacilityLocationInstance {
public:
  /// Throws Error(Schema) when sizes disagree or a number is negative or not finite. With
  /// `open_count`, exactly that many sites must open (the cardinality form: a capacitated p-median
  /// when fixed costs are zero); more than the sites makes the instance infeasible, not an error.
  FacilityLocationInstance(std::vector<double> capacity, std::vector<double> fixed_cost,
                           std::vector<double> demand, std::vector<double> allocation_cost,
                           std::optional<std::size_t> open_count = std::nullopt);

  [[nodiscard]] std::size_t site_count() const { return capacity_.size(); }
  [[nodiscard]] std::size_t customer_count() const { return demand_.size(); }
  [[nodiscard]] double capacity(std::size_t site) const { return capacity_[site]; }
  [[nodiscard]] double fixed_cost(std::size_t site) const { return fixed_cost_[site]; }
  [[nodiscard]] double demand(std::size_t customer) const { return demand_[customer]; }
  [[nodiscard]] double allocation_cost(std::size_t customer, std::size_t site) const {
    return allocation_cost_[customer * capacity_.size() + site];
  }
  /// Sites that must open; nullopt = any number (the classic CFLP).
  [[nodiscard]] std::optional<std::size_t> open_count() const { return open_count_; }

private:
  std::vector<double> capacity_, fixed_cost_, demand_, allocation_cost_;
  std::optional<std::size_t> open_count_;
};

/// Open sites (ascending) and the fraction of each customer's demand served by each site
/// (customer-major, like the cost matrix).
struct FacilityLocationSolution {
  std::vector<std::size_t> open_sites;
  std::vector<double> fraction;
};

/// A CFLP solve's figures and its solution (empty when infeasible).
struct FacilityLocationResult {
  SolveStats stats;
  FacilityLocationSolution solution;
};

/// Fixed plus allocation cost of a solution.
double facility_location_cost(const FacilityLocationInstance& instance, const FacilityLocationSolution& solution);

/// The cheapest allocation for a fixed open set (a transportation LP); nullopt when the open
/// sites lack the capacity.
std::optional<FacilityLocationSolution> allocate(const FacilityLocationInstance& instance,
                                                 std::vector<std::size_t> open_sites);

/// Lagrangian bound (demand rows relaxed: a continuous knapsack per site, an integral choice of
/// sites under the aggregate capacity row or sum y = count), Lagrangian heuristic and a descent
/// ranked by the bound, reduced-cost fixing of sites in rounds, then branch-and-bound on the sites
/// with the Lagrangian bound at every node (proved_by lagrangian_branch_and_bound), and CBC on
/// the reduced strong MILP with the incumbent as cutoff only if the node budget runs out with
/// time left. See docs/planner-solvers.md.
FacilityLocationResult solve_facility_location(const FacilityLocationInstance& instance,
                                               const SolveOptions& options = {});

/// The benchmark baseline: CBC with default settings on the strong MILP, no heuristic, no cutoff.
FacilityLocationResult solve_facility_location_textbook_milp(const FacilityLocationInstance& instance,
                                                             const SolveOptions& options = {});

}  // namespace guarantor::plan
