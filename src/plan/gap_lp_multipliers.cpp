#include "gap_lp_multipliers.hpp"

#include "gap_model.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

std::vector<double> lp_multipliers(const GapInstance& instance, double time_limit_s) {
  const GapModel model = build_gap_model(instance, {});
  if (model.job_without_pair) return {};
  const LpOutcome lp = solve_lp(model.model, time_limit_s);
  if (!lp.optimal) return {};
  // build_gap_model adds the assignment rows first, one per job in job order.
  return {lp.row_duals.begin(), lp.row_duals.begin() + static_cast<std::ptrdiff_t>(instance.job_count())};
}

}  // namespace guarantor::plan::detail
