#include "gap_candidates.hpp"

#include <algorithm>

namespace guarantor::plan::detail {

GapCandidates::GapCandidates(const GapInstance& instance, const std::vector<double>& price, std::size_t per_job) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  if (price.size() != agents || agents <= 2 * per_job) return;
  agents_of_job_.assign(jobs, {});
  std::vector<std::size_t> order(agents);
  std::vector<double> score(agents);
  for (std::size_t job = 0; job < jobs; ++job) {
    std::size_t fitting = 0;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (instance.resource(agent, job) > instance.capacity(agent)) continue;
      order[fitting++] = agent;
      score[agent] = instance.cost(agent, job) + price[agent] * instance.resource(agent, job);
    }
    const std::size_t kept = std::min(per_job, fitting);
    // Ties go to the lower index, so the lists are the same on every library.
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept),
                      order.begin() + static_cast<std::ptrdiff_t>(fitting), [&](std::size_t left, std::size_t right) {
                        return score[left] < score[right] || (score[left] == score[right] && left < right);
                      });
    agents_of_job_[job].assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept));
  }
}

}  // namespace guarantor::plan::detail
