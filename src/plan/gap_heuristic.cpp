// Martello & Toth's regret heuristic (MTHG, 1981): repeatedly take the unassigned job whose best
// feasible agent beats its second best by the most, under several desirability measures; then
// improve by shifting one job or swapping two between agents while cost falls.
#include <limits>
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
// Cost decrease below which a move is not worth making (rounding noise).
constexpr double MIN_GAIN = 1e-9;

enum class Measure { Cost, Resource, ResourceShare };
constexpr Measure MEASURES[] = {Measure::Cost, Measure::Resource, Measure::ResourceShare};

double desirability(const GapInstance& instance, Measure measure, std::size_t agent, std::size_t job) {
  switch (measure) {
    case Measure::Cost: return instance.cost(agent, job);
    case Measure::Resource: return instance.resource(agent, job);
    case Measure::ResourceShare:
      return instance.capacity(agent) > 0 ? instance.resource(agent, job) / instance.capacity(agent) : INF;
  }
  return INF;
}

// Each unassigned job's best and second-best desirability over the agents it still fits, and the
// best agent (the first of least value in index order).
struct JobRegret {
  double first = INF, second = INF;
  std::size_t first_agent = NONE;
};

JobRegret job_regret(const GapInstance& instance, Measure measure, std::size_t job,
                     const std::vector<double>& residual) {
  JobRegret regret;
  for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
    if (instance.resource(agent, job) > residual[agent]) continue;
    const double value = desirability(instance, measure, agent, job);
    if (regret.first_agent == NONE || value < regret.first) {
      regret.second = regret.first, regret.first = value, regret.first_agent = agent;
    } else if (value < regret.second) {
      regret.second = value;
    }
  }
  return regret;
}

// The regrets are kept from round to round: residuals only shrink, so a job's figures change only
// when the agent just loaded no longer fits it and was its best or could have been its second (an
// agent of value above the second leaves both unchanged). The picks are those of recomputing
// every job every round, at O(jobs) a round instead of O(jobs × agents).
bool regret_construction(const GapInstance& instance, Measure measure, std::vector<std::size_t>& agent_of_job,
                         std::vector<double>& residual) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  agent_of_job.assign(jobs, NONE);
  residual.assign(agents, 0.0);
  for (std::size_t agent = 0; agent < agents; ++agent) residual[agent] = instance.capacity(agent);
  std::vector<JobRegret> regrets(jobs);
  for (std::size_t job = 0; job < jobs; ++job) {
    regrets[job] = job_regret(instance, measure, job, residual);
    if (regrets[job].first_agent == NONE) return false;
  }
  for (std::size_t round = 0; round < jobs; ++round) {
    double best_regret = -INF;
    std::size_t pick_job = NONE;
    for (std::size_t job = 0; job < jobs; ++job) {
      if (agent_of_job[job] != NONE) continue;
      const double regret = regrets[job].second - regrets[job].first;
      if (regret > best_regret) best_regret = regret, pick_job = job;
    }
    const std::size_t pick_agent = regrets[pick_job].first_agent;
    agent_of_job[pick_job] = pick_agent;
    const double before = residual[pick_agent];
    residual[pick_agent] -= instance.resource(pick_agent, pick_job);
    for (std::size_t job = 0; job < jobs; ++job) {
      if (agent_of_job[job] != NONE) continue;
      const double resource = instance.resource(pick_agent, job);
      if (resource > before || resource <= residual[pick_agent]) continue;  // fit before and after, or neither
      JobRegret& regret = regrets[job];
      if (pick_agent != regret.first_agent && desirability(instance, measure, pick_agent, job) > regret.second)
        continue;
      regret = job_regret(instance, measure, job, residual);
      if (regret.first_agent == NONE) return false;
    }
  }
  return true;
}

void improve(const GapInstance& instance, std::vector<std::size_t>& agent_of_job, std::vector<double>& residual) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  bool improved = true;
  while (improved) {
    improved = false;
    for (std::size_t job = 0; job < jobs; ++job) {
      const std::size_t from = agent_of_job[job];
      for (std::size_t to = 0; to < agents; ++to) {
        if (to == from || instance.resource(to, job) > residual[to]) continue;
        if (instance.cost(to, job) < instance.cost(from, job) - MIN_GAIN) {
          residual[from] += instance.resource(from, job);
          residual[to] -= instance.resource(to, job);
          agent_of_job[job] = to;
          improved = true;
          break;
        }
      }
    }
    for (std::size_t first = 0; first < jobs && !improved; ++first) {
      for (std::size_t second = first + 1; second < jobs; ++second) {
        const std::size_t a = agent_of_job[first], b = agent_of_job[second];
        if (a == b) continue;
        const double gain = instance.cost(a, first) + instance.cost(b, second) - instance.cost(b, first) -
                            instance.cost(a, second);
        if (gain <= MIN_GAIN) continue;
        const double room_a = residual[a] + instance.resource(a, first) - instance.resource(a, second);
        const double room_b = residual[b] + instance.resource(b, second) - instance.resource(b, first);
        if (room_a < 0 || room_b < 0) continue;
        residual[a] = room_a, residual[b] = room_b;
        agent_of_job[first] = b, agent_of_job[second] = a;
        improved = true;
        break;
      }
    }
  }
}

}  // namespace

GapSolution gap_heuristic(const GapInstance& instance) {
  GapSolution best;
  double best_cost = INF;
  std::vector<std::size_t> agent_of_job;
  std::vector<double> residual;
  for (Measure measure : MEASURES) {
    if (!regret_construction(instance, measure, agent_of_job, residual)) continue;
    improve(instance, agent_of_job, residual);
    GapSolution candidate{agent_of_job};
    const double cost = gap_cost(instance, candidate);
    if (cost < best_cost) best_cost = cost, best = std::move(candidate);
  }
  return best;
}

}  // namespace guarantor::plan
