#pragma once
// A GAP local search that may overload agents, after Yagiura, Ibaraki & Glover (2004, 2006):
// the search minimises cost + Σ_a w_a · max(0, load_a − b_a) over shift and swap moves, and
// the weights adapt at every local optimum (raised on the agents left overloaded, lowered on all
// when none is), so the search crosses the infeasible region between feasible solutions that
// no feasible move connects. Tight instances (type D) are where a feasible-only descent stalls.
// With candidate lists (more than 20 agents) a job that has no improving shift or swap also tries
// an ejection chain of two shifts (j to a', a job of a' on to a third agent): a swap must fit
// both agents at once, while the chain lets the receiving agent pass room on to a third.
// Every step is counted (evaluated moves), randomness comes from one seeded generator, so the
// same seed and budget give the same solution.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "gap_agent_jobs.hpp"
#include "gap_candidates.hpp"
#include "gap_search.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

/// Where a search through overloaded assignments starts (this one and the tabu search): which
/// pairs fit their agent on their own (agent-major), and the weight of a unit of overload — as
/// dear as a job's mean cost spread per unit of its mean resource, so a move that saves a typical
/// spread by overloading by a typical resource is about even.
struct PenaltyStart {
  std::vector<char> allowed;
  double weight = 1;
};
PenaltyStart penalty_start(const GapInstance& instance);

class GapPenaltySearch {
public:
  /// `candidates`: a swap seeks its partner among the jobs of the moving job's candidate agents
  /// only (every job when unrestricted); shifts try every agent. Kept by reference.
  GapPenaltySearch(const GapInstance& instance, const GapCandidates& candidates);
  // Both are kept by reference, so temporaries would dangle.
  GapPenaltySearch(GapInstance&&, const GapCandidates&) = delete;
  GapPenaltySearch(const GapInstance&, GapCandidates&&) = delete;

  /// Searches from `start` (an assignment of every job to an agent it fits, which may overload
  /// agents; empty: `search`'s best solution) for at most `evaluations` evaluated moves; every
  /// feasible assignment cheaper than the best goes to `search` (adopt), and restarts go back to
  /// that best. Needs a solution in `search`. Stops early when `stop()` is true (checked between
  /// local optima). Returns the moves evaluated.
  std::uint64_t run(GapSearch& search, std::uint64_t evaluations, std::mt19937_64& rng,
                    const std::function<bool()>& stop, const std::vector<std::size_t>& start = {});

private:
  static constexpr std::size_t NONE = static_cast<std::size_t>(-1);

  [[nodiscard]] double excess(std::size_t agent, double load) const;
  [[nodiscard]] double penalty_change(std::size_t agent, double load_change) const;
  void start_from(const std::vector<std::size_t>& agent_of_job);
  void move(std::size_t job, std::size_t agent);
  // The best swap partner of `job` (at `from`) among `others`; updates best_delta.
  void best_swap(std::size_t job, std::size_t from, std::span<const std::size_t> others, double& best_delta,
                 std::size_t& swap_with) const;
  // The best ejection chain of length two for `job` (at `from`): it moves to a candidate agent
  // `to`, and a job of `to` moves on to one of its own candidate agents. Only when restricted.
  void best_chain(std::size_t job, std::size_t from, double& best_delta, std::size_t& chain_to, std::size_t& ejected,
                  std::size_t& ejected_to);
  // One pass of best-move-per-job descent on the penalised cost; true when something moved.
  bool descent_pass(GapSearch& search);
  void offer(GapSearch& search);

  const GapInstance& instance_;
  const GapCandidates& candidates_;
  std::size_t agents_, jobs_;
  std::vector<char> allowed_;  // pair fits the agent's capacity on its own
  std::vector<std::size_t> agent_of_job_;
  GapAgentJobs agent_jobs_;            // kept only when the candidates restrict
  std::vector<std::size_t> all_jobs_;  // 0..n-1, the partners when unrestricted
  std::vector<double> load_, weight_;
  std::size_t overloaded_ = 0;  // agents over capacity
  double cost_ = 0, initial_weight_ = 1;
  std::uint64_t evaluated_ = 0;
};

}  // namespace guarantor::plan::detail
