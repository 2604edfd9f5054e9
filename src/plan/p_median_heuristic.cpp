// Greedy construction and Whitaker's fast interchange (as organised by Resende & Werneck 2003):
// one pass evaluates every (insert, remove) pair in O(customers × sites) using, per customer, the
// nearest and second-nearest open sites.
#include <algorithm>
#include <limits>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/p_median.hpp"

namespace guarantor::plan {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// A swap must gain more than this share of the cost, so rounding noise cannot cycle the search.
constexpr double MIN_RELATIVE_GAIN = 1e-12;

// Per customer: position (in `open`) and cost of the nearest and second-nearest open site.
struct NearestTwo {
  std::vector<std::size_t> first_pos;
  std::vector<double> first_cost, second_cost;
};

NearestTwo nearest_two(const PMedianInstance& instance, const std::vector<std::size_t>& open) {
  NearestTwo near;
  const std::size_t customers = instance.customer_count();
  near.first_pos.assign(customers, 0);
  near.first_cost.assign(customers, INF);
  near.second_cost.assign(customers, INF);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t pos = 0; pos < open.size(); ++pos) {
      const double cost = instance.cost(customer, open[pos]);
      if (cost < near.first_cost[customer]) {
        near.second_cost[customer] = near.first_cost[customer];
        near.first_cost[customer] = cost;
        near.first_pos[customer] = pos;
      } else if (cost < near.second_cost[customer]) {
        near.second_cost[customer] = cost;
      }
    }
  }
  return near;
}

}  // namespace

PMedianSolution p_median_local_search(const PMedianInstance& instance, std::vector<std::size_t> open) {
  GUARANTOR_ASSERT(open.size() == instance.p(), "local search starts from exactly p open sites");
  const std::size_t customers = instance.customer_count();
  const std::size_t sites = instance.site_count();
  std::vector<char> is_open(sites, 0);
  for (std::size_t site : open) is_open[site] = 1;
  std::vector<double> loss(open.size());
  while (true) {
    const NearestTwo near = nearest_two(instance, open);
    double total = 0;
    for (double cost : near.first_cost) total += cost;
    double best_delta = -MIN_RELATIVE_GAIN * std::max(total, 1.0);
    std::size_t best_insert = sites, best_remove_pos = 0;
    for (std::size_t insert = 0; insert < sites; ++insert) {
      if (is_open[insert]) continue;
      // gain: customers that move to `insert` whatever is removed; loss[pos]: extra cost if the
      // site at `pos` is removed while `insert` is open.
      double gain = 0;
      std::fill(loss.begin(), loss.end(), 0.0);
      for (std::size_t customer = 0; customer < customers; ++customer) {
        const double cost = instance.cost(customer, insert);
        if (cost < near.first_cost[customer]) {
          gain += near.first_cost[customer] - cost;
        } else {
          loss[near.first_pos[customer]] += std::min(cost, near.second_cost[customer]) - near.first_cost[customer];
        }
      }
      const auto least = std::min_element(loss.begin(), loss.end());
      const double delta = *least - gain;
      if (delta < best_delta) {
        best_delta = delta;
        best_insert = insert;
        best_remove_pos = static_cast<std::size_t>(least - loss.begin());
      }
    }
    if (best_insert == sites) break;
    is_open[open[best_remove_pos]] = 0;
    is_open[best_insert] = 1;
    open[best_remove_pos] = best_insert;
  }
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
