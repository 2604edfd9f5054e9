#include "cflp_lagrangian.hpp"

#include <algorithm>
#include <cmath>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {
constexpr std::size_t NONE = static_cast<std::size_t>(-1);
bool integral(double value) { return std::abs(value - std::round(value)) <= 1e-9; }
}  // namespace

CflpLagrangian::CflpLagrangian(const FacilityLocationInstance& instance)
    : instance_(instance), rho_(instance.site_count()), open_(instance.site_count()),
      fixed_(instance.site_count(), 0), taken_(instance.site_count()) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) total_demand_ += instance.demand(customer);
  for (std::size_t site = 0; site < instance.site_count(); ++site) {
    integral_capacity_ = integral_capacity_ && integral(instance.capacity(site));
  }
}

void CflpLagrangian::fix_sites(std::vector<signed char> site_fixed) {
  fixed_ = site_fixed.empty() ? std::vector<signed char>(instance_.site_count(), 0) : std::move(site_fixed);
}

double CflpLagrangian::evaluate(const std::vector<double>& multipliers) {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  multiplier_sum_ = 0;
  for (double value : multipliers) multiplier_sum_ += value;
  for (std::size_t site = 0; site < sites; ++site) {
    taken_[site].clear();
    if (fixed_[site] < 0) {
      rho_[site] = INF;
      continue;
    }
    // Continuous knapsack: customers of positive reduced profit by profit per unit of demand;
    // the first that does not fit enters fractionally (Dantzig), which is its exact optimum.
    items_.clear();
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double profit = multipliers[customer] - instance_.allocation_cost(customer, site);
      if (profit <= 0) continue;
      const double demand = instance_.demand(customer);
      items_.emplace_back(demand > 0 ? profit / demand : INF, customer);
    }
    std::sort(items_.begin(), items_.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    double room = instance_.capacity(site), value = 0;
    for (const auto& [ratio, customer] : items_) {
      const double demand = instance_.demand(customer);
      const double fraction = demand <= room ? 1.0 : room / demand;
      if (fraction <= 0) break;
      value += fraction * (multipliers[customer] - instance_.allocation_cost(customer, site));
      room -= fraction * demand;
      taken_[site].emplace_back(customer, fraction);
      if (fraction < 1) break;
    }
    rho_[site] = instance_.fixed_cost(site) - value;
  }
  if (instance_.open_count()) {
    order_.clear();
    for (std::size_t site = 0; site < sites; ++site) {
      if (fixed_[site] >= 0) order_.push_back(site);
    }
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return std::make_pair(-fixed_[a], rho_[a]) < std::make_pair(-fixed_[b], rho_[b]);
    });
  } else {
    // Sites of ρ <= 0 open in any minimiser; the rest cover the demand they leave.
    negative_sum_ = 0, negative_capacity_ = 0;
    double largest_negative = 0;
    std::vector<CoverSite> positive;
    for (std::size_t site = 0; site < sites; ++site) {
      if (fixed_[site] < 0) continue;
      if (fixed_[site] > 0 || rho_[site] <= 0) {
        negative_sum_ += rho_[site], negative_capacity_ += instance_.capacity(site);
        largest_negative = std::max(largest_negative, instance_.capacity(site));
      } else if (instance_.capacity(site) > 0) {
        positive.push_back({site, rho_[site], instance_.capacity(site)});
      }
    }
    // Requirements asked later: the one left, and that plus one closed site's capacity.
    const double left = total_demand_ - negative_capacity_;
    cover_.build(std::move(positive), std::min(total_demand_, left + largest_negative), integral_capacity_);
  }
  return multiplier_sum_ + site_problem(NONE, false, &open_);
}

void CflpLagrangian::subgradient(std::vector<double>& gradient) const {
  gradient.assign(instance_.customer_count(), 1.0);
  for (std::size_t site = 0; site < instance_.site_count(); ++site) {
    if (open_[site] <= 0) continue;
    for (const auto& [customer, fraction] : taken_[site]) gradient[customer] -= open_[site] * fraction;
  }
}

double CflpLagrangian::site_problem(std::size_t forced, bool forced_open, std::vector<double>* y) const {
  const std::size_t sites = instance_.site_count();
  if (y) y->assign(sites, 0.0);
  if (const auto count = instance_.open_count()) {
    double value = 0;
    std::size_t opened = 0;
    if (forced != NONE && forced_open) {
      value += rho_[forced], ++opened;
      if (y) (*y)[forced] = 1;
    }
    for (std::size_t pos = 0; pos < order_.size() && opened < *count; ++pos) {
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
      for (std::size_t site = 0; site < sites; ++site) {
        (*y)[site] = fixed_[site] > 0 || (fixed_[site] == 0 && rho_[site] <= 0) ? 1.0 : 0.0;
      }
      cover_.choose(left, *y);
    }
    return negative_sum_ + cover_.value(left);
  }
  // Forcing a site of ρ <= 0 is exact (it is not in the cover); forcing one of ρ > 0 lets the
  // cover use it again (closed: may still pick it; open: may count it twice), a relaxation, so
  // the value stays a lower bound.
  const double rho = rho_[forced], capacity = instance_.capacity(forced);
  if (!forced_open) {
    return rho <= 0 ? negative_sum_ - rho + cover_.value(left + capacity) : negative_sum_ + cover_.value(left);
  }
  return rho <= 0 ? negative_sum_ + cover_.value(left) : negative_sum_ + rho + cover_.value(left - capacity);
}

double CflpLagrangian::value_with_site(std::size_t site, bool open) const {
  return multiplier_sum_ + site_problem(site, open, nullptr);
}

std::vector<signed char> CflpLagrangian::site_fixings(double threshold) const {
  std::vector<signed char> fixed = fixed_;
  for (std::size_t site = 0; site < instance_.site_count(); ++site) {
    if (fixed_[site] != 0) continue;
    if (bound_excludes(value_with_site(site, false), threshold)) fixed[site] = 1;
    if (bound_excludes(value_with_site(site, true), threshold)) fixed[site] = -1;
  }
  return fixed;
}

}  // namespace guarantor::plan::detail
