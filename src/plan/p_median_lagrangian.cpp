#include "p_median_lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Subgradient schedule (Beasley 1993, "Lagrangean relaxation", in Modern Heuristic Techniques):
// the step factor starts at 2 and halves after a run of iterations without a better bound; the
// search stops once the factor is too small to move the multipliers.
constexpr double INITIAL_STEP_FACTOR = 2.0;
constexpr double MIN_STEP_FACTOR = 1e-4;
constexpr int STALL_ITERATIONS = 100;
// The Lagrangian heuristic (local search from the relaxed sites) runs every this many iterations.
constexpr int HEURISTIC_PERIOD = 25;

// Per customer, sites in ascending cost: L(u) only needs the sites cheaper than u_c.
struct SortedSites {
  std::vector<std::size_t> order;  // customer-major, site_count per customer
  std::size_t sites = 0;
};

SortedSites sort_sites(const PMedianInstance& instance) {
  SortedSites sorted;
  sorted.sites = instance.site_count();
  sorted.order.resize(instance.customer_count() * sorted.sites);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    auto first = sorted.order.begin() + static_cast<std::ptrdiff_t>(customer * sorted.sites);
    std::iota(first, first + static_cast<std::ptrdiff_t>(sorted.sites), std::size_t{0});
    std::stable_sort(first, first + static_cast<std::ptrdiff_t>(sorted.sites),
                     [&](std::size_t a, std::size_t b) { return instance.cost(customer, a) < instance.cost(customer, b); });
  }
  return sorted;
}

// Fills rho, the chosen p sites and L(u); returns L(u).
void evaluate(const PMedianInstance& instance, const SortedSites& sorted, PMedianLagrangian& state,
              std::vector<std::size_t>& rank) {
  const std::size_t sites = instance.site_count();
  state.site_reduced_cost.assign(sites, 0.0);
  double total = 0;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    const double u = state.multiplier[customer];
    total += u;
    const std::size_t* row = sorted.order.data() + customer * sites;
    for (std::size_t k = 0; k < sites; ++k) {
      const double cost = instance.cost(customer, row[k]);
      if (cost >= u) break;
      state.site_reduced_cost[row[k]] += cost - u;
    }
  }
  rank.resize(sites);
  std::iota(rank.begin(), rank.end(), std::size_t{0});
  const auto by_rho = [&](std::size_t a, std::size_t b) {
    const double ra = state.site_reduced_cost[a], rb = state.site_reduced_cost[b];
    return ra < rb || (ra == rb && a < b);
  };
  const std::size_t p = instance.p();
  // The p-th and (p+1)-th smallest are all the fixing tests need; a partial sort suffices.
  const std::size_t keep = std::min(sites, p + 1);
  std::partial_sort(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(keep), rank.end(), by_rho);
  state.in_relaxed_solution.assign(sites, 0);
  state.largest_chosen_rho = -INF;
  for (std::size_t k = 0; k < p; ++k) {
    state.in_relaxed_solution[rank[k]] = 1;
    total += state.site_reduced_cost[rank[k]];
    state.largest_chosen_rho = std::max(state.largest_chosen_rho, state.site_reduced_cost[rank[k]]);
  }
  state.next_rho = p < sites ? state.site_reduced_cost[rank[p]] : INF;
  state.bound = total;
}

}  // namespace

PMedianLagrangian p_median_relaxation(const PMedianInstance& instance, std::vector<double> multiplier) {
  const SortedSites sorted = sort_sites(instance);
  PMedianLagrangian state;
  state.multiplier = std::move(multiplier);
  std::vector<std::size_t> rank;
  evaluate(instance, sorted, state, rank);
  return state;
}

PMedianLagrangian p_median_subgradient(const PMedianInstance& instance, PMedianSolution& incumbent,
                                       double& incumbent_cost, double step, const SolveOptions& options,
                                       const Stopwatch& clock) {
  const std::size_t customers = instance.customer_count();
  const SortedSites sorted = sort_sites(instance);
  PMedianLagrangian current;
  current.multiplier.resize(customers);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    current.multiplier[customer] = instance.cost(customer, incumbent.assigned_site[customer]);
  }
  std::vector<std::size_t> rank;
  PMedianLagrangian best;
  best.bound = -INF;
  std::vector<double> subgradient(customers);
  double factor = INITIAL_STEP_FACTOR;
  int stall = 0;
  for (int iteration = 0; iteration < options.subgradient_iterations; ++iteration) {
    evaluate(instance, sorted, current, rank);
    current.iterations = iteration + 1;
    if (current.bound > best.bound) {
      best = current;
      stall = 0;
    } else if (++stall >= STALL_ITERATIONS) {
      factor /= 2;
      stall = 0;
    }
    if (iteration % HEURISTIC_PERIOD == 0) {
      std::vector<std::size_t> open(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(instance.p()));
      if (p_median_cost(instance, open) < incumbent_cost) {
        PMedianSolution improved = p_median_local_search(instance, std::move(open));
        const double cost = p_median_cost(instance, improved.open_sites);
        if (cost < incumbent_cost) incumbent = std::move(improved), incumbent_cost = cost;
      }
    }
    const double threshold = improvement_threshold(incumbent_cost, step);
    if (bound_excludes(best.bound, threshold) || factor < MIN_STEP_FACTOR || clock.expired()) break;
    // Subgradient of L at u: 1 - (number of chosen sites cheaper than u_c for customer c).
    double norm = 0;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      int served = 0;
      const std::size_t* row = sorted.order.data() + customer * instance.site_count();
      for (std::size_t k = 0; k < instance.site_count(); ++k) {
        if (instance.cost(customer, row[k]) >= current.multiplier[customer]) break;
        served += current.in_relaxed_solution[row[k]];
      }
      subgradient[customer] = 1.0 - served;
      norm += subgradient[customer] * subgradient[customer];
    }
    if (norm == 0) {
      // The relaxed solution serves every customer exactly once, so it is feasible and L(u) is
      // its cost: both optimal. Keep it as the incumbent.
      std::vector<std::size_t> open(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(instance.p()));
      const double cost = p_median_cost(instance, open);
      if (cost < incumbent_cost) incumbent = p_median_assign(instance, std::move(open)), incumbent_cost = cost;
      break;
    }
    const double length = factor * (incumbent_cost - current.bound) / norm;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      current.multiplier[customer] += length * subgradient[customer];
    }
  }
  best.iterations = current.iterations;
  return best;
}

}  // namespace guarantor::plan::detail
