#pragma once
// A very large neighbourhood step for the single-source CFLP's incumbent: a few sites close to
// one another (open or closed) and the customers their open ones serve form a small
// single-source problem of its own, which CBC solves exactly with the part's current cost as
// cutoff. It moves sites and customers together, which neither the local search (one site with a
// greedy reassignment) nor a GAP solve per open set (every customer, the sites fixed) does
// (Ahuja, Orlin, Pallottino, Scaparra & Scutellà 2004 exchange customers among sites the same
// way; Guastaroba & Speranza 2014 solve restricted problems of a few sites exactly).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "sscflp_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

struct NeighbourhoodSettings {
  std::size_t sites = 0;          ///< sites per part (the seed and its nearest)
  double step = 0;                ///< objective resolution (1 for integer costs, else 0)
  std::uint64_t move_budget = 0;  ///< local-search moves per improvement adopted
  double part_limit_s = 0;        ///< CBC's wall-clock limit per part
  std::uint64_t part_nodes = 0;   ///< CBC nodes per part (deterministic mode), 0 = clock only
};

/// `seed` and the `count` − 1 sites closest to it (fewer when there are fewer sites), closest
/// first. Closeness is the largest difference in unit allocation cost over the customers, which
/// on metric costs (cost proportional to demand times distance) is the sites' distance up to the
/// factor (triangle inequality, attained by a customer on the line through both).
std::vector<std::size_t> nearest_sites(const FacilityLocationInstance& instance, std::size_t seed, std::size_t count);

/// Re-solves, seed site by seed site (every site of the incumbent's open set, round after round
/// while a round improves), the part made of the seed, its nearest sites and the customers their
/// open sites serve; an improvement is spliced into the incumbent and improved by the local
/// search. Ends when `stop()` or a round without improvement. Returns the parts solved.
/// Requires an incumbent in `search`.
std::size_t improve_by_parts(const FacilityLocationInstance& instance, SscflpSearch& search,
                             const NeighbourhoodSettings& settings, const Stopwatch& clock,
                             const std::function<bool()>& stop);

}  // namespace guarantor::plan::detail
