#include "gap_penalty.hpp"

#include <algorithm>
#include <utility>

#include "guarantor/core/error.hpp"

namespace guarantor::plan::detail {

namespace {
// Cost change below which a move does not count as an improvement (rounding noise).
constexpr double GAIN_EPSILON = 1e-9;
// Capacity slack accepted when summing resources in floating point.
constexpr double LOAD_TOLERANCE = 1e-9;
// Weight adaptation at a local optimum: an agent left overloaded gets dearer, and when none is
// the weights all fall, so the next descent may overload again (strategic oscillation about
// the capacity boundary). Bounded to a range around the starting weight.
constexpr double WEIGHT_RAISE = 1.3;
constexpr double WEIGHT_LOWER = 0.8;
constexpr double WEIGHT_RANGE = 1e3;
// Local optima without a better feasible solution before the search goes back to the best one
// with fresh weights and a few random shifts (the kick).
constexpr std::uint64_t RESTART_ROUNDS = 60;
constexpr std::uint64_t KICK_SHIFTS = 4;
}  // namespace

PenaltyStart penalty_start(const GapInstance& instance) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  PenaltyStart start;
  start.allowed.assign(agents * jobs, 0);
  double spread = 0, resource = 0;
  std::size_t pairs = 0;
  for (std::size_t job = 0; job < jobs; ++job) {
    double least = 0, most = 0;
    bool any = false;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (instance.resource(agent, job) > instance.capacity(agent) + LOAD_TOLERANCE) continue;
      start.allowed[agent * jobs + job] = 1;
      const double cost = instance.cost(agent, job);
      least = any ? std::min(least, cost) : cost, most = any ? std::max(most, cost) : cost, any = true;
      resource += instance.resource(agent, job), ++pairs;
    }
    spread += most - least;
  }
  const double mean_resource = pairs > 0 ? resource / static_cast<double>(pairs) : 0;
  const double mean_spread = jobs > 0 ? spread / static_cast<double>(jobs) : 0;
  if (mean_resource > 0 && mean_spread > 0) start.weight = mean_spread / mean_resource;
  return start;
}

GapPenaltySearch::GapPenaltySearch(const GapInstance& instance, const GapCandidates& candidates)
    : instance_(instance),
      candidates_(candidates),
      agents_(instance.agent_count()),
      jobs_(instance.job_count()),
      agent_jobs_(agents_, jobs_) {
  PenaltyStart start = penalty_start(instance);
  allowed_ = std::move(start.allowed), initial_weight_ = start.weight;
  all_jobs_.resize(jobs_);
  for (std::size_t job = 0; job < jobs_; ++job) all_jobs_[job] = job;
}

double GapPenaltySearch::excess(std::size_t agent, double load) const {
  return std::max(0.0, load - instance_.capacity(agent) - LOAD_TOLERANCE);
}

double GapPenaltySearch::penalty_change(std::size_t agent, double load_change) const {
  return weight_[agent] * (excess(agent, load_[agent] + load_change) - excess(agent, load_[agent]));
}

void GapPenaltySearch::start_from(const std::vector<std::size_t>& agent_of_job) {
  agent_of_job_ = agent_of_job;
  load_.assign(agents_, 0.0);
  weight_.assign(agents_, initial_weight_);
  cost_ = 0;
  for (std::size_t job = 0; job < jobs_; ++job) {
    load_[agent_of_job_[job]] += instance_.resource(agent_of_job_[job], job);
    cost_ += instance_.cost(agent_of_job_[job], job);
  }
  overloaded_ = 0;
  for (std::size_t agent = 0; agent < agents_; ++agent) overloaded_ += excess(agent, load_[agent]) > 0 ? 1 : 0;
  if (!candidates_.restricted()) return;
  agent_jobs_.clear();
  for (std::size_t job = 0; job < jobs_; ++job) agent_jobs_.add(job, agent_of_job_[job]);
}

void GapPenaltySearch::move(std::size_t job, std::size_t agent) {
  const std::size_t from = agent_of_job_[job];
  for (std::size_t touched : {from, agent}) overloaded_ -= excess(touched, load_[touched]) > 0 ? 1 : 0;
  load_[from] -= instance_.resource(from, job);
  load_[agent] += instance_.resource(agent, job);
  for (std::size_t touched : {from, agent}) overloaded_ += excess(touched, load_[touched]) > 0 ? 1 : 0;
  cost_ += instance_.cost(agent, job) - instance_.cost(from, job);
  agent_of_job_[job] = agent;
  if (!candidates_.restricted()) return;
  agent_jobs_.move(job, from, agent);
}

void GapPenaltySearch::best_swap(std::size_t job, std::size_t from, std::span<const std::size_t> others,
                                 double& best_delta, std::size_t& swap_with) const {
  const double job_resource = instance_.resource(from, job), job_cost = instance_.cost(from, job);
  for (std::size_t other : others) {
    const std::size_t to = agent_of_job_[other];
    if (to == from || !allowed_[to * jobs_ + job] || !allowed_[from * jobs_ + other]) continue;
    const double cost_delta =
        instance_.cost(to, job) + instance_.cost(from, other) - job_cost - instance_.cost(to, other);
    const double delta = cost_delta + penalty_change(from, instance_.resource(from, other) - job_resource) +
                         penalty_change(to, instance_.resource(to, job) - instance_.resource(to, other));
    if (delta < best_delta) best_delta = delta, swap_with = other;
  }
}

void GapPenaltySearch::best_chain(std::size_t job, std::size_t from, double& best_delta, std::size_t& chain_to,
                                  std::size_t& ejected, std::size_t& ejected_to) {
  const double job_resource = instance_.resource(from, job), job_cost = instance_.cost(from, job);
  for (std::size_t to : candidates_.agents_of(job)) {
    if (to == from) continue;
    const double arrive = instance_.resource(to, job);
    const double first_delta = instance_.cost(to, job) - job_cost;
    for (std::size_t other : agent_jobs_.jobs_of(to)) {
      const double other_resource = instance_.resource(to, other), other_cost = instance_.cost(to, other);
      // `to` gains the job and loses the other; `from` loses the job (and may take the other).
      const double to_penalty = penalty_change(to, arrive - other_resource);
      for (std::size_t onward : candidates_.agents_of(other)) {
        if (onward == to) continue;
        const double onward_resource = instance_.resource(onward, other);
        const double penalty = onward == from
                                   ? penalty_change(from, onward_resource - job_resource)
                                   : penalty_change(from, -job_resource) + penalty_change(onward, onward_resource);
        const double delta = first_delta + instance_.cost(onward, other) - other_cost + to_penalty + penalty;
        if (delta < best_delta) best_delta = delta, chain_to = to, ejected = other, ejected_to = onward;
      }
      evaluated_ += candidates_.agents_of(other).size();
    }
  }
}

void GapPenaltySearch::offer(GapSearch& search) {
  if (overloaded_ == 0 && cost_ < search.best_cost() - GAIN_EPSILON) search.adopt(agent_of_job_);
}

bool GapPenaltySearch::descent_pass(GapSearch& search) {
  bool moved = false;
  for (std::size_t job = 0; job < jobs_; ++job) {
    const std::size_t from = agent_of_job_[job];
    const double job_resource = instance_.resource(from, job), job_cost = instance_.cost(from, job);
    double best_delta = -GAIN_EPSILON;
    std::size_t shift_to = NONE, swap_with = NONE;
    for (std::size_t to = 0; to < agents_; ++to) {
      if (to == from || !allowed_[to * jobs_ + job]) continue;
      const double delta = instance_.cost(to, job) - job_cost + penalty_change(from, -job_resource) +
                           penalty_change(to, instance_.resource(to, job));
      if (delta < best_delta) best_delta = delta, shift_to = to;
    }
    evaluated_ += agents_;
    if (shift_to == NONE && !candidates_.restricted()) {
      best_swap(job, from, all_jobs_, best_delta, swap_with);
      evaluated_ += jobs_;
    } else if (shift_to == NONE) {
      // Partners held by the job's candidate agents only; counted as evaluated moves, so the
      // same budget buys more passes.
      for (std::size_t to : candidates_.agents_of(job)) {
        if (to == from) continue;
        best_swap(job, from, agent_jobs_.jobs_of(to), best_delta, swap_with);
        evaluated_ += agent_jobs_.jobs_of(to).size();
      }
    }
    std::size_t chain_to = NONE, ejected = NONE, ejected_to = NONE;
    if (shift_to == NONE && swap_with == NONE && candidates_.restricted()) {
      best_chain(job, from, best_delta, chain_to, ejected, ejected_to);
    }
    if (shift_to != NONE) {
      move(job, shift_to);
    } else if (chain_to != NONE) {
      move(job, chain_to);
      move(ejected, ejected_to);
    } else if (swap_with != NONE) {
      const std::size_t to = agent_of_job_[swap_with];
      move(job, to);
      move(swap_with, from);
    } else {
      continue;
    }
    moved = true;
    offer(search);
  }
  return moved;
}

std::uint64_t GapPenaltySearch::run(GapSearch& search, std::uint64_t evaluations, std::mt19937_64& rng,
                                    const std::function<bool()>& stop, const std::vector<std::size_t>& start) {
  if (!search.has_solution() || agents_ < 2 || jobs_ == 0) return 0;
  GUARANTOR_ASSERT(start.empty() || start.size() == jobs_, "a start assigns every job");
  evaluated_ = 0;
  start_from(start.empty() ? search.best() : start);
  double best_seen = search.best_cost();
  std::uint64_t idle_rounds = 0;
  const double least_weight = initial_weight_ / WEIGHT_RANGE, most_weight = initial_weight_ * WEIGHT_RANGE;
  // Raw generator draws (not std distributions) keep the sequence the same on every library.
  auto draw = [&rng](std::size_t bound) { return static_cast<std::size_t>(rng() % bound); };
  while (evaluated_ < evaluations && !stop()) {
    while (evaluated_ < evaluations && descent_pass(search)) {}
    offer(search);
    for (std::size_t agent = 0; agent < agents_; ++agent) {
      if (overloaded_ == 0) weight_[agent] = std::max(least_weight, weight_[agent] * WEIGHT_LOWER);
      else if (excess(agent, load_[agent]) > 0) weight_[agent] = std::min(most_weight, weight_[agent] * WEIGHT_RAISE);
    }
    if (search.best_cost() < best_seen - GAIN_EPSILON) best_seen = search.best_cost(), idle_rounds = 0;
    if (++idle_rounds < RESTART_ROUNDS) continue;
    idle_rounds = 0;
    start_from(search.best());
    for (std::uint64_t kick = 0; kick < KICK_SHIFTS; ++kick) {
      const std::size_t job = draw(jobs_), agent = draw(agents_);
      if (agent != agent_of_job_[job] && allowed_[agent * jobs_ + job]) move(job, agent);
    }
  }
  return evaluated_;
}

}  // namespace guarantor::plan::detail
