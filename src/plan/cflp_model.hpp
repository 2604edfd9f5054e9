#pragma once
// The multi-source CFLP as a MILP for CBC, in its strong form: binary y_s (open), continuous
// x_cs ∈ [0, 1] (the fraction of c served by s); Σ_s x_cs = 1, Σ_c d_c x_cs ≤ Q_s y_s,
// x_cs ≤ y_s, the aggregate capacity row Σ_s Q_s y_s ≥ Σ_c d_c, and Σ_s y_s = p with an open
// count. Sites closed by reduced-cost fixing get no columns; sites fixed open get y_s = 1.
#include <cstddef>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

struct CflpModel {
  MilpModel model;
  std::vector<int> site_column;  ///< per site, -1 when closed by fixing
  std::vector<std::size_t> kept_sites;  ///< sites with columns, ascending; x columns follow the y
                                        ///< columns customer-major over these
};

/// site_fixed: per site −1 closed, +1 open, 0 free (empty = all free).
CflpModel build_cflp_model(const FacilityLocationInstance& instance, const std::vector<signed char>& site_fixed);

/// The open sites (y above 0.5) and the fractions in CBC's column values.
FacilityLocationSolution read_cflp_solution(const FacilityLocationInstance& instance, const CflpModel& model,
                                            const std::vector<double>& values);

}  // namespace guarantor::plan::detail
