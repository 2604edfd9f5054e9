#pragma once
// Swap neighbourhood of the p-median with a site-major copy of the costs, so the inner loop of the
// fast interchange (every customer against one candidate site) reads memory in order; and a
// variable-neighbourhood search (Mladenović & Hansen 1997) built on it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "guarantor/plan/p_median.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

class SwapSearch {
public:
  explicit SwapSearch(const PMedianInstance& instance);

  /// Cost of the open set, each customer served by its nearest open site.
  [[nodiscard]] double cost(const std::vector<std::size_t>& open) const;
  /// Best-improvement fast interchange from exactly p open sites to a swap-local optimum; `open`
  /// is replaced by the local optimum and its cost returned.
  double descend(std::vector<std::size_t>& open) const;

private:
  const PMedianInstance& instance_;
  std::vector<double> by_site_;  // by_site_[site * customers + customer]
};

/// Variable-neighbourhood search from `open` (a swap-local optimum of cost `cost`): shake k random
/// swaps (k = 1, 2, … up to p, back to 1 after each improvement), descend, keep the better. Stops
/// after `patience` shakes without improvement, when the lower bound `bound` proves `cost` optimal
/// (objective resolution `step`, see objective_step.hpp) or at the time limit. Deterministic for a
/// given seed.
void p_median_vns(const SwapSearch& search, std::size_t site_count, std::vector<std::size_t>& open, double& cost,
                  double bound, double step, int patience, std::uint64_t seed, const Stopwatch& clock);

}  // namespace guarantor::plan::detail
