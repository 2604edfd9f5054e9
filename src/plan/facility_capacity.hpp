#pragma once
// The capacity tests both facility-location solvers share: a cheap proof before any work that no
// choice of sites can hold the demand, and the repair of a relaxed choice into a set with room.
#include <cstddef>
#include <optional>
#include <vector>

#include "guarantor/plan/facility_location.hpp"

namespace guarantor::plan::detail {

/// True when more sites are asked for than exist, or the demand exceeds the capacity of the
/// roomiest sites that may open (all of them, or the `open_count` roomiest).
bool demand_exceeds_usable_capacity(const FacilityLocationInstance& instance);

/// The capacity of the roomiest site (0 without sites).
double largest_capacity(const FacilityLocationInstance& instance);

/// Makes a relaxed choice y (1 = open; fractional entries count as open) an admissible open set:
/// with an open count, the `count` sites of largest y (ties: least `priority`); otherwise the
/// sites of y > 0 plus, while capacity is short of the demand, closed sites by ascending
/// priority / capacity. Nullopt when the open count exceeds the sites.
std::optional<std::vector<std::size_t>> open_set_with_room(const FacilityLocationInstance& instance,
                                                           const std::vector<double>& y,
                                                           const std::vector<double>& priority);

/// open_set_with_room with the reduced fixed costs `rho` as priority, kept only when its
/// Lagrangian bound Σ_c u_c + Σ_{s∈O} ρ_s (`multiplier_sum` = Σ_c u_c) is below `best_cost`:
/// a set whose bound is not cannot improve, and pricing a set is the dearest step of a node.
std::optional<std::vector<std::size_t>> promising_open_set(const FacilityLocationInstance& instance,
                                                           const std::vector<double>& y, const std::vector<double>& rho,
                                                           double multiplier_sum, double best_cost);

}  // namespace guarantor::plan::detail
