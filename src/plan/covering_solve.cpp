#include "covering_solve.hpp"

#include <algorithm>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

std::vector<std::size_t> prove_covering(const MilpModel& model, std::size_t site_count,
                                        const std::vector<std::size_t>& incumbent_sites, double incumbent_cost,
                                        double step, double sense, const SolveOptions& options,
                                        const Stopwatch& clock, SolveStats& stats) {
  std::vector<std::size_t> best = incumbent_sites;
  double objective = incumbent_cost;
  double bound = -MilpModel::INF;
  const double threshold = improvement_threshold(incumbent_cost, step);
  const LpOutcome lp = solve_lp(model);
  stats.phases.bound = clock.elapsed() - stats.phases.heuristic;
  if (lp.optimal) bound = std::min(lp.objective, incumbent_cost);
  if (lp.optimal && bound_excludes(lp.objective, threshold)) {
    bound = objective;
    stats.status = SolveStatus::Optimal;
    stats.proved_by = ProofMethod::LpBound;
  } else if (!options.exact) {
    stats.status = SolveStatus::Feasible;
    stats.proved_by = ProofMethod::LpBound;
  } else {
    stats.exact_columns = model.column_count();
    MilpParams params;
    params.time_limit_s = clock.remaining();
    params.solve_limit_s = options.time_limit_s;
    params.cutoff = threshold;
    const MilpOutcome outcome = solve_milp(model, params);
    stats.proved_by = ProofMethod::Cbc;
    if (outcome.has_solution && outcome.objective < objective) {
      best.clear();
      for (std::size_t site = 0; site < site_count; ++site) {
        // Binary columns come back as 0/1 up to CBC's integrality tolerance.
        if (outcome.values[site] > 0.5) best.push_back(site);
      }
      objective = outcome.objective;
    }
    if (outcome.finished) {
      bound = objective;
      stats.status = SolveStatus::Optimal;
    } else {
      bound = std::max(bound, std::min(outcome.bound, objective));
      stats.status = SolveStatus::TimeLimit;
    }
  }
  stats.objective = sense * objective;
  stats.bound = sense * bound;
  finish_stats(stats, clock.elapsed());
  return best;
}

}  // namespace guarantor::plan::detail
