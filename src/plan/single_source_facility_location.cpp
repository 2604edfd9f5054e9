#include "guarantor/plan/single_source_facility_location.hpp"

#include <algorithm>

namespace guarantor::plan {

namespace {
// A load may pass a capacity by this relative amount (round-off of fractional demands).
constexpr double LOAD_TOLERANCE = 1e-9;
}  // namespace

double single_source_cost(const FacilityLocationInstance& instance, const SingleSourceSolution& solution) {
  double total = 0;
  for (std::size_t site : solution.open_sites) total += instance.fixed_cost(site);
  for (std::size_t customer = 0; customer < solution.site_of_customer.size(); ++customer) {
    total += instance.allocation_cost(customer, solution.site_of_customer[customer]);
  }
  return total;
}

bool single_source_feasible(const FacilityLocationInstance& instance, const SingleSourceSolution& solution) {
  const std::size_t sites = instance.site_count();
  if (solution.site_of_customer.size() != instance.customer_count()) return false;
  std::vector<char> open(sites, 0);
  for (std::size_t site : solution.open_sites) {
    if (site >= sites || open[site]) return false;
    open[site] = 1;
  }
  if (const auto count = instance.open_count(); count && solution.open_sites.size() != *count) return false;
  std::vector<double> load(sites, 0.0);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    const std::size_t site = solution.site_of_customer[customer];
    if (site >= sites || !open[site]) return false;
    load[site] += instance.demand(customer);
  }
  for (std::size_t site = 0; site < sites; ++site) {
    const double capacity = instance.capacity(site);
    if (load[site] > capacity + LOAD_TOLERANCE * std::max(1.0, capacity)) return false;
  }
  return true;
}

}  // namespace guarantor::plan
