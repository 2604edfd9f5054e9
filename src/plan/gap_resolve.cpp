#include "gap_resolve.hpp"

#include "objective_step.hpp"

namespace guarantor::plan::detail {

bool resolve_free_jobs(const GapInstance& instance, GapSearch& search, const std::vector<std::size_t>& free_jobs,
                       const std::vector<std::size_t>& agents, double step, const GapSubSolver& solve) {
  if (!search.has_solution() || free_jobs.empty()) return false;
  const std::vector<std::size_t>& current = search.best();
  std::vector<char> freed(instance.job_count(), 0);
  for (std::size_t job : free_jobs) freed[job] = 1;
  std::vector<double> room(instance.agent_count());
  for (std::size_t agent = 0; agent < room.size(); ++agent) room[agent] = instance.capacity(agent);
  for (std::size_t job = 0; job < instance.job_count(); ++job) {
    if (!freed[job]) room[current[job]] -= instance.resource(current[job], job);
  }
  double freed_cost = 0;
  for (std::size_t job : free_jobs) freed_cost += instance.cost(current[job], job);
  // Only agents some freed job fits: on a tight instance most agents have almost no room left.
  std::vector<std::size_t> open;
  for (std::size_t agent : agents) {
    for (std::size_t job : free_jobs) {
      if (instance.resource(agent, job) <= room[agent]) {
        open.push_back(agent);
        break;
      }
    }
  }
  const std::size_t width = free_jobs.size();
  std::vector<double> cost(open.size() * width), resource(open.size() * width), capacity(open.size());
  for (std::size_t local = 0; local < open.size(); ++local) {
    capacity[local] = room[open[local]];
    for (std::size_t index = 0; index < width; ++index) {
      cost[local * width + index] = instance.cost(open[local], free_jobs[index]);
      resource[local * width + index] = instance.resource(open[local], free_jobs[index]);
    }
  }
  const GapInstance sub(open.size(), width, cost, resource, capacity);
  const GapResult found = solve(sub, improvement_threshold(freed_cost, step), free_jobs);
  if (found.solution.agent_of_job.size() != width || !(found.stats.objective < freed_cost)) return false;
  if (!gap_feasible(sub, found.solution)) return false;
  std::vector<std::size_t> next = current;
  for (std::size_t index = 0; index < width; ++index) next[free_jobs[index]] = open[found.solution.agent_of_job[index]];
  search.adopt(next);
  return true;
}

}  // namespace guarantor::plan::detail
