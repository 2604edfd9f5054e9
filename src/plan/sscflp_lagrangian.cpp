#include "sscflp_lagrangian.hpp"

#include <algorithm>
#include <cmath>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

constexpr std::size_t NONE = static_cast<std::size_t>(-1);
// Knapsack table cells (capacity × items, summed over sites) one evaluation may fill by dynamic
// programming during the subgradient loop; past it every site uses the Dantzig (LP) bound, which
// is still valid. At the best multipliers the larger budget applies once. The DP keeps one byte
// per cell for reconstruction, so the budgets are also memory caps (20 MB and 150 MB).
constexpr std::size_t EVALUATION_CELL_BUDGET = 20'000'000;
constexpr std::size_t FINAL_CELL_BUDGET = 150'000'000;
// Capacity shortfalls below this share of the total demand are round-off.
constexpr double CAPACITY_TOLERANCE = 1e-9;

bool integral(double value) { return std::abs(value - std::round(value)) <= 1e-9; }

}  // namespace

SscflpLagrangian::SscflpLagrangian(const FacilityLocationInstance& instance)
    : instance_(instance), knapsacks_(instance.site_count(), AgentKnapsack(false)),
      rho_(instance.site_count()), open_(instance.site_count()), chosen_(instance.site_count()) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    total_demand_ += instance.demand(customer);
    integral_ = integral_ && integral(instance.demand(customer));
  }
  for (std::size_t site = 0; site < instance.site_count(); ++site) integral_ = integral_ && integral(instance.capacity(site));
}

double SscflpLagrangian::evaluate(const std::vector<double>& multipliers, bool large_tables) {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  multiplier_sum_ = 0;
  for (double value : multipliers) multiplier_sum_ += value;
  // Pass 1: the table size the exact knapsacks would need.
  std::size_t cells = 0;
  for (std::size_t site = 0; site < sites; ++site) {
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
  // Pass 2: one knapsack per site over the customers with a positive reduced profit.
  for (std::size_t site = 0; site < sites; ++site) {
    items_.clear();
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double profit = multipliers[customer] - instance_.allocation_cost(customer, site);
      if (profit > 0 && instance_.demand(customer) <= instance_.capacity(site)) {
        items_.push_back({customer, profit, instance_.demand(customer)});
      }
    }
    knapsacks_[site] = AgentKnapsack(exact_);
    const double best = knapsacks_[site].solve(items_, instance_.capacity(site), taken_);
    chosen_[site].clear();
    for (std::size_t k = 0; k < items_.size(); ++k) {
      if (taken_[k]) chosen_[site].push_back(items_[k].job);
    }
    rho_[site] = instance_.fixed_cost(site) - best;
  }
  order_.resize(sites);
  for (std::size_t site = 0; site < sites; ++site) order_[site] = site;
  auto key = [&](std::size_t site) {
    if (instance_.open_count()) return rho_[site];
    if (rho_[site] <= 0) return -1.0;  // taken whatever the capacity row says
    return instance_.capacity(site) > 0 ? rho_[site] / instance_.capacity(site) : INF;
  };
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  return multiplier_sum_ + site_problem(NONE, 0, &open_);
}

double SscflpLagrangian::site_problem(std::size_t forced, double forced_rho, std::vector<double>* y) const {
  const std::size_t sites = instance_.site_count();
  if (y) y->assign(sites, 0.0);
  double value = 0, capacity = 0;
  std::size_t opened = 0;
  if (forced != NONE && forced_rho < INF) {
    value += forced_rho, capacity += instance_.capacity(forced), ++opened;
    if (y) (*y)[forced] = 1;
  }
  if (const auto count = instance_.open_count()) {
    for (std::size_t pos = 0; pos < sites && opened < *count; ++pos) {
      const std::size_t site = order_[pos];
      if (site == forced) continue;
      value += rho_[site], ++opened;
      if (y) (*y)[site] = 1;
    }
    return opened == *count ? value : INF;
  }
  for (std::size_t site : order_) {
    if (site == forced) continue;
    if (rho_[site] <= 0) {
      value += rho_[site], capacity += instance_.capacity(site);
      if (y) (*y)[site] = 1;
    } else if (capacity < total_demand_) {
      if (!(rho_[site] < INF) || instance_.capacity(site) <= 0) break;
      const double share = std::min(1.0, (total_demand_ - capacity) / instance_.capacity(site));
      value += share * rho_[site], capacity += share * instance_.capacity(site);
      if (y) (*y)[site] = share;
    } else {
      break;
    }
  }
  return capacity >= total_demand_ * (1 - CAPACITY_TOLERANCE) ? value : INF;
}

void SscflpLagrangian::mark_fixings(const std::vector<double>& multipliers, double threshold,
                                    std::vector<signed char>& site_fixed, std::vector<char>& pair_removed) const {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  const double multiplier_sum = multiplier_sum_;
  site_fixed.assign(sites, 0);
  pair_removed.assign(customers * sites, 0);
  for (std::size_t site = 0; site < sites; ++site) {
    if (bound_excludes(multiplier_sum + site_problem(site, INF, nullptr), threshold)) site_fixed[site] = 1;
    if (bound_excludes(multiplier_sum + site_problem(site, rho_[site], nullptr), threshold)) site_fixed[site] = -1;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double room = instance_.capacity(site) - instance_.demand(customer);
      bool removable = site_fixed[site] < 0 || room < 0;
      if (!removable) {
        // Serving c from s opens s and puts c in its knapsack: the rest fits in the room left.
        const double forced_rho = instance_.fixed_cost(site) - (multipliers[customer] - instance_.allocation_cost(customer, site)) -
                                  knapsacks_[site].best_within(room);
        removable = bound_excludes(multiplier_sum + site_problem(site, forced_rho, nullptr), threshold);
      }
      pair_removed[customer * sites + site] = removable ? 1 : 0;
    }
  }
}

}  // namespace guarantor::plan::detail
