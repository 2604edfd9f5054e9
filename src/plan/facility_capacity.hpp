#pragma once
// The capacity test both facility-location solvers run before any work: a cheap proof that no
// choice of sites can hold the demand.
#include "guarantor/plan/facility_location.hpp"

namespace guarantor::plan::detail {

/// True when more sites are asked for than exist, or the demand exceeds the capacity of the
/// roomiest sites that may open (all of them, or the `open_count` roomiest).
bool demand_exceeds_usable_capacity(const FacilityLocationInstance& instance);

/// The capacity of the roomiest site (0 without sites).
double largest_capacity(const FacilityLocationInstance& instance);

}  // namespace guarantor::plan::detail
