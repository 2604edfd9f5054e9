#pragma once
// The primal side of the single-source CFLP: build an assignment for a given open set (regret
// order, cheapest open site with room), then local search with customer moves (reassign, swap
// two customers) and site moves (close a site, open one, exchange an open for a closed one),
// every move respecting capacity (the neighbourhoods of Holmberg, Rönnqvist & Yuan 1999 and
// Ahuja et al. 2004, without the very large scale exchanges). Work is counted in evaluated
// moves so a budget, not the clock, ends it in deterministic mode.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "guarantor/plan/single_source_facility_location.hpp"

namespace guarantor::plan::detail {

class SscflpSearch {
public:
  explicit SscflpSearch(const FacilityLocationInstance& instance);

  /// Assigns every customer to a site of `open` (flags per site), opening the cheapest closed
  /// site with room when none has (not with an open count, where `open` must hold exactly the
  /// count), then improves by local search within `move_budget` evaluated moves or until
  /// `stop()`. Keeps the result when it beats the best. False when no assignment was found.
  bool build(std::vector<char> open, std::uint64_t move_budget, const std::function<bool()>& stop);

  /// Takes a solution (e.g. from CBC), improves it, keeps it when feasible and better.
  void adopt(const SingleSourceSolution& solution, std::uint64_t move_budget, const std::function<bool()>& stop);

  [[nodiscard]] bool has_solution() const { return best_cost_ < std::numeric_limits<double>::infinity(); }
  [[nodiscard]] double best_cost() const { return best_cost_; }
  [[nodiscard]] const SingleSourceSolution& best() const { return best_; }

private:
  bool fits(std::size_t site, double extra) const;
  void assign(std::size_t customer, std::size_t site);
  void improve(std::uint64_t move_budget, const std::function<bool()>& stop);
  bool shift_pass();
  bool swap_pass();
  bool close_move();
  bool open_move();
  bool exchange_move();
  void close_empty_sites();
  void keep_if_better();

  const FacilityLocationInstance& instance_;
  std::size_t sites_, customers_;
  bool fixed_count_;
  std::uint64_t moves_ = 0;  // evaluated moves in the current improve call
  std::vector<std::size_t> site_of_;
  std::vector<double> load_;
  std::vector<std::size_t> served_;
  std::vector<char> open_;
  SingleSourceSolution best_;
  double best_cost_;
};

}  // namespace guarantor::plan::detail
