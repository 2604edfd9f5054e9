#include "guarantor/plan/generalized_assignment.hpp"

#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::plan {

namespace {
// Capacity slack accepted when summing resources in floating point.
constexpr double CAPACITY_TOLERANCE = 1e-9;
}  // namespace

GapInstance::GapInstance(std::size_t agent_count, std::size_t job_count, std::vector<double> cost,
                         std::vector<double> resource, std::vector<double> capacity)
    : agent_count_(agent_count), job_count_(job_count), cost_(std::move(cost)), resource_(std::move(resource)),
      capacity_(std::move(capacity)) {
  DiagnosticSink sink;
  const std::size_t cells = agent_count * job_count;
  if (cost_.size() != cells) {
    sink.add(ErrorCode::Schema, "GAP cost matrix", fmt::format("got {} entries; expected agents × jobs = {}", cost_.size(), cells));
  }
  if (resource_.size() != cells) {
    sink.add(ErrorCode::Schema, "GAP resource matrix",
             fmt::format("got {} entries; expected agents × jobs = {}", resource_.size(), cells));
  }
  if (capacity_.size() != agent_count) {
    sink.add(ErrorCode::Schema, "GAP capacities", fmt::format("got {}; expected one per agent ({})", capacity_.size(), agent_count));
  }
  sink.throw_if_any();
  for (std::size_t cell = 0; cell < cells; ++cell) {
    if (!std::isfinite(cost_[cell])) sink.add(ErrorCode::Schema, fmt::format("GAP cost[{}]", cell), "expected a finite number");
    if (!(resource_[cell] >= 0) || !std::isfinite(resource_[cell])) {
      sink.add(ErrorCode::Schema, fmt::format("GAP resource[{}]", cell),
               fmt::format("got {}; expected a finite non-negative number", resource_[cell]));
    }
  }
  for (std::size_t agent = 0; agent < agent_count; ++agent) {
    if (!(capacity_[agent] >= 0) || !std::isfinite(capacity_[agent])) {
      sink.add(ErrorCode::Schema, fmt::format("GAP capacity[{}]", agent),
               fmt::format("got {}; expected a finite non-negative number", capacity_[agent]));
    }
  }
  sink.throw_if_any();
}

double gap_cost(const GapInstance& instance, const GapSolution& solution) {
  double total = 0;
  for (std::size_t job = 0; job < solution.agent_of_job.size(); ++job) {
    total += instance.cost(solution.agent_of_job[job], job);
  }
  return total;
}

bool gap_feasible(const GapInstance& instance, const GapSolution& solution) {
  if (solution.agent_of_job.size() != instance.job_count()) return false;
  std::vector<double> load(instance.agent_count(), 0.0);
  for (std::size_t job = 0; job < instance.job_count(); ++job) {
    const std::size_t agent = solution.agent_of_job[job];
    if (agent >= instance.agent_count()) return false;
    load[agent] += instance.resource(agent, job);
  }
  for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
    if (load[agent] > instance.capacity(agent) * (1 + CAPACITY_TOLERANCE) + CAPACITY_TOLERANCE) return false;
  }
  return true;
}

}  // namespace guarantor::plan
