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
  if (instance_.open_count()) {
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return rho_[a] < rho_[b]; });
  } else {
    // Sites of ρ <= 0 open in any minimiser; the rest cover the demand they leave.
    negative_sum_ = 0, negative_capacity_ = 0;
    double largest_negative = 0;
    std::vector<CoverSite> positive;
    for (std::size_t site = 0; site < sites; ++site) {
      if (rho_[site] <= 0) {
        negative_sum_ += rho_[site], negative_capacity_ += instance_.capacity(site);
        largest_negative = std::max(largest_negative, instance_.capacity(site));
      } else if (instance_.capacity(site) > 0) {
        positive.push_back({site, rho_[site], instance_.capacity(site)});
      }
    }
    // Requirements asked later: the one left, and that plus one closed site's capacity.
    const double left = total_demand_ - negative_capacity_;
    cover_.build(std::move(positive), std::min(total_demand_, left + largest_negative), integral_);
  }
  return multiplier_sum_ + site_problem(NONE, 0, &open_);
}

double SscflpLagrangian::site_problem(std::size_t forced, double forced_rho, std::vector<double>* y) const {
  const std::size_t sites = instance_.site_count();
  if (y) y->assign(sites, 0.0);
  if (const auto count = instance_.open_count()) {
    double value = 0;
    std::size_t opened = 0;
    if (forced != NONE && forced_rho < INF) {
      value += forced_rho, ++opened;
      if (y) (*y)[forced] = 1;
    }
    for (std::size_t pos = 0; pos < sites && opened < *count; ++pos) {
      const std::size_t site = order_[pos];
      if (site == forced) continue;
      value += rho_[site], ++opened;
      if (y) (*y)[site] = 1;
    }
    return opened == *count ? value : INF;
  }
  const double left = total_demand_ - negative_capacity_;
  if (forced == NONE) {
    if (y) {
      for (std::size_t site = 0; site < sites; ++site) (*y)[site] = rho_[site] <= 0 ? 1.0 : 0.0;
      cover_.choose(left, *y);
    }
    return negative_sum_ + cover_.value(left);
  }
  // Forcing a site of ρ <= 0 is exact (it is not in the cover); forcing one of ρ > 0 lets the
  // cover use it again, a relaxation, so the value stays a lower bound.
  const double rho = rho_[forced], capacity = instance_.capacity(forced);
  if (!(forced_rho < INF)) {
    return rho <= 0 ? negative_sum_ - rho + cover_.value(left + capacity) : negative_sum_ + cover_.value(left);
  }
  return rho <= 0 ? negative_sum_ - rho + forced_rho + cover_.value(left)
                  : negative_sum_ + forced_rho + cover_.value(left - capacity);
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
