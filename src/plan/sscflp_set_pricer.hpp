#pragma once
// The primal side of the single-source site branch-and-bound (cflp_branch.hpp): an open-site set
// is priced by solving the generalized assignment problem it leaves (customers as jobs, the open
// sites as agents with their capacities; generalized_assignment.hpp) within a work budget, and
// the assignment is then handed to the local search (sscflp_search.hpp), which may still close,
// open or exchange sites. Sets priced before are not priced again.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "guarantor/plan/single_source_facility_location.hpp"
#include "site_dual.hpp"
#include "sscflp_lagrangian.hpp"
#include "sscflp_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

class SscflpSetPricer final : public SiteIncumbent {
public:
  /// `lagrangian` is the dual the tree evaluates (its knapsacks give the relaxed solutions);
  /// `move_budget`: local-search moves per adopted assignment; the clock bounds each GAP solve.
  SscflpSetPricer(const FacilityLocationInstance& instance, SscflpSearch& search, const SscflpLagrangian& lagrangian,
                  std::uint64_t move_budget, const Stopwatch& clock);

  [[nodiscard]] bool has_solution() const override { return search_.has_solution(); }
  [[nodiscard]] double best_cost() const override { return search_.best_cost(); }
  [[nodiscard]] std::vector<std::size_t> best_open_sites() const override { return search_.best().open_sites; }
  [[nodiscard]] bool priced(const std::vector<std::size_t>& open) const override { return priced_.count(open) > 0; }
  /// A GAP solve within a work budget and without proof.
  bool offer(std::vector<std::size_t> open) override;
  /// A GAP solve to proof (its own Lagrangian branch-and-bound) within the work budget.
  bool settle(std::vector<std::size_t> open) override;
  bool offer_relaxed_if_promising(const std::vector<double>& y, const std::vector<double>& rho,
                                  double multiplier_sum) override;
  /// Takes the customers each open site's knapsack chose as the assignment; true when those
  /// knapsacks were solved exactly.
  bool offer_relaxed_solution(const std::vector<double>& y) override;

  /// Open sets priced by a GAP solve so far.
  [[nodiscard]] std::size_t sets_priced() const { return priced_.size(); }

private:
  // Improves `solution` by local search and keeps it when better; true when the best improved.
  bool adopt(const SingleSourceSolution& solution);
  // The GAP the sorted set `open` leaves, solved with (`exact`) or without its exact phase;
  // the assignment is adopted. Nullopt when the set lacks room or the open count.
  std::optional<SolveStatus> price(const std::vector<std::size_t>& open, bool exact);

  const FacilityLocationInstance& instance_;
  SscflpSearch& search_;
  const SscflpLagrangian& lagrangian_;
  std::uint64_t move_budget_;
  const Stopwatch& clock_;
  double total_demand_ = 0;
  std::set<std::vector<std::size_t>> priced_, settled_;
};

}  // namespace guarantor::plan::detail
