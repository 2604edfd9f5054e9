#include "gap_lp_neighbourhood.hpp"

#include <algorithm>
#include <set>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

// A random order of `items` from raw generator draws, the same on every library.
void shuffle(std::vector<std::size_t>& items, std::mt19937_64& rng) {
  for (std::size_t index = items.size(); index > 1; --index) {
    std::swap(items[index - 1], items[static_cast<std::size_t>(rng() % index)]);
  }
}

}  // namespace

bool resolve_free_jobs(const GapInstance& instance, GapSearch& search, const std::vector<std::size_t>& free_jobs,
                       const GapSubSolver& solve) {
  if (!search.has_solution() || free_jobs.empty()) return false;
  const std::size_t agents = instance.agent_count();
  const std::vector<std::size_t>& current = search.best();
  std::vector<char> freed(instance.job_count(), 0);
  for (std::size_t job : free_jobs) freed[job] = 1;
  std::vector<double> room(agents);
  for (std::size_t agent = 0; agent < agents; ++agent) room[agent] = instance.capacity(agent);
  for (std::size_t job = 0; job < instance.job_count(); ++job) {
    if (!freed[job]) room[current[job]] -= instance.resource(current[job], job);
  }
  double freed_cost = 0;
  for (std::size_t job : free_jobs) freed_cost += instance.cost(current[job], job);
  // Only agents some freed job fits: on a tight instance most agents have almost no room left.
  std::vector<std::size_t> open;
  for (std::size_t agent = 0; agent < agents; ++agent) {
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
  const GapResult found = solve(sub, improvement_threshold(freed_cost, objective_step(instance.costs())));
  if (found.solution.agent_of_job.size() != width || !(found.stats.objective < freed_cost)) return false;
  if (!gap_feasible(sub, found.solution)) return false;
  std::vector<std::size_t> next = current;
  for (std::size_t index = 0; index < width; ++index) next[free_jobs[index]] = open[found.solution.agent_of_job[index]];
  search.adopt(next);
  return true;
}

std::uint64_t improve_by_lp_disagreement(const GapInstance& instance, GapSearch& search,
                                         const std::vector<std::size_t>& lp_agent, std::uint64_t solves,
                                         std::uint64_t idle_limit, std::size_t jobs_per_solve, std::mt19937_64& rng,
                                         const GapSubSolver& solve, const std::function<bool()>& stop) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  if (!search.has_solution() || lp_agent.size() != jobs || jobs_per_solve == 0) return 0;
  std::uint64_t improved = 0, idle = 0;
  std::vector<std::size_t> disagreeing, free_jobs, touched_jobs;
  std::vector<char> touched(agents), chosen(jobs);
  // Free sets already re-solved since the last improvement: their re-solve would repeat itself.
  std::set<std::vector<std::size_t>> tried;
  for (std::uint64_t attempt = 0; attempt < solves && idle < idle_limit && !stop(); ++attempt, ++idle) {
    const std::vector<std::size_t>& current = search.best();
    disagreeing.clear();
    for (std::size_t job = 0; job < jobs; ++job) {
      if (current[job] != lp_agent[job]) disagreeing.push_back(job);
    }
    if (disagreeing.empty()) break;
    shuffle(disagreeing, rng);
    std::fill(touched.begin(), touched.end(), 0), std::fill(chosen.begin(), chosen.end(), 0);
    free_jobs.clear();
    const std::size_t sampled = std::min(disagreeing.size(), std::max<std::size_t>(1, jobs_per_solve / 2));
    for (std::size_t index = 0; index < sampled; ++index) {
      const std::size_t job = disagreeing[index];
      free_jobs.push_back(job), chosen[job] = 1;
      touched[current[job]] = 1, touched[lp_agent[job]] = 1;
    }
    touched_jobs.clear();
    for (std::size_t job = 0; job < jobs; ++job) {
      if (!chosen[job] && touched[current[job]]) touched_jobs.push_back(job);
    }
    shuffle(touched_jobs, rng);
    for (std::size_t index = 0; index < touched_jobs.size() && free_jobs.size() < jobs_per_solve; ++index) {
      free_jobs.push_back(touched_jobs[index]);
    }
    std::sort(free_jobs.begin(), free_jobs.end());
    if (!tried.insert(free_jobs).second) continue;
    if (!resolve_free_jobs(instance, search, free_jobs, solve)) continue;
    ++improved, idle = 0;
    tried.clear();
  }
  return improved;
}

}  // namespace guarantor::plan::detail
