#include "sscflp_set_pricer.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "facility_capacity.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {
// Work of one GAP solve for a set the tree's Lagrangian heuristic proposes: subgradient
// iterations of its dual (whose repair heuristic gives most of its good assignments) and
// ruin-and-recreate steps, counted so that a set gets the same assignment on a loaded machine.
// No exact phase there: only a leaf's set needs its proof (settle), with the GAP's own budgets.
constexpr int GAP_DUAL_ITERATIONS = 150;
constexpr std::uint64_t GAP_SEARCH_MOVES = 2000;
}  // namespace

SscflpSetPricer::SscflpSetPricer(const FacilityLocationInstance& instance, SscflpSearch& search,
                                 const SscflpLagrangian& lagrangian, std::uint64_t move_budget, const Stopwatch& clock)
    : instance_(instance), search_(search), lagrangian_(lagrangian), move_budget_(move_budget), clock_(clock) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer)
    total_demand_ += instance.demand(customer);
}

bool SscflpSetPricer::adopt(const SingleSourceSolution& solution) {
  const double before = search_.best_cost();
  search_.adopt(solution, move_budget_, [&] { return clock_.expired(); });
  return search_.best_cost() < before;
}

std::optional<SolveStatus> SscflpSetPricer::price(const std::vector<std::size_t>& open, bool exact) {
  if (const auto count = instance_.open_count(); count && open.size() != *count) return std::nullopt;
  double room = 0, fixed = 0;
  for (std::size_t site : open) room += instance_.capacity(site), fixed += instance_.fixed_cost(site);
  if (room < total_demand_) return std::nullopt;
  const std::size_t agents = open.size(), jobs = instance_.customer_count();
  std::vector<double> cost(agents * jobs), resource(agents * jobs), capacity(agents);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    capacity[agent] = instance_.capacity(open[agent]);
    for (std::size_t job = 0; job < jobs; ++job) {
      cost[agent * jobs + job] = instance_.allocation_cost(job, open[agent]);
      resource[agent * jobs + job] = instance_.demand(job);
    }
  }
  SolveOptions options;
  options.time_limit_s = clock_.remaining();
  options.exact = exact;
  options.deterministic = true;
  if (!exact) options.subgradient_iterations = GAP_DUAL_ITERATIONS, options.search_moves = GAP_SEARCH_MOVES;
  // Only an assignment that makes the set beat the best solution is worth finding: the GAP
  // stops once its bound shows there is none (Holmberg et al. 1999 price their sets the same way).
  const double cutoff = search_.has_solution() ? improvement_threshold(search_.best_cost(), 0.0) - fixed
                                               : std::numeric_limits<double>::infinity();
  const GapResult assigned = solve_gap_below(
      GapInstance(agents, jobs, std::move(cost), std::move(resource), std::move(capacity)), cutoff, options);
  if (assigned.solution.agent_of_job.size() == jobs) {
    SingleSourceSolution solution;
    solution.open_sites = open;
    solution.site_of_customer.resize(jobs);
    for (std::size_t job = 0; job < jobs; ++job)
      solution.site_of_customer[job] = open[assigned.solution.agent_of_job[job]];
    adopt(solution);
  }
  return assigned.stats.status;
}

bool SscflpSetPricer::offer(std::vector<std::size_t> open) {
  std::sort(open.begin(), open.end());
  if (clock_.expired() || !priced_.insert(open).second) return false;
  const double before = search_.best_cost();
  price(open, false);
  return search_.best_cost() < before;
}

bool SscflpSetPricer::settle(std::vector<std::size_t> open) {
  std::sort(open.begin(), open.end());
  if (settled_.count(open)) return true;
  if (clock_.expired()) return false;
  const std::optional<SolveStatus> status = price(open, true);
  const bool proven = !status || *status == SolveStatus::Optimal || *status == SolveStatus::Infeasible;
  if (proven) settled_.insert(std::move(open));
  return proven;
}

bool SscflpSetPricer::offer_relaxed_if_promising(const std::vector<double>& y, const std::vector<double>& rho,
                                                 double multiplier_sum) {
  std::optional<std::vector<std::size_t>> open =
      promising_open_set(instance_, y, rho, multiplier_sum, search_.best_cost());
  return open && offer(std::move(*open));
}

bool SscflpSetPricer::offer_relaxed_solution(const std::vector<double>& y) {
  SingleSourceSolution solution;
  solution.site_of_customer.assign(instance_.customer_count(), instance_.site_count());
  for (std::size_t site = 0; site < y.size(); ++site) {
    if (y[site] <= 0) continue;
    solution.open_sites.push_back(site);
    for (std::size_t customer : lagrangian_.chosen()[site]) solution.site_of_customer[customer] = site;
  }
  adopt(solution);
  return lagrangian_.exact_knapsacks();
}

}  // namespace guarantor::plan::detail
