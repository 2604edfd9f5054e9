#pragma once
// Descent over open-site sets guided by a facility-location Lagrangian, shared by the multi-source
// core (sets priced by the transportation LP) and the single-source core (sets priced by a GAP
// solve): at multipliers with Σ_c u_c = `multiplier_sum` and reduced fixed costs ρ_s, every open
// set O costs at least Σ_c u_c + Σ_{s∈O} ρ_s, so the one-site moves from the incumbent's set
// (close a site, open one, swap one for another) can be ranked by that bound before any is
// priced, and those whose bound reaches the incumbent are never priced (Beasley 1988 ranks his
// CFLP moves the same way).
#include <cstddef>
#include <functional>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "site_dual.hpp"

namespace guarantor::plan::detail {

/// Per pass, offers to `incumbent` the `per_pass` not-yet-priced neighbour sets of its best open
/// set whose Lagrangian bound is lowest and below its best cost (only sets with room for the
/// demand; only swaps with an open count); repeats while a pass improves, at most `passes`
/// times or until `stop()`. Work is counted in sets priced, so the descent repeats itself.
void descend_by_site_moves(const FacilityLocationInstance& instance, SiteIncumbent& incumbent,
                           const std::vector<double>& rho, double multiplier_sum, std::size_t per_pass, int passes,
                           const std::function<bool()>& stop);

}  // namespace guarantor::plan::detail
