#pragma once
// Candidate lists for the GAP's local search (after Yagiura, Ibaraki & Glover 2004, who restrict
// their ejection chains by the Lagrangian relaxation of the capacity rows): each job keeps the
// few agents of least c_aj + v_a · r_aj, v_a being a price of agent a's capacity (the LP duals).
// On type D the cheapest pair is the heaviest one, so cost alone ranks the agents badly; the
// price weighs the room a job takes. A swap then looks for its partner among the jobs of the
// job's candidate agents only, about per_job × n / m jobs instead of all n.
#include <cstddef>
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::detail {

class GapCandidates {
public:
  /// No restriction: every agent is a candidate of every job.
  GapCandidates() = default;

  /// Ranks each job's agents by c_aj + price[a] · r_aj (pairs that exceed the capacity left
  /// out) and keeps `per_job`. Restricts nothing when `price` is empty or there are at most
  /// 2 × per_job agents (the partner scan is then short anyway).
  GapCandidates(const GapInstance& instance, const std::vector<double>& price, std::size_t per_job);

  /// True when the lists leave agents out.
  [[nodiscard]] bool restricted() const { return !agents_of_job_.empty(); }
  /// The candidate agents of a job, best first (only when restricted()).
  [[nodiscard]] const std::vector<std::size_t>& agents_of(std::size_t job) const { return agents_of_job_[job]; }

private:
  std::vector<std::vector<std::size_t>> agents_of_job_;
};

}  // namespace guarantor::plan::detail
