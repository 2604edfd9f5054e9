#include "cflp_lagrangian.hpp"

#include <algorithm>

namespace guarantor::plan::detail {

CflpLagrangian::CflpLagrangian(const FacilityLocationInstance& instance)
    : SiteLagrangian(instance), instance_(instance), taken_(instance.site_count()) {}

double CflpLagrangian::evaluate(const std::vector<double>& multipliers) {
  const std::size_t sites = instance_.site_count(), customers = instance_.customer_count();
  for (std::size_t site = 0; site < sites; ++site) {
    taken_[site].clear();
    if (held_closed(site)) {
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
  return close_evaluation(multipliers);
}

void CflpLagrangian::subgradient(std::vector<double>& gradient) const {
  gradient.assign(instance_.customer_count(), 1.0);
  for (std::size_t site = 0; site < instance_.site_count(); ++site) {
    if (open_[site] <= 0) continue;
    for (const auto& [customer, fraction] : taken_[site]) gradient[customer] -= open_[site] * fraction;
  }
}

}  // namespace guarantor::plan::detail
