#include "facility_capacity.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace guarantor::plan::detail {

namespace {
// Stand-in for a zero capacity when ranking sites by cost per unit of capacity.
constexpr double CAPACITY_FLOOR = 1e-9;
// A bound must be below the best cost by more than this relative amount (round-off is no gain).
constexpr double BOUND_TOLERANCE = 1e-9;
}  // namespace

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

std::optional<std::vector<std::size_t>> open_set_with_room(const FacilityLocationInstance& instance,
                                                           const std::vector<double>& y,
                                                           const std::vector<double>& priority) {
  const std::size_t sites = instance.site_count();
  std::vector<std::size_t> order(sites);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::size_t> open;
  if (const auto count = instance.open_count()) {
    if (*count > sites) return std::nullopt;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return y[a] > y[b] || (y[a] == y[b] && priority[a] < priority[b]);
    });
    open.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(*count));
    return open;
  }
  double room = 0, demand = 0;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) demand += instance.demand(customer);
  for (std::size_t site = 0; site < sites; ++site) {
    if (y[site] > 0) open.push_back(site), room += instance.capacity(site);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double qa = std::max(instance.capacity(a), CAPACITY_FLOOR),
                 qb = std::max(instance.capacity(b), CAPACITY_FLOOR);
    return priority[a] / qa < priority[b] / qb;
  });
  for (std::size_t site : order) {
    if (room >= demand) break;
    if (y[site] > 0 || instance.capacity(site) <= 0) continue;
    open.push_back(site), room += instance.capacity(site);
  }
  return open;
}

std::optional<std::vector<std::size_t>> promising_open_set(const FacilityLocationInstance& instance,
                                                           const std::vector<double>& y, const std::vector<double>& rho,
                                                           double multiplier_sum, double best_cost) {
  std::optional<std::vector<std::size_t>> open = open_set_with_room(instance, y, rho);
  if (!open) return std::nullopt;
  double bound = multiplier_sum;
  for (std::size_t site : *open) bound += rho[site];
  if (bound >= best_cost * (1 - BOUND_TOLERANCE)) return std::nullopt;
  return open;
}

}  // namespace guarantor::plan::detail
