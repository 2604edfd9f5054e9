#pragma once
// The GAP primal side (minimisation form): repair of a Lagrangian relaxed solution into a
// feasible assignment, shift/swap descent, and a ruin-and-recreate search in the spirit of
// Yagiura, Ibaraki & Glover's ejection chains: unassign a group of related jobs (part of one
// agent's load and part of another's), reinsert them by regret, descend around the moved jobs,
// and keep the result when it is no worse. All randomness comes from one seeded generator and
// every loop is bounded by a move count, so the same seed gives the same solution.
#include <cstddef>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "gap_agent_jobs.hpp"
#include "gap_candidates.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

class GapSearch {
public:
  explicit GapSearch(const GapInstance& instance);

  /// Adopts a feasible assignment as the current solution (and the best, if cheaper).
  void adopt(const std::vector<std::size_t>& agent_of_job);

  /// Turns a relaxed solution (taken[a * jobs + j]) into an assignment: a job taken once keeps
  /// its agent, a job taken by several keeps the cheapest, the rest are inserted by regret;
  /// then descends. Returns false (current unchanged) when some job finds no room.
  bool repair(const std::vector<char>& taken);

  /// Shift and swap descent of the current solution until no improving move is left.
  void descend();

  /// Restricts every later swap to partners held by the moving job's candidate agents (kept by
  /// reference; shifts still try every agent).
  void restrict_swaps(const GapCandidates& candidates) { candidates_ = &candidates; }

  /// `moves` ruin-and-recreate steps from the best solution; stops early when `stop` is true.
  /// Threshold accepting (Dueck & Scheuer 1990): a step may worsen the current solution by a
  /// slack that falls linearly from `start_slack` (relative to the best cost) to 0.
  template <typename Stop>
  void ruin_and_recreate(std::uint64_t moves, std::mt19937_64& rng, Stop stop, double start_slack = 0.0) {
    for (std::uint64_t move = 0; move < moves; ++move) {
      if (move % 64 == 0 && stop()) return;
      const double remaining = 1.0 - static_cast<double>(move) / static_cast<double>(moves);
      ruin_and_recreate_step(rng, start_slack * remaining * std::abs(best_cost_));
    }
    if (has_solution()) adopt(best_);
  }

  [[nodiscard]] bool has_solution() const { return best_cost_ < INF_COST; }
  [[nodiscard]] double best_cost() const { return best_cost_; }
  [[nodiscard]] const std::vector<std::size_t>& best() const { return best_; }

private:
  static constexpr double INF_COST = 1e300;
  static constexpr std::size_t NONE = static_cast<std::size_t>(-1);

  void ruin_and_recreate_step(std::mt19937_64& rng, double slack);
  bool insert_by_regret(std::vector<std::size_t>& pending);
  bool improve_job(std::size_t job);
  void assign(std::size_t job, std::size_t agent);
  void unassign(std::size_t job);
  void record();

  const GapInstance& instance_;
  const GapCandidates* candidates_ = nullptr;
  std::size_t agents_, jobs_;
  std::vector<std::size_t> agent_of_job_;
  std::vector<double> residual_;
  GapAgentJobs agent_jobs_;
  double cost_ = INF_COST;
  std::vector<std::size_t> best_;
  double best_cost_ = INF_COST;
};

}  // namespace guarantor::plan::detail
