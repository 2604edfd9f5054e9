#include "facility_capacity.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace guarantor::plan::detail {

bool demand_exceeds_usable_capacity(const FacilityLocationInstance& instance) {
  const std::size_t sites = instance.site_count();
  std::vector<double> capacity(sites);
  for (std::size_t site = 0; site < sites; ++site) capacity[site] = instance.capacity(site);
  std::sort(capacity.begin(), capacity.end(), std::greater<>());
  const std::size_t usable = instance.open_count() ? *instance.open_count() : sites;
  if (usable > sites) return true;
  const double room = std::accumulate(capacity.begin(), capacity.begin() + static_cast<std::ptrdiff_t>(usable), 0.0);
  double demand = 0;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) demand += instance.demand(customer);
  return demand > room * (1 + 1e-9);
}

double largest_capacity(const FacilityLocationInstance& instance) {
  double largest = 0;
  for (std::size_t site = 0; site < instance.site_count(); ++site) largest = std::max(largest, instance.capacity(site));
  return largest;
}

}  // namespace guarantor::plan::detail
