#pragma once
// The single-source facility-location oracle of the small-case tests: every assignment tried.
#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "guarantor/plan/facility_location.hpp"

namespace guarantor::plan::testing {

/// Least cost over every assignment of customers to sites (sites^customers of them), +infinity
/// when none fits. Without an open count the open set is the sites used; with one, the used
/// sites plus the cheapest unused ones up to the count (fixed costs are non-negative, so that
/// completion is optimal for the assignment).
inline double single_source_brute_force(const FacilityLocationInstance& instance) {
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  std::size_t combinations = 1;
  for (std::size_t customer = 0; customer < customers; ++customer) combinations *= sites;
  double best = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> site_of(customers);
  for (std::size_t code = 0; code < combinations; ++code) {
    std::size_t rest = code;
    std::vector<double> load(sites, 0.0);
    double cost = 0;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      site_of[customer] = rest % sites, rest /= sites;
      load[site_of[customer]] += instance.demand(customer);
      cost += instance.allocation_cost(customer, site_of[customer]);
    }
    bool fits = true;
    std::size_t used = 0;
    std::vector<double> unused_fixed;
    for (std::size_t site = 0; site < sites; ++site) {
      fits = fits && load[site] <= instance.capacity(site);
      const bool serves = std::find(site_of.begin(), site_of.end(), site) != site_of.end();
      if (serves) cost += instance.fixed_cost(site), ++used;
      else unused_fixed.push_back(instance.fixed_cost(site));
    }
    if (!fits) continue;
    if (const auto count = instance.open_count()) {
      if (used > *count || *count > sites) continue;
      std::sort(unused_fixed.begin(), unused_fixed.end());
      for (std::size_t k = 0; k < *count - used; ++k) cost += unused_fixed[k];
    }
    best = std::min(best, cost);
  }
  return best;
}

}  // namespace guarantor::plan::testing
