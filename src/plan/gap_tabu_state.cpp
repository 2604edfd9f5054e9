#include "gap_tabu_state.hpp"

#include <algorithm>

#include "guarantor/core/error.hpp"

namespace guarantor::plan::detail {

namespace {
// Capacity slack accepted when summing resources in floating point.
constexpr double LOAD_TOLERANCE = 1e-9;
}  // namespace

GapPenalisedState::GapPenalisedState(const GapInstance& instance)
    : instance_(instance),
      agents_(instance.agent_count()),
      jobs_(instance.job_count()),
      agent_jobs_(agents_, jobs_),
      load_(agents_, 0.0),
      weight_(agents_, 1.0) {}

double GapPenalisedState::excess(std::size_t agent, double load) const {
  return std::max(0.0, load - instance_.capacity(agent) - LOAD_TOLERANCE);
}

double GapPenalisedState::penalty_change(std::size_t agent, double load_change) const {
  return weight_[agent] * (excess(agent, load_[agent] + load_change) - excess(agent, load_[agent]));
}

void GapPenalisedState::reset(const std::vector<std::size_t>& agent_of_job, double weight) {
  GUARANTOR_ASSERT(agent_of_job.size() == jobs_, "a start assigns every job");
  agent_of_job_ = agent_of_job;
  load_.assign(agents_, 0.0);
  weight_.assign(agents_, weight);
  agent_jobs_.clear();
  cost_ = 0;
  for (std::size_t job = 0; job < jobs_; ++job) {
    load_[agent_of_job_[job]] += instance_.resource(agent_of_job_[job], job);
    cost_ += instance_.cost(agent_of_job_[job], job);
    agent_jobs_.add(job, agent_of_job_[job]);
  }
  overloaded_ = 0;
  for (std::size_t agent = 0; agent < agents_; ++agent) overloaded_ += overloaded(agent) ? 1 : 0;
}

double GapPenalisedState::shift_delta(std::size_t job, std::size_t to) const {
  const std::size_t from = agent_of_job_[job];
  return instance_.cost(to, job) - instance_.cost(from, job) + penalty_change(from, -instance_.resource(from, job)) +
         penalty_change(to, instance_.resource(to, job));
}

double GapPenalisedState::swap_delta(std::size_t job, std::size_t other) const {
  const std::size_t from = agent_of_job_[job], to = agent_of_job_[other];
  return instance_.cost(to, job) + instance_.cost(from, other) - instance_.cost(from, job) - instance_.cost(to, other) +
         penalty_change(from, instance_.resource(from, other) - instance_.resource(from, job)) +
         penalty_change(to, instance_.resource(to, job) - instance_.resource(to, other));
}

std::size_t GapPenalisedState::overloaded_after(std::size_t first, double first_change, std::size_t second,
                                                double second_change) const {
  std::size_t count = overloaded_;
  count -= (overloaded(first) ? 1 : 0) + (overloaded(second) ? 1 : 0);
  count += (excess(first, load_[first] + first_change) > 0 ? 1 : 0) +
           (excess(second, load_[second] + second_change) > 0 ? 1 : 0);
  return count;
}

bool GapPenalisedState::feasible_after_shift(std::size_t job, std::size_t to) const {
  const std::size_t from = agent_of_job_[job];
  return overloaded_after(from, -instance_.resource(from, job), to, instance_.resource(to, job)) == 0;
}

bool GapPenalisedState::feasible_after_swap(std::size_t job, std::size_t other) const {
  const std::size_t from = agent_of_job_[job], to = agent_of_job_[other];
  return overloaded_after(from, instance_.resource(from, other) - instance_.resource(from, job), to,
                          instance_.resource(to, job) - instance_.resource(to, other)) == 0;
}

void GapPenalisedState::place(std::size_t job, std::size_t to) {
  const std::size_t from = agent_of_job_[job];
  for (std::size_t touched : {from, to}) overloaded_ -= overloaded(touched) ? 1 : 0;
  load_[from] -= instance_.resource(from, job);
  load_[to] += instance_.resource(to, job);
  for (std::size_t touched : {from, to}) overloaded_ += overloaded(touched) ? 1 : 0;
  cost_ += instance_.cost(to, job) - instance_.cost(from, job);
  agent_of_job_[job] = to;
  agent_jobs_.move(job, from, to);
}

void GapPenalisedState::shift(std::size_t job, std::size_t to) {
  GUARANTOR_ASSERT(to != agent_of_job_[job], "a shift changes the job's agent");
  place(job, to);
}

void GapPenalisedState::swap(std::size_t job, std::size_t other) {
  const std::size_t from = agent_of_job_[job], to = agent_of_job_[other];
  GUARANTOR_ASSERT(from != to, "a swap trades between two agents");
  place(job, to);
  place(other, from);
}

double GapPenalisedState::penalised() const {
  double total = cost_;
  for (std::size_t agent = 0; agent < agents_; ++agent) total += weight_[agent] * excess(agent, load_[agent]);
  return total;
}

}  // namespace guarantor::plan::detail
