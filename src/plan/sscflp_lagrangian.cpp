#include "sscflp_lagrangian.hpp"

#include <algorithm>
#include <cmath>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

// Knapsack table cells (capacity × items, summed over sites) one evaluation may fill by dynamic
// programming during the subgradient loop; past it every site uses the Dantzig (LP) bound, which
// is still valid. At the best multipliers the larger budget applies once. The DP keeps one byte
// per cell for reconstruction, so the budgets are also memory caps (20 MB and 150 MB).
constexpr std::size_t EVALUATION_CELL_BUDGET = 20'000'000;
constexpr std::size_t FINAL_CELL_BUDGET = 150'000'000;

bool integral(double value) { return std::abs(value - std::round(value)) <= 1e-9; }

}  // namespace

SscflpLagrangian::SscflpLagrangian(const FacilityLocationInstance& instance)
    : SiteLagrangian(instance),
      instance_(instance),
      knapsacks_(instance.site_count(), AgentKnapsack(false)),
      chosen_(instance.site_count()) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    integral_ = integral_ && integral(instance.demand(customer));
  }
  for (std::size_t site = 0; site < instance.site_count(); ++site) integral_ = integral_ && integral(instance.capacity(site));
}

double SscflpLagrangian::evaluate_within(const std::vector<double>& multipliers, bool large_tables, bool lazy_tables) {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  // Pass 1: the table size the exact knapsacks would need.
  std::size_t cells = 0;
  for (std::size_t site = 0; site < sites; ++site) {
    if (held_closed(site)) continue;
    double weight = 0;
    std::size_t items = 0;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      if (multipliers[customer] > instance_.allocation_cost(customer, site) &&
          instance_.demand(customer) <= instance_.capacity(site)) {
        weight += instance_.demand(customer), ++items;
      }
    }
    cells += items * static_cast<std::size_t>(std::min(weight, instance_.capacity(site)) + 1);
  }
  exact_ = integral_ && cells <= (large_tables ? FINAL_CELL_BUDGET : EVALUATION_CELL_BUDGET);
  // Pass 2: one knapsack per site over the customers with a positive reduced profit. Within the
  // subgradient loop the exact knapsacks are solved only for the sites the site problem opens:
  // first every site gets its Dantzig bound (v_s too large, ρ_s too small, so every set's value
  // is at most its exact one), then each open site's knapsack is solved exactly and the site
  // problem solved again, until every open site is exact. The set then chosen is worth its exact
  // value and every other set at most its exact one, so the minimum is the exact L(u). Where the
  // values of closed sites matter too (fixing, the tree's branching) every site is solved exactly.
  const bool lazy = exact_ && lazy_tables;
  exact_site_.assign(sites, 0);
  for (std::size_t site = 0; site < sites; ++site) {
    if (held_closed(site)) {
      chosen_[site].clear();
      rho_[site] = INF;
      continue;
    }
    solve_site(site, multipliers, exact_ && !lazy);
  }
  double value = close_evaluation(multipliers);
  while (lazy && std::isfinite(value)) {
    bool refined = false;
    for (std::size_t site = 0; site < sites; ++site) {
      if (open_[site] > 0 && !exact_site_[site]) solve_site(site, multipliers, true), refined = true;
    }
    if (!refined) break;
    value = close_evaluation(multipliers);
  }
  return value;
}

void SscflpLagrangian::solve_site(std::size_t site, const std::vector<double>& multipliers, bool exact) {
  items_.clear();
  for (std::size_t customer = 0; customer < instance_.customer_count(); ++customer) {
    const double profit = multipliers[customer] - instance_.allocation_cost(customer, site);
    if (profit > 0 && instance_.demand(customer) <= instance_.capacity(site)) {
      items_.push_back({customer, profit, instance_.demand(customer)});
    }
  }
  knapsacks_[site] = AgentKnapsack(exact);
  const double best = knapsacks_[site].solve(items_, instance_.capacity(site), taken_);
  chosen_[site].clear();
  for (std::size_t k = 0; k < items_.size(); ++k) {
    if (taken_[k]) chosen_[site].push_back(items_[k].job);
  }
  rho_[site] = instance_.fixed_cost(site) - best;
  exact_site_[site] = exact ? 1 : 0;
}

void SscflpLagrangian::subgradient(std::vector<double>& gradient) const {
  gradient.assign(instance_.customer_count(), 1.0);
  for (std::size_t site = 0; site < instance_.site_count(); ++site) {
    if (open_[site] <= 0) continue;
    for (std::size_t customer : chosen_[site]) gradient[customer] -= open_[site];
  }
}

void SscflpLagrangian::mark_fixings(const std::vector<double>& multipliers, double threshold,
                                    std::vector<signed char>& site_fixed, std::vector<char>& pair_removed) const {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  const double multiplier_sum = multiplier_sum_;
  site_fixed.assign(sites, 0);
  pair_removed.assign(customers * sites, 0);
  for (std::size_t site = 0; site < sites; ++site) {
    if (bound_excludes(multiplier_sum + sites_.value_closed(site), threshold)) site_fixed[site] = 1;
    if (bound_excludes(multiplier_sum + sites_.value_open(site, rho_[site]), threshold)) site_fixed[site] = -1;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double room = instance_.capacity(site) - instance_.demand(customer);
      bool removable = site_fixed[site] < 0 || room < 0;
      if (!removable) {
        // Serving c from s opens s and puts c in its knapsack: the rest fits in the room left.
        const double forced_rho = instance_.fixed_cost(site) - (multipliers[customer] - instance_.allocation_cost(customer, site)) -
                                  knapsacks_[site].best_within(room);
        removable = bound_excludes(multiplier_sum + sites_.value_open(site, forced_rho), threshold);
      }
      pair_removed[customer * sites + site] = removable ? 1 : 0;
    }
  }
}

}  // namespace guarantor::plan::detail
