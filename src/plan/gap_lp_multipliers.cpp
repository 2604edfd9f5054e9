#include "gap_lp_multipliers.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "gap_model.hpp"
#include "milp.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

namespace {
// Agents per job in the first restricted LP: its cheapest ones and as many of least resource (on
// type E cost falls as resource rises, so the cheapest are the agents a job loads most; on E 80
// × 1600 the 8 cheapest took 8 rounds and 7.9 s, 4 and 4 took 7 rounds and 4.3 s, load 5.8-6.1).
// The rest enter by pricing: the full LP has 128,000 columns there, the last restricted one
// about 35,000.
constexpr std::size_t FIRST_AGENTS_PER_JOB = 4;
// Columns of most negative reduced cost a job may bring in per round: few rounds, few columns.
constexpr std::size_t PRICED_AGENTS_PER_JOB = 4;
// A column prices in below this reduced cost (Clp's own dual feasibility tolerance is 1e-7).
constexpr double PRICING_TOLERANCE = 1e-7;
// Column generation stops when a round lowers the LP's value by less than this share: its duals
// only start the subgradient, where any multipliers give a valid bound, and the last rounds of a
// degenerate LP bring in columns without moving its value (on type E 80 × 1600 the last two of
// seven rounds ended at the same value).
constexpr double STALL_SHARE = 1e-7;

// The pairs left out of the restricted LP: all but each job's cheapest and least-resource agents
// and its agent in `incumbent`, whose pairs keep the restricted LP feasible.
std::vector<char> first_restriction(const GapInstance& instance, const std::vector<std::size_t>& incumbent) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  std::vector<char> removed(agents * jobs, 1);
  std::vector<std::size_t> order(agents);
  for (std::size_t job = 0; job < jobs; ++job) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    const std::size_t keep = std::min(FIRST_AGENTS_PER_JOB, agents);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::size_t a, std::size_t b) { return instance.cost(a, job) < instance.cost(b, job); });
    for (std::size_t k = 0; k < keep; ++k) removed[order[k] * jobs + job] = 0;
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
        [&](std::size_t a, std::size_t b) { return instance.resource(a, job) < instance.resource(b, job); });
    for (std::size_t k = 0; k < keep; ++k) removed[order[k] * jobs + job] = 0;
    if (job < incumbent.size() && incumbent[job] < agents) removed[incumbent[job] * jobs + job] = 0;
  }
  return removed;
}

// Brings back the left-out pairs of negative reduced cost c_aj − u_j − y_a r_aj (y_a <= 0, the
// capacity row's dual), at most PRICED_AGENTS_PER_JOB per job, most negative first. Returns how
// many came back: none means the restricted LP's duals are optimal for the full LP.
std::size_t price_in(const GapInstance& instance, const std::vector<double>& row_duals, std::vector<char>& removed) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  std::size_t added = 0;
  std::vector<std::pair<double, std::size_t>> negative;
  for (std::size_t job = 0; job < jobs; ++job) {
    negative.clear();
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (!removed[agent * jobs + job] || instance.resource(agent, job) > instance.capacity(agent)) continue;
      const double reduced =
          instance.cost(agent, job) - row_duals[job] - row_duals[jobs + agent] * instance.resource(agent, job);
      if (reduced < -PRICING_TOLERANCE) negative.emplace_back(reduced, agent);
    }
    const std::size_t keep = std::min(PRICED_AGENTS_PER_JOB, negative.size());
    std::partial_sort(negative.begin(), negative.begin() + static_cast<std::ptrdiff_t>(keep), negative.end());
    for (std::size_t k = 0; k < keep; ++k) removed[negative[k].second * jobs + job] = 0, ++added;
  }
  return added;
}
}  // namespace

LpDuals lp_duals(const GapInstance& instance, double time_limit_s, const std::vector<std::size_t>& incumbent) {
  const Stopwatch clock(time_limit_s);
  // Column generation: without an incumbent a restricted LP may have no solution, so the full LP
  // is solved at once.
  std::vector<char> removed =
      incumbent.size() == instance.job_count() ? first_restriction(instance, incumbent) : std::vector<char>{};
  GapModel model;
  LpOutcome lp;
  double previous = MilpModel::INF;
  while (true) {
    model = build_gap_model(instance, removed);
    if (model.job_without_pair) return {};
    lp = solve_lp(model.model, clock.remaining());
    if (!lp.optimal) return {};
    const bool stalled = std::isfinite(previous) && !(lp.objective < previous - STALL_SHARE * std::abs(previous));
    if (removed.empty() || stalled || price_in(instance, lp.row_duals, removed) == 0) break;
    previous = lp.objective;
  }
  // build_gap_model adds the assignment rows first, one per job in job order, then one capacity
  // row per agent. A capacity row is Σ_j r_aj x_aj <= b_a in a minimisation: its dual is <= 0,
  // and its negation is what a unit of capacity is worth.
  const auto jobs = static_cast<std::ptrdiff_t>(instance.job_count());
  LpDuals duals;
  duals.value = lp.objective;
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
