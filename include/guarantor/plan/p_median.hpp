#pragma once
// Uncapacitated p-median: open exactly p sites so that the demand-weighted distance from every
// customer to its nearest open site is least. Generic: a distance matrix and weights in.
#include <cstddef>
#include <vector>

#include "guarantor/plan/solve_result.hpp"

namespace guarantor::plan {

/// A p-median instance. Distances are customer-major: distance(c, s) = distance[c * sites + s].
class PMedianInstance {
public:
  /// Throws Error(Schema) when the sizes disagree or a distance/weight is negative or not finite.
  PMedianInstance(std::size_t customer_count, std::size_t site_count, std::vector<double> distance,
                  std::vector<double> weight, std::size_t p);

  [[nodiscard]] std::size_t customer_count() const { return customer_count_; }
  [[nodiscard]] std::size_t site_count() const { return site_count_; }
  [[nodiscard]] std::size_t p() const { return p_; }
  /// Weighted cost weight(c) * distance(c, s): what the objective sums.
  [[nodiscard]] double cost(std::size_t customer, std::size_t site) const {
    return cost_[customer * site_count_ + site];
  }
  /// The weighted cost matrix, customer-major.
  [[nodiscard]] const std::vector<double>& costs() const { return cost_; }

private:
  std::size_t customer_count_;
  std::size_t site_count_;
  std::size_t p_;
  std::vector<double> cost_;
};

/// Open sites (ascending) and, per customer, the index of the open site serving it.
struct PMedianSolution {
  std::vector<std::size_t> open_sites;
  std::vector<std::size_t> assigned_site;
};

/// A solve's figures and its solution (empty when infeasible).
struct PMedianResult {
  SolveStats stats;
  PMedianSolution solution;
};

/// Objective of opening `open_sites`, each customer served by its nearest open site.
double p_median_cost(const PMedianInstance& instance, const std::vector<std::size_t>& open_sites);

/// Nearest-open-site assignment and ascending site list for the given open set.
PMedianSolution p_median_assign(const PMedianInstance& instance, std::vector<std::size_t> open_sites);

/// Greedy add (p times the site that lowers the cost most), then Whitaker's fast interchange
/// (best swap per pass) to a swap-local optimum. Deterministic. Precondition: 1 <= p <= sites.
PMedianSolution p_median_heuristic(const PMedianInstance& instance);

/// Fast interchange from a given open set of exactly p sites, to a swap-local optimum.
PMedianSolution p_median_local_search(const PMedianInstance& instance, std::vector<std::size_t> open_sites);

/// Heuristic, Lagrangian bound, Lagrangian variable fixing, then CBC on the reduced MILP.
/// Never throws for an infeasible p (p = 0 with customers, or p > sites): returns Infeasible.
PMedianResult solve_p_median(const PMedianInstance& instance, const SolveOptions& options = {});

/// Baseline: CBC on the textbook MILP (x_cs <= y_s, sum_s x_cs = 1, sum_s y_s = p), no help.
PMedianResult solve_p_median_textbook_milp(const PMedianInstance& instance, const SolveOptions& options = {});

}  // namespace guarantor::plan
