#include "gap_neighbourhood.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

std::uint64_t improve_by_agent_groups(const GapInstance& instance, GapSearch& search, std::uint64_t solves,
                                      std::uint64_t idle_limit, std::size_t jobs_per_group, std::mt19937_64& rng,
                                      const GapSubSolver& solve, const std::function<bool()>& stop) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  if (!search.has_solution() || agents < 2) return 0;
  const double step = objective_step(instance.costs());
  std::uint64_t improved = 0;
  std::vector<std::size_t> order(agents), group, group_jobs;
  std::vector<double> cost, resource, capacity;
  std::uint64_t idle = 0;
  // Groups already re-solved since the last improvement: their sub-solve would repeat itself.
  std::set<std::vector<std::size_t>> tried;
  for (std::uint64_t attempt = 0; attempt < solves && idle < idle_limit && !stop(); ++attempt, ++idle) {
    const std::vector<std::size_t>& current = search.best();
    // A random order of the agents (raw generator draws: the same on every library); the group
    // is its shortest prefix of at least two agents holding `jobs_per_group` jobs, and at most
    // half the agents (a neighbourhood, not the whole instance again).
    for (std::size_t agent = 0; agent < agents; ++agent) order[agent] = agent;
    for (std::size_t index = agents; index > 1; --index) {
      std::swap(order[index - 1], order[static_cast<std::size_t>(rng() % index)]);
    }
    std::vector<std::size_t> held(agents, 0);
    for (std::size_t job = 0; job < jobs; ++job) ++held[current[job]];
    group.clear();
    std::size_t group_size = 0;
    for (std::size_t agent : order) {
      if (group.size() >= 2 && (group_size + held[agent] > jobs_per_group || group.size() >= agents / 2)) break;
      group.push_back(agent), group_size += held[agent];
    }
    std::sort(group.begin(), group.end());
    if (!tried.insert(group).second) continue;
    group_jobs.clear();
    double group_cost = 0;
    for (std::size_t job = 0; job < jobs; ++job) {
      if (!std::binary_search(group.begin(), group.end(), current[job])) continue;
      group_jobs.push_back(job), group_cost += instance.cost(current[job], job);
    }
    if (group_jobs.empty()) continue;
    const std::size_t width = group_jobs.size();
    cost.assign(group.size() * width, 0.0), resource.assign(group.size() * width, 0.0);
    capacity.assign(group.size(), 0.0);
    for (std::size_t local = 0; local < group.size(); ++local) {
      capacity[local] = instance.capacity(group[local]);
      for (std::size_t index = 0; index < width; ++index) {
        cost[local * width + index] = instance.cost(group[local], group_jobs[index]);
        resource[local * width + index] = instance.resource(group[local], group_jobs[index]);
      }
    }
    const GapInstance sub(group.size(), width, cost, resource, capacity);
    const GapResult found = solve(sub, improvement_threshold(group_cost, step));
    if (found.solution.agent_of_job.size() != width || !(found.stats.objective < group_cost)) continue;
    if (!gap_feasible(sub, found.solution)) continue;
    std::vector<std::size_t> next = current;
    for (std::size_t index = 0; index < width; ++index)
      next[group_jobs[index]] = group[found.solution.agent_of_job[index]];
    search.adopt(next);
    ++improved, idle = 0;
    tried.clear();
  }
  return improved;
}

}  // namespace guarantor::plan::detail
