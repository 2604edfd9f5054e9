#pragma once
// The state of a GAP search that may overload agents: each job's agent, each agent's load and
// penalty weight, the total cost and the count of overloaded agents, all kept up to date by
// every move, so a shift or a swap is priced on the penalised objective
// cost + Σ_a w_a · max(0, load_a − b_a) in O(1) (Yagiura, Ibaraki & Glover 2004).
#include <cstddef>
#include <vector>

#include "gap_agent_jobs.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

class GapPenalisedState {
public:
  /// Kept by reference.
  explicit GapPenalisedState(const GapInstance& instance);

  /// Starts from `agent_of_job` (every job at an agent; agents may be overloaded), every
  /// agent's weight `weight`.
  void reset(const std::vector<std::size_t>& agent_of_job, double weight);

  /// Change of the penalised objective if `job` moved to `to`.
  [[nodiscard]] double shift_delta(std::size_t job, std::size_t to) const;
  /// Change of the penalised objective if `job` and `other` (at different agents) traded agents.
  [[nodiscard]] double swap_delta(std::size_t job, std::size_t other) const;
  /// True when no agent would be overloaded after `job` moved to `to`.
  [[nodiscard]] bool feasible_after_shift(std::size_t job, std::size_t to) const;
  /// True when no agent would be overloaded after `job` and `other` traded agents.
  [[nodiscard]] bool feasible_after_swap(std::size_t job, std::size_t other) const;

  /// Moves `job` to `to`.
  void shift(std::size_t job, std::size_t to);
  /// `job` and `other` trade agents.
  void swap(std::size_t job, std::size_t other);

  /// Sets an agent's penalty weight (per unit of overload).
  void set_weight(std::size_t agent, double weight) { weight_[agent] = weight; }
  [[nodiscard]] double weight(std::size_t agent) const { return weight_[agent]; }

  [[nodiscard]] std::size_t agent_of(std::size_t job) const { return agent_of_job_[job]; }
  [[nodiscard]] const std::vector<std::size_t>& assignment() const { return agent_of_job_; }
  [[nodiscard]] const GapAgentJobs& agent_jobs() const { return agent_jobs_; }
  [[nodiscard]] double load(std::size_t agent) const { return load_[agent]; }
  [[nodiscard]] double cost() const { return cost_; }
  [[nodiscard]] bool overloaded(std::size_t agent) const { return excess(agent, load_[agent]) > 0; }
  [[nodiscard]] bool feasible() const { return overloaded_ == 0; }
  /// cost + Σ_a w_a · overload_a, summed afresh (O(agents)).
  [[nodiscard]] double penalised() const;

private:
  [[nodiscard]] double excess(std::size_t agent, double load) const;
  [[nodiscard]] double penalty_change(std::size_t agent, double load_change) const;
  // Agents overloaded after the given load changes on two distinct agents.
  [[nodiscard]] std::size_t overloaded_after(std::size_t first, double first_change, std::size_t second,
                                             double second_change) const;
  void place(std::size_t job, std::size_t to);

  const GapInstance& instance_;
  std::size_t agents_, jobs_;
  std::vector<std::size_t> agent_of_job_;
  GapAgentJobs agent_jobs_;
  std::vector<double> load_, weight_;
  std::size_t overloaded_ = 0;
  double cost_ = 0;
};

}  // namespace guarantor::plan::detail
