// Greedy by marginal covered weight, then best-swap local search. A swap (remove `out`, add `in`)
// is evaluated in O(|covered_demands(in)| + p) from, per demand point, how many open sites cover
// it and which one when it is exactly one.
#include <algorithm>
#include <limits>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/max_covering.hpp"

namespace guarantor::plan {

namespace {

// A swap must gain more than this share of the total weight, so rounding cannot cycle.
constexpr double MIN_RELATIVE_GAIN = 1e-12;

struct CoverState {
  std::vector<int> count;          // open sites covering each demand point
  std::vector<std::size_t> sole;   // the covering open site's position when count == 1
};

CoverState cover_state(const CoveringInstance& instance, const std::vector<std::size_t>& open) {
  CoverState state{std::vector<int>(instance.demand_count(), 0), std::vector<std::size_t>(instance.demand_count(), 0)};
  for (std::size_t pos = 0; pos < open.size(); ++pos) {
    for (std::size_t demand : instance.covered_demands(open[pos])) {
      ++state.count[demand];
      state.sole[demand] = pos;
    }
  }
  return state;
}

}  // namespace

CoveringSolution max_covering_heuristic(const CoveringInstance& instance, std::size_t p) {
  const std::size_t sites = instance.site_count();
  GUARANTOR_ASSERT(p <= sites, "p <= sites");
  std::vector<char> is_open(sites, 0), covered(instance.demand_count(), 0);
  std::vector<std::size_t> open;
  double total_weight = 0;
  for (double weight : instance.demand_weights()) total_weight += weight;
  while (open.size() < p) {
    double best_gain = -1;
    std::size_t best_site = sites;
    for (std::size_t site = 0; site < sites; ++site) {
      if (is_open[site]) continue;
      double gain = 0;
      for (std::size_t demand : instance.covered_demands(site)) {
        if (!covered[demand]) gain += instance.demand_weight(demand);
      }
      if (gain > best_gain) best_gain = gain, best_site = site;
    }
    is_open[best_site] = 1;
    open.push_back(best_site);
    for (std::size_t demand : instance.covered_demands(best_site)) covered[demand] = 1;
  }
  std::vector<double> loss(p), extra(p);
  while (p > 0) {
    const CoverState state = cover_state(instance, open);
    std::fill(loss.begin(), loss.end(), 0.0);
    for (std::size_t demand = 0; demand < instance.demand_count(); ++demand) {
      if (state.count[demand] == 1) loss[state.sole[demand]] += instance.demand_weight(demand);
    }
    double best_delta = MIN_RELATIVE_GAIN * std::max(total_weight, 1.0);
    std::size_t best_in = sites, best_out_pos = 0;
    for (std::size_t in = 0; in < sites; ++in) {
      if (is_open[in]) continue;
      double gain = 0;
      std::fill(extra.begin(), extra.end(), 0.0);
      for (std::size_t demand : instance.covered_demands(in)) {
        if (state.count[demand] == 0) gain += instance.demand_weight(demand);
        // Removing the sole coverer would lose this point, but `in` keeps it covered.
        if (state.count[demand] == 1) extra[state.sole[demand]] += instance.demand_weight(demand);
      }
      for (std::size_t pos = 0; pos < p; ++pos) {
        const double delta = gain + extra[pos] - loss[pos];
        if (delta > best_delta) best_delta = delta, best_in = in, best_out_pos = pos;
      }
    }
    if (best_in == sites) break;
    is_open[open[best_out_pos]] = 0;
    is_open[best_in] = 1;
    open[best_out_pos] = best_in;
  }
  return covering_solution(instance, std::move(open));
}

}  // namespace guarantor::plan
