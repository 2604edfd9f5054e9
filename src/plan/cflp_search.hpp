#pragma once
// The primal side of the multi-source CFLP: open sets priced by the transportation LP
// (`allocate`), remembered so that no set is priced twice, the best kept. Sources of open sets:
// the Lagrangian relaxation's choice repaired to enough capacity (a Lagrangian heuristic), then
// a descent over close / open / swap moves ranked by the Lagrangian bound of the set they give
// (site_descent.hpp).
#include <cstddef>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "site_dual.hpp"

namespace guarantor::plan::detail {

class CflpSearch final : public SiteIncumbent {
public:
  explicit CflpSearch(const FacilityLocationInstance& instance);

  /// Prices `open` (sites that serve nothing are then closed, which only saves their fixed
  /// cost) and keeps it when cheaper than the best. False when the set lacks capacity or was
  /// priced before.
  bool offer(std::vector<std::size_t> open) override;
  /// The transportation LP is exact: every set is settled by its offer.
  bool settle(std::vector<std::size_t> open) override { return offer(std::move(open)), true; }

  /// Makes a relaxed choice y feasible (open_set_with_room, facility_capacity.hpp) and offers it.
  bool offer_relaxed(const std::vector<double>& y, const std::vector<double>& priority);

  /// As offer_relaxed with the reduced fixed costs `rho` as priority, but prices the repaired set
  /// O only when its Lagrangian bound Σ_c u_c + Σ_{s∈O} ρ_s (`multiplier_sum` = Σ_c u_c) is
  /// below the best cost: a set whose bound is not cannot improve, and pricing is a
  /// transportation LP, the dearest step of a branch-and-bound node.
  bool offer_relaxed_if_promising(const std::vector<double>& y, const std::vector<double>& rho,
                                  double multiplier_sum) override;

  /// Offers the sites of y > 0 (the relaxed solution then serves every customer from them); the
  /// continuous knapsacks are exact, so it is always the best of its node.
  bool offer_relaxed_solution(const std::vector<double>& y) override;

  [[nodiscard]] bool has_solution() const override { return best_.has_value(); }
  [[nodiscard]] double best_cost() const override { return best_cost_; }
  [[nodiscard]] std::vector<std::size_t> best_open_sites() const override { return best_->open_sites; }
  [[nodiscard]] bool priced(const std::vector<std::size_t>& open) const override { return priced_.count(open) > 0; }
  [[nodiscard]] const FacilityLocationSolution& best() const { return *best_; }

private:
  // Price of `open` (sorted), or nullopt when it lacks capacity.
  std::optional<FacilityLocationSolution> price(const std::vector<std::size_t>& open) const;

  const FacilityLocationInstance& instance_;
  double total_demand_ = 0;
  std::set<std::vector<std::size_t>> priced_;
  std::optional<FacilityLocationSolution> best_;
  double best_cost_ = 0;
};

}  // namespace guarantor::plan::detail
