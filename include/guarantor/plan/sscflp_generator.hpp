#pragma once
// Seeded single-source CFLP instances in the manner of Holmberg, Rönnqvist & Yuan (1999, EJOR
// 113(3) 544–559), so solver figures can be reproduced at sizes beyond their 71 files (up to
// 200 sites × 1000 customers and more). Recipe:
//   sites and customers uniform on the integer grid [10, 200]²;
//   demand d_c ~ U[10, 50]; capacity Q_s ~ U[100, 500], then every capacity scaled by one factor
//   and rounded so that Σ Q / Σ d ≈ capacity_ratio, never below 50 so every customer fits
//   every site (Holmberg et al. vary this tightness;
//   1.5–3 is the usual span, 3 the default); fixed cost f_s ~ U[300, 700];
//   allocation cost c_cs = ⌊Euclidean distance(c, s) · d_c / 10 + 0.5⌋ (transport cost per unit
//   of demand and grid unit, 0.1), so the costs are distance-based and integral.
// U[a, b] are integers drawn from raw mt19937_64 outputs (not std distributions), so the same
// seed gives the same instance with every standard library. Not a reproduction of the published
// files: their cost scale is not restated here; use the reader for those.
#include <cstddef>
#include <cstdint>

#include "guarantor/plan/facility_location.hpp"

namespace guarantor::plan {

/// Default Σ capacity / Σ demand of a generated instance.
inline constexpr double SSCFLP_DEFAULT_CAPACITY_RATIO = 3.0;

/// A random instance. Throws Error(Schema) when sites or customers is 0 or capacity_ratio < 1
/// (too little capacity for the demand by construction).
FacilityLocationInstance generate_single_source_cflp(std::size_t sites, std::size_t customers, std::uint64_t seed,
                                                     double capacity_ratio = SSCFLP_DEFAULT_CAPACITY_RATIO);

}  // namespace guarantor::plan
