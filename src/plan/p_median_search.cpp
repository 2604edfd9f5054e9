#include "p_median_search.hpp"

#include <algorithm>
#include <limits>
#include <random>

#include "guarantor/core/error.hpp"
#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// A swap must gain more than this share of the cost, so rounding noise cannot cycle the search.
constexpr double MIN_RELATIVE_GAIN = 1e-12;

}  // namespace

SwapSearch::SwapSearch(const PMedianInstance& instance) : instance_(instance) {
  const std::size_t customers = instance.customer_count(), sites = instance.site_count();
  by_site_.resize(customers * sites);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t site = 0; site < sites; ++site) by_site_[site * customers + customer] = instance.cost(customer, site);
  }
}

double SwapSearch::cost(const std::vector<std::size_t>& open) const {
  const std::size_t customers = instance_.customer_count();
  std::vector<double> nearest(customers, INF);
  for (std::size_t site : open) {
    const double* column = by_site_.data() + site * customers;
    for (std::size_t customer = 0; customer < customers; ++customer) nearest[customer] = std::min(nearest[customer], column[customer]);
  }
  double total = 0;
  for (double value : nearest) total += value;
  return total;
}

double SwapSearch::descend(std::vector<std::size_t>& open) const {
  const std::size_t customers = instance_.customer_count(), sites = instance_.site_count();
  GUARANTOR_ASSERT(open.size() == instance_.p() && !open.empty(), "the swap search starts from exactly p >= 1 open sites");
  std::vector<char> is_open(sites, 0);
  for (std::size_t site : open) is_open[site] = 1;
  std::vector<std::size_t> first_pos(customers);
  std::vector<double> first(customers), second(customers), loss(open.size());
  while (true) {
    // Nearest and second-nearest open site of every customer.
    std::fill(first.begin(), first.end(), INF);
    std::fill(second.begin(), second.end(), INF);
    for (std::size_t pos = 0; pos < open.size(); ++pos) {
      const double* column = by_site_.data() + open[pos] * customers;
      for (std::size_t customer = 0; customer < customers; ++customer) {
        const double value = column[customer];
        if (value < first[customer]) {
          second[customer] = first[customer], first[customer] = value, first_pos[customer] = pos;
        } else if (value < second[customer]) {
          second[customer] = value;
        }
      }
    }
    double total = 0;
    for (double value : first) total += value;
    double best_delta = -MIN_RELATIVE_GAIN * std::max(total, 1.0);
    std::size_t best_insert = sites, best_remove_pos = 0;
    for (std::size_t insert = 0; insert < sites; ++insert) {
      if (is_open[insert]) continue;
      // gain: customers that move to `insert` whatever is removed; loss[pos]: extra cost if the
      // site at `pos` is removed while `insert` is open.
      const double* column = by_site_.data() + insert * customers;
      double gain = 0;
      std::fill(loss.begin(), loss.end(), 0.0);
      for (std::size_t customer = 0; customer < customers; ++customer) {
        const double value = column[customer];
        if (value < first[customer]) {
          gain += first[customer] - value;
        } else {
          loss[first_pos[customer]] += std::min(value, second[customer]) - first[customer];
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
    if (best_insert == sites) return total;
    is_open[open[best_remove_pos]] = 0;
    is_open[best_insert] = 1;
    open[best_remove_pos] = best_insert;
  }
}

void p_median_vns(const SwapSearch& search, std::size_t site_count, std::vector<std::size_t>& open, double& cost,
                  double bound, double step, int patience, std::uint64_t seed, const Stopwatch& clock) {
  const std::size_t p = open.size();
  if (p == 0 || p >= site_count) return;
  // Raw 64-bit draws reduced by modulo: unlike std::uniform_int_distribution the sequence is the
  // same with every standard library, so the same seed gives the same plan everywhere.
  std::mt19937_64 rng(seed);
  const auto draw = [&](std::size_t bound) { return static_cast<std::size_t>(rng() % bound); };
  const std::size_t largest_shake = std::min(p, site_count - p);
  std::size_t shake = 1;
  std::vector<char> is_open(site_count, 0);
  const auto proven = [&] { return bound_excludes(bound, improvement_threshold(cost, step)); };
  for (int idle = 0; idle < patience && !proven() && !clock.expired(); ++idle) {
    std::vector<std::size_t> trial = open;
    std::fill(is_open.begin(), is_open.end(), 0);
    for (std::size_t site : trial) is_open[site] = 1;
    for (std::size_t move = 0; move < shake; ++move) {
      std::size_t insert = draw(site_count);
      while (is_open[insert]) insert = (insert + 1) % site_count;
      const std::size_t pos = draw(p);
      is_open[trial[pos]] = 0, is_open[insert] = 1, trial[pos] = insert;
    }
    const double trial_cost = search.descend(trial);
    if (trial_cost < cost) {
      open = std::move(trial), cost = trial_cost, shake = 1, idle = -1;
    } else {
      shake = shake % largest_shake + 1;
    }
  }
}

}  // namespace guarantor::plan::detail
