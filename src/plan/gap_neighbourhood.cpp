#include "gap_neighbourhood.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace guarantor::plan::detail {

std::uint64_t improve_by_agent_groups(const GapInstance& instance, GapSearch& search, std::uint64_t solves,
                                      std::uint64_t idle_limit, std::size_t jobs_per_group, double step,
                                      std::mt19937_64& rng, const GapSubSolver& solve,
                                      const std::function<bool()>& stop) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  if (!search.has_solution() || agents < 2) return 0;
  std::uint64_t improved = 0;
  std::vector<std::size_t> order(agents), group, group_jobs;
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
    for (std::size_t job = 0; job < jobs; ++job) {
      if (std::binary_search(group.begin(), group.end(), current[job])) group_jobs.push_back(job);
    }
    if (!resolve_free_jobs(instance, search, group_jobs, group, step, solve)) continue;
    ++improved, idle = 0;
    tried.clear();
  }
  return improved;
}

}  // namespace guarantor::plan::detail
