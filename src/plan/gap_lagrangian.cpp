#include "gap_lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

GapLagrangian::Removal GapLagrangian::mark_removable(const std::vector<double>& multipliers,
                                                     const GapRestriction& restriction, double value, double threshold,
                                                     std::vector<char>& removable) {
  constexpr double INF = std::numeric_limits<double>::infinity();
  const std::size_t agents = instance_.agent_count(), jobs = instance_.job_count();
  gain_in_.assign(agents * jobs, 0.0);
  gain_out_.assign(agents * jobs, 0.0);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    // The items of the last evaluate (same filter), whose tables the knapsack still holds.
    items_.clear();
    const double room = restriction.capacity_left[agent];
    const double optimum = knapsack_value_[agent];
    for (std::size_t job = 0; job < jobs; ++job) {
      const std::size_t pair = agent * jobs + job;
      if (restriction.fixed_agent[job] != NO_AGENT || !restriction.allowed[pair]) continue;
      const double profit = multipliers[job] - instance_.cost(agent, job);
      const double weight = instance_.resource(agent, job);
      if (weight > room + ROOM_TOLERANCE) gain_in_[pair] = INF;
      else if (profit > 0) items_.push_back({job, profit, weight});
      // Not an item: the tables hold the others exactly, and leaving it out changes nothing.
      else gain_in_[pair] = optimum - (profit + knapsacks_[agent].best_within(room - weight));
    }
    knapsacks_[agent].item_values(items_, with_, without_, item_tables_);
    for (std::size_t k = 0; k < items_.size(); ++k) {
      const std::size_t pair = agent * jobs + items_[k].job;
      gain_in_[pair] = std::max(0.0, optimum - with_[k]);
      gain_out_[pair] = std::max(0.0, optimum - without_[k]);
    }
  }
  Removal removal;
  removal.bound = value;
  for (std::size_t job = 0; job < jobs; ++job) {
    if (restriction.fixed_agent[job] != NO_AGENT) continue;
    double all_out = 0;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (restriction.allowed[agent * jobs + job]) all_out += gain_out_[agent * jobs + job];
    }
    double least = INF;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      const std::size_t pair = agent * jobs + job;
      if (!restriction.allowed[pair] || removable[pair]) continue;
      const double price = value + all_out - gain_out_[pair] + gain_in_[pair];
      if (bound_excludes(price, threshold)) removable[pair] = 1, ++removal.marked;
      least = std::min(least, price);
    }
    // A job with no allowed agent left (all removed earlier) bounds nothing here: the caller's
    // propagation finds it.
    if (least < INF) removal.bound = std::max(removal.bound, least);
  }
  return removal;
}

}  // namespace guarantor::plan::detail
