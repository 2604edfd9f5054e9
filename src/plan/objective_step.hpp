#pragma once
// The resolution of an objective: if every coefficient is an integer, any two distinct solution
// values differ by at least 1, so a bound above (incumbent - 1) proves the incumbent optimal.
#include <span>

namespace guarantor::plan::detail {

/// 1 when every value is integral (to 1e-9), else 0 (no resolution known).
double objective_step(std::span<const double> coefficients);

/// Largest objective a strictly better solution than `incumbent` could have (minimisation).
double improvement_threshold(double incumbent, double step);

/// True when `bound` shows no solution reaches `threshold` (with a numerical tolerance).
bool bound_excludes(double bound, double threshold);

}  // namespace guarantor::plan::detail
