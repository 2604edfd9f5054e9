#include "gap_subgradient.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {
// With aim_at_threshold: how far above the threshold the Polyak target lies, relative to the
// bound (a bound that passes the threshold prunes; aiming a little past it keeps the steps
// short near it).
constexpr double TARGET_MARGIN = 1e-4;
}  // namespace

std::vector<double> initial_multipliers(const GapInstance& instance) {
  constexpr double INF = std::numeric_limits<double>::infinity();
  std::vector<double> multipliers(instance.job_count(), 0.0);
  for (std::size_t job = 0; job < instance.job_count(); ++job) {
    double first = INF, second = INF;
    for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
      if (instance.resource(agent, job) > instance.capacity(agent)) continue;
      const double cost = instance.cost(agent, job);
      if (cost < first) second = first, first = cost;
      else if (cost < second) second = cost;
    }
    multipliers[job] = std::isfinite(second) ? second : (std::isfinite(first) ? first : 0.0);
  }
  return multipliers;
}

DualOutcome maximise_dual(const GapInstance& instance, GapLagrangian& lagrangian, const GapRestriction& restriction,
                          GapSearch& search, std::vector<double> start, const SubgradientParams& params,
                          const std::function<double()>& threshold, const std::function<bool()>& stop) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  DualOutcome outcome;
  std::vector<double>& multipliers = start;
  std::vector<double> direction(jobs, 0.0);
  std::vector<char> taken;
  double factor = params.start_factor;
  int since_better = 0;
  for (int iteration = 0; iteration < params.max_iterations && !stop(); ++iteration) {
    ++outcome.iterations;
    const double value = lagrangian.evaluate(multipliers, restriction, taken);
    if (outcome.multipliers.empty() || value > outcome.bound + 1e-9 * std::max(1.0, std::abs(value))) {
      outcome.bound = value, outcome.multipliers = multipliers, since_better = 0;
    } else if (++since_better >= params.patience) {
      factor /= 2, since_better = 0;
    }
    double norm = 0;
    for (std::size_t job = 0; job < jobs; ++job) {
      if (restriction.fixed_agent[job] != NO_AGENT) {
        direction[job] = 0;
        continue;
      }
      double count = 0;
      for (std::size_t agent = 0; agent < agents; ++agent) count += taken[agent * jobs + job];
      direction[job] = 1.0 - count;
      norm += direction[job] * direction[job];
    }
    if (norm == 0 && lagrangian.exact_knapsacks()) {
      // Every job taken exactly once: an assignment whose cost equals L(u), optimal here.
      search.repair(taken);
      outcome.attained = true;
      return outcome;
    }
    if (params.repair_every > 0 && iteration % params.repair_every == 0) search.repair(taken);
    if (bound_excludes(outcome.bound, threshold()) || factor < params.min_factor) break;
    double target = search.has_solution() ? search.best_cost() : value + 0.05 * std::max(1.0, std::abs(value));
    const double scale = std::max(1.0, std::abs(outcome.bound));
    if (params.target_gap_cap > 0 && target > outcome.bound + params.far_incumbent * scale)
      target = std::min(target, outcome.bound + params.target_gap_cap * scale);
    if (params.aim_at_threshold)
      target = std::min(target, threshold() + TARGET_MARGIN * std::max(1.0, std::abs(value)));
    const double step = factor * std::max(target - value, 1e-6 * std::max(1.0, std::abs(value))) / norm;
    for (std::size_t job = 0; job < jobs; ++job) multipliers[job] += step * direction[job];
  }
  return outcome;
}

}  // namespace guarantor::plan::detail
