#include "gap_lp_multipliers.hpp"

#include <algorithm>

#include "gap_model.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

LpDuals lp_duals(const GapInstance& instance, double time_limit_s) {
  const GapModel model = build_gap_model(instance, {});
  if (model.job_without_pair) return {};
  const LpOutcome lp = solve_lp(model.model, time_limit_s);
  if (!lp.optimal) return {};
  // build_gap_model adds the assignment rows first, one per job in job order, then one capacity
  // row per agent. A capacity row is Σ_j r_aj x_aj <= b_a in a minimisation: its dual is <= 0,
  // and its negation is what a unit of capacity is worth.
  const auto jobs = static_cast<std::ptrdiff_t>(instance.job_count());
  LpDuals duals;
  duals.job.assign(lp.row_duals.begin(), lp.row_duals.begin() + jobs);
  duals.capacity.reserve(instance.agent_count());
  for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
    duals.capacity.push_back(std::max(0.0, -lp.row_duals[instance.job_count() + agent]));
  }
  duals.rounded.assign(instance.job_count(), 0);
  for (std::size_t job = 0; job < instance.job_count(); ++job) {
    double largest = -1;
    for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
      const int column = model.column[agent * instance.job_count() + job];
      if (column < 0 || !(lp.values[static_cast<std::size_t>(column)] > largest)) continue;
      largest = lp.values[static_cast<std::size_t>(column)], duals.rounded[job] = agent;
    }
  }
  return duals;
}

}  // namespace guarantor::plan::detail
