#include "objective_step.hpp"

#include <algorithm>
#include <cmath>

namespace guarantor::plan::detail {

namespace {
// Floating-point noise accepted when comparing sums of a few thousand coefficients.
constexpr double INTEGRAL_TOLERANCE = 1e-9;
constexpr double RELATIVE_TOLERANCE = 1e-9;
}  // namespace

double objective_step(std::span<const double> coefficients) {
  for (double value : coefficients) {
    if (std::abs(value - std::round(value)) > INTEGRAL_TOLERANCE) return 0.0;
  }
  return 1.0;
}

double improvement_threshold(double incumbent, double step) {
  const double tolerance = RELATIVE_TOLERANCE * std::max(1.0, std::abs(incumbent));
  // Without a known resolution, a solution within the relative tolerance counts as equal.
  return step > 0 ? incumbent - step + tolerance : incumbent - 2 * tolerance;
}

bool bound_excludes(double bound, double threshold) {
  const double tolerance = RELATIVE_TOLERANCE * std::max(1.0, std::abs(threshold));
  return bound > threshold + tolerance;
}

}  // namespace guarantor::plan::detail
