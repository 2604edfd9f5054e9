#include "gap_lagrangian.hpp"

#include <cmath>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {
// Resources and capacities within this of an integer count as integers for the DP.
constexpr double INTEGRAL_TOLERANCE = 1e-9;
// Capacity slack accepted when summing resources in floating point.
constexpr double ROOM_TOLERANCE = 1e-9;

bool integral(double value) { return std::abs(value - std::round(value)) <= INTEGRAL_TOLERANCE; }
}  // namespace

GapRestriction GapRestriction::root(const GapInstance& instance) {
  GapRestriction restriction;
  restriction.allowed.assign(instance.agent_count() * instance.job_count(), 1);
  restriction.fixed_agent.assign(instance.job_count(), NO_AGENT);
  restriction.capacity_left = instance.capacities();
  return restriction;
}

void GapRestriction::fix(const GapInstance& instance, std::size_t job, std::size_t agent) {
  fixed_agent[job] = agent;
  capacity_left[agent] -= instance.resource(agent, job);
  fixed_cost += instance.cost(agent, job);
}

GapLagrangian::GapLagrangian(const GapInstance& instance) : instance_(instance) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  for (std::size_t agent = 0; agent < agents; ++agent) {
    bool dp = integral(instance.capacity(agent)) &&
              (instance.capacity(agent) + 1) * static_cast<double>(jobs) <= static_cast<double>(KNAPSACK_TABLE_LIMIT);
    for (std::size_t job = 0; job < jobs && dp; ++job) dp = integral(instance.resource(agent, job));
    exact_ = exact_ && dp;
    knapsacks_.emplace_back(dp);
  }
  knapsack_value_.assign(agents, 0.0);
}

double GapLagrangian::evaluate(const std::vector<double>& multipliers, const GapRestriction& restriction,
                               std::vector<char>& taken) {
  const std::size_t agents = instance_.agent_count(), jobs = instance_.job_count();
  taken.assign(agents * jobs, 0);
  double value = restriction.fixed_cost;
  for (std::size_t job = 0; job < jobs; ++job) {
    if (restriction.fixed_agent[job] == NO_AGENT) value += multipliers[job];
    else taken[restriction.fixed_agent[job] * jobs + job] = 1;
  }
  for (std::size_t agent = 0; agent < agents; ++agent) {
    items_.clear();
    const double room = restriction.capacity_left[agent];
    for (std::size_t job = 0; job < jobs; ++job) {
      if (restriction.fixed_agent[job] != NO_AGENT || !restriction.allowed[agent * jobs + job]) continue;
      const double profit = multipliers[job] - instance_.cost(agent, job);
      const double weight = instance_.resource(agent, job);
      if (profit > 0 && weight <= room + ROOM_TOLERANCE) items_.push_back({job, profit, weight});
    }
    knapsack_value_[agent] = knapsacks_[agent].solve(items_, room, chosen_);
    value -= knapsack_value_[agent];
    for (std::size_t k = 0; k < items_.size(); ++k) {
      if (chosen_[k]) taken[agent * jobs + items_[k].job] = 1;
    }
  }
  return value;
}

std::size_t GapLagrangian::mark_removable(const std::vector<double>& multipliers, const GapRestriction& restriction,
                                          double value, double threshold, std::vector<char>& removable) const {
  const std::size_t agents = instance_.agent_count(), jobs = instance_.job_count();
  std::size_t marked = 0;
  for (std::size_t agent = 0; agent < agents; ++agent) {
    const double room = restriction.capacity_left[agent];
    for (std::size_t job = 0; job < jobs; ++job) {
      const std::size_t pair = agent * jobs + job;
      if (restriction.fixed_agent[job] != NO_AGENT || !restriction.allowed[pair] || removable[pair]) continue;
      const double weight = instance_.resource(agent, job);
      bool remove = weight > room + ROOM_TOLERANCE;
      if (!remove) {
        // Upper bound on the knapsack with the job forced in: its profit plus the best of the
        // other items in the room left (the table may count the job twice: only looser).
        const double profit = multipliers[job] - instance_.cost(agent, job);
        const double forced = profit + knapsacks_[agent].best_within(room - weight);
        remove = bound_excludes(value + knapsack_value_[agent] - forced, threshold);
      }
      if (remove) removable[pair] = 1, ++marked;
    }
  }
  return marked;
}

}  // namespace guarantor::plan::detail
