#pragma once
// A tabu search for the GAP through overloaded assignments, after Díaz & Fernández (2001) and
// Yagiura, Ibaraki & Glover (2004, 2006): every iteration takes the best admissible shift (a job
// to another agent) or, when no shift improves, the best admissible move among the shifts and the
// swaps of a run of jobs, even when it worsens cost + Σ_a w_a · overload_a (gap_tabu_state.hpp
// prices each move in O(1)). A job that leaves an agent may not go back to it for a tenure of
// iterations unless that gives a feasible assignment cheaper than the best (aspiration). The
// weights adapt every iteration: those of overloaded agents rise while the assignment is
// infeasible, all fall while it is feasible, so the search oscillates about the capacity
// boundary; every feasible assignment it passes that is cheaper than the best goes to the
// caller's GapSearch. Shifts and swaps look at each job's candidate agents only when the lists
// restrict. Every step is counted (evaluated moves) and randomness comes from one seeded
// generator, so the same seed and budget repeat themselves.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "gap_candidates.hpp"
#include "gap_search.hpp"
#include "gap_tabu_state.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

class GapTabuSearch {
public:
  /// `candidates` kept by reference; unrestricted lists mean every agent.
  GapTabuSearch(const GapInstance& instance, const GapCandidates& candidates);
  // Both are kept by reference, so temporaries would dangle.
  GapTabuSearch(GapInstance&&, const GapCandidates&) = delete;
  GapTabuSearch(const GapInstance&, GapCandidates&&) = delete;

  /// Searches from `start` (every job at an agent it fits on its own; agents may be overloaded;
  /// empty: `search`'s best solution) for at most `evaluations` evaluated moves; every feasible
  /// assignment cheaper than the best goes to `search` (adopt), and restarts go back to that
  /// best. Needs a solution in `search`. Stops early when `stop()` is true (checked every
  /// iteration). Returns the moves evaluated.
  std::uint64_t run(GapSearch& search, std::uint64_t evaluations, std::mt19937_64& rng,
                    const std::function<bool()>& stop, const std::vector<std::size_t>& start = {});

private:
  static constexpr std::size_t NONE = static_cast<std::size_t>(-1);

  struct Move {
    double delta;
    std::size_t job = NONE, to = NONE, other = NONE;  // other: the swap partner, NONE for a shift
  };

  [[nodiscard]] bool allowed(std::size_t agent, std::size_t job) const { return allowed_[agent * jobs_ + job] != 0; }
  [[nodiscard]] bool tabu(std::size_t agent, std::size_t job) const {
    return tabu_until_[agent * jobs_ + job] > iteration_;
  }
  // Best admissible shift / swap, given the best move so far (updated in place).
  void best_shift(Move& best, double best_cost);
  void best_swap(Move& best, double best_cost, std::size_t first, std::size_t count);
  void consider_swap(std::size_t job, std::size_t other, Move& best, double best_cost);
  void adapt_weights();

  const GapInstance& instance_;
  const GapCandidates& candidates_;
  std::size_t agents_, jobs_;
  std::vector<char> allowed_;  // the pair fits the agent's capacity on its own
  std::vector<std::size_t> all_agents_;
  GapPenalisedState state_;
  std::vector<std::uint64_t> tabu_until_;  // agent-major: the first iteration the job may return
  std::uint64_t iteration_ = 0, evaluated_ = 0;
  double initial_weight_ = 1, least_weight_ = 1, most_weight_ = 1;
};

}  // namespace guarantor::plan::detail
