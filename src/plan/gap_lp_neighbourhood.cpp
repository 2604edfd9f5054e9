#include "gap_lp_neighbourhood.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace guarantor::plan::detail {

namespace {

// How much larger the free sets get once re-solves of their size go idle: half as large again,
// as the rising trees' targets widen, so a few stages reach a few hundred jobs.
constexpr double FREE_SET_GROWTH = 1.5;

// A random order of `items` from raw generator draws, the same on every library.
void shuffle(std::vector<std::size_t>& items, std::mt19937_64& rng) {
  for (std::size_t index = items.size(); index > 1; --index) {
    std::swap(items[index - 1], items[static_cast<std::size_t>(rng() % index)]);
  }
}

}  // namespace

std::uint64_t improve_by_lp_disagreement(const GapInstance& instance, GapSearch& search,
                                         const std::vector<std::size_t>& lp_agent, std::uint64_t solves,
                                         std::uint64_t idle_limit, std::size_t jobs_per_solve,
                                         std::size_t most_jobs_per_solve, double step, std::mt19937_64& rng,
                                         const GapSubSolver& solve, const std::function<bool()>& stop) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  if (!search.has_solution() || lp_agent.size() != jobs || jobs_per_solve == 0) return 0;
  std::uint64_t improved = 0, idle = 0;
  std::vector<std::size_t> disagreeing, free_jobs, touched_jobs;
  std::vector<char> touched(agents), chosen(jobs);
  std::vector<std::size_t> every_agent(agents);
  std::iota(every_agent.begin(), every_agent.end(), std::size_t{0});
  // Free sets already re-solved since the last improvement: their re-solve would repeat itself.
  std::set<std::vector<std::size_t>> tried;
  for (std::uint64_t attempt = 0; attempt < solves && !stop(); ++attempt, ++idle) {
    if (idle >= idle_limit) {
      // The free sets of this size are spent: larger ones reach assignments they cannot (on
      // D 40 x 800 seed 1 the 60-job sets went idle after 1,141 re-solves at 48795).
      if (jobs_per_solve >= most_jobs_per_solve) break;
      jobs_per_solve = std::min(most_jobs_per_solve,
                                static_cast<std::size_t>(FREE_SET_GROWTH * static_cast<double>(jobs_per_solve)));
      idle = 0;
      tried.clear();
    }
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
    if (!resolve_free_jobs(instance, search, free_jobs, every_agent, step, solve)) continue;
    ++improved, idle = 0;
    tried.clear();
  }
  return improved;
}

}  // namespace guarantor::plan::detail
