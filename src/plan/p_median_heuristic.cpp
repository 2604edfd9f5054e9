// Greedy construction, then Whitaker's fast interchange (as organised by Resende & Werneck 2003,
// implemented in p_median_search.cpp): one pass evaluates every (insert, remove) pair in
// O(customers × sites) using, per customer, the nearest and second-nearest open sites.
#include <algorithm>
#include <limits>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/p_median.hpp"
#include "p_median_search.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();

}  // namespace

PMedianSolution p_median_local_search(const PMedianInstance& instance, std::vector<std::size_t> open) {
  GUARANTOR_ASSERT(open.size() == instance.p(), "local search starts from exactly p open sites");
  if (!open.empty()) detail::SwapSearch(instance).descend(open);
  return p_median_assign(instance, std::move(open));
}

PMedianSolution p_median_heuristic(const PMedianInstance& instance) {
  const std::size_t customers = instance.customer_count();
  const std::size_t sites = instance.site_count();
  GUARANTOR_ASSERT(instance.p() >= 1 && instance.p() <= sites, "1 <= p <= sites");
  std::vector<double> nearest(customers, INF);
  std::vector<char> is_open(sites, 0);
  std::vector<std::size_t> open;
  while (open.size() < instance.p()) {
    double best_total = INF;
    std::size_t best_site = sites;
    for (std::size_t site = 0; site < sites; ++site) {
      if (is_open[site]) continue;
      double total = 0;
      for (std::size_t customer = 0; customer < customers; ++customer) {
        total += std::min(nearest[customer], instance.cost(customer, site));
      }
      if (total < best_total || best_site == sites) best_total = total, best_site = site;
    }
    is_open[best_site] = 1;
    open.push_back(best_site);
    for (std::size_t customer = 0; customer < customers; ++customer) {
      nearest[customer] = std::min(nearest[customer], instance.cost(customer, best_site));
    }
  }
  return p_median_local_search(instance, std::move(open));
}

}  // namespace guarantor::plan
