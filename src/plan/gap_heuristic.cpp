// Martello & Toth's regret heuristic (MTHG, 1981): repeatedly take the unassigned job whose best
// feasible agent beats its second best by the most, under several desirability measures; then
// improve by shifting one job or swapping two between agents while cost falls.
#include <algorithm>
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

// Shift and swap descent: a pass shifts each job to the first agent (by index) with room that
// is cheaper; when no shift helps, the lexicographically first improving swap is made, and the
// shifts start again.
//
// A swap pass after a failed one need not recheck every pair: a pair's test reads only its two
// jobs' agents and those agents' room, so a pair that failed stays failed until one of its two
// agents gains or loses a job. `checked_below` says that every pair whose first job lies below it
// failed when last checked, and `dirty` marks the agents changed since then; a pass rechecks
// those pairs only where an agent is dirty, then scans on from `checked_below`. It makes the
// same swaps as a pass from the first job would (the descent's result is unchanged), in about
// the time of a scan of the changed agents' jobs instead of all n² / 2 pairs.
class Descent {
public:
  Descent(const GapInstance& instance, std::vector<std::size_t>& agent_of_job, std::vector<double>& residual)
      : instance_(instance), agent_of_job_(agent_of_job), residual_(residual), dirty_(instance.agent_count(), 0) {}

  void run() {
    bool improved = true;
    while (improved) {
      improved = shift_pass();
      if (!improved) improved = swap_pass();
    }
  }

private:
  bool shift_pass() {
    bool improved = false;
    for (std::size_t job = 0; job < agent_of_job_.size(); ++job) {
      const std::size_t from = agent_of_job_[job];
      for (std::size_t to = 0; to < instance_.agent_count(); ++to) {
        if (to == from || instance_.resource(to, job) > residual_[to]) continue;
        if (instance_.cost(to, job) < instance_.cost(from, job) - MIN_GAIN) {
          residual_[from] += instance_.resource(from, job);
          residual_[to] -= instance_.resource(to, job);
          agent_of_job_[job] = to;
          dirty_[from] = dirty_[to] = 1;
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  // Makes the swap of first and second if it lowers the cost within both agents' room.
  // `rechecking`: the pair lies below checked_below_ (its first job's pairs were checked before).
  bool try_swap(std::size_t first, std::size_t second, bool rechecking) {
    const std::size_t a = agent_of_job_[first], b = agent_of_job_[second];
    if (a == b) return false;
    const double gain =
        instance_.cost(a, first) + instance_.cost(b, second) - instance_.cost(b, first) - instance_.cost(a, second);
    if (gain <= MIN_GAIN) return false;
    const double room_a = residual_[a] + instance_.resource(a, first) - instance_.resource(a, second);
    const double room_b = residual_[b] + instance_.resource(b, second) - instance_.resource(b, first);
    if (room_a < 0 || room_b < 0) return false;
    residual_[a] = room_a, residual_[b] = room_b;
    agent_of_job_[first] = b, agent_of_job_[second] = a;
    if (rechecking) {
      // The pairs below checked_below_ failed when last checked; the agents changed since are
      // the dirty ones and now a and b.
      dirty_[a] = dirty_[b] = 1;
    } else {
      // Every pair below `first` failed just before this swap; only a and b have changed since.
      checked_below_ = first;
      std::fill(dirty_.begin(), dirty_.end(), 0);
      dirty_[a] = dirty_[b] = 1;
    }
    return true;
  }

  bool swap_pass() {
    const std::size_t jobs = agent_of_job_.size();
    // The jobs of the dirty agents, ascending: the only partners a clean first job needs.
    dirty_jobs_.clear();
    for (std::size_t job = 0; job < jobs; ++job) {
      if (dirty_[agent_of_job_[job]]) dirty_jobs_.push_back(job);
    }
    for (std::size_t first = 0; first < checked_below_; ++first) {
      if (dirty_[agent_of_job_[first]]) {
        for (std::size_t second = first + 1; second < jobs; ++second) {
          if (try_swap(first, second, true)) return true;
        }
        continue;
      }
      const auto from = std::upper_bound(dirty_jobs_.begin(), dirty_jobs_.end(), first);
      for (auto it = from; it != dirty_jobs_.end(); ++it) {
        if (try_swap(first, *it, true)) return true;
      }
    }
    for (std::size_t first = checked_below_; first < jobs; ++first) {
      for (std::size_t second = first + 1; second < jobs; ++second) {
        if (try_swap(first, second, false)) return true;
      }
    }
    checked_below_ = jobs;
    std::fill(dirty_.begin(), dirty_.end(), 0);
    return false;
  }

  const GapInstance& instance_;
  std::vector<std::size_t>& agent_of_job_;
  std::vector<double>& residual_;
  std::vector<char> dirty_;
  std::vector<std::size_t> dirty_jobs_;
  std::size_t checked_below_ = 0;
};

}  // namespace

GapSolution gap_heuristic(const GapInstance& instance) {
  GapSolution best;
  double best_cost = INF;
  std::vector<std::size_t> agent_of_job;
  std::vector<double> residual;
  for (Measure measure : MEASURES) {
    if (!regret_construction(instance, measure, agent_of_job, residual)) continue;
    Descent(instance, agent_of_job, residual).run();
    GapSolution candidate{agent_of_job};
    const double cost = gap_cost(instance, candidate);
    if (cost < best_cost) best_cost = cost, best = std::move(candidate);
  }
  return best;
}

}  // namespace guarantor::plan
