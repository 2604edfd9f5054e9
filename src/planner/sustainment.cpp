// Stage 6: sustainment. Keeping the deployed force in place needs a rotation pool of deployed
// personnel x the rotation factor (rule of thirds: one deployed, one preparing, one recovering),
// set by the mandate's posture and overridable as a parameter.
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "stages.hpp"

namespace guarantor::planner::detail {

StageReport run_sustainment(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  auto& pool = plan.rotation;
  pool.rotation_factor = context.rotation_factor;
  pool.source = context.scenario.mandate.posture.rotation_factor.source;
  pool.deployed_units = static_cast<int>(plan.assignments.size());
  for (const auto& a : plan.assignments) pool.deployed_personnel += a.personnel;
  pool.required_pool = static_cast<int>(std::ceil(pool.deployed_personnel * pool.rotation_factor - 1e-9));
  for (const auto& pledge : context.scenario.coalition.pledges)
    if (const auto* capability = context.scenario.catalogue.find(pledge.capability))
      pool.pledged_personnel += static_cast<int>(capability->personnel.value) * pledge.quantity;
  pool.shortfall = std::max(0, pool.required_pool - pool.pledged_personnel);
  StageReport report;
  report.stage = "sustainment";
  report.sense = "min";
  report.unit = "personnel in the rotation pool";
  report.method = "closed form: deployed personnel x rotation factor";
  report.note = fmt::format("{} deployed x {} = {} needed; {} pledged; shortfall {}", pool.deployed_personnel,
                            pool.rotation_factor, pool.required_pool, pool.pledged_personnel, pool.shortfall);
  report.stats = closed_form(pool.required_pool,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return report;
}

}  // namespace guarantor::planner::detail
