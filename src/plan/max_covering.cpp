// solve_max_covering: heuristic → LP bound → CBC with the heuristic's value as cutoff.
// The MILP is solved in minimisation form: minimise minus the covered weight.
#include "guarantor/plan/max_covering.hpp"

#include "covering_solve.hpp"
#include "objective_step.hpp"
#include "textbook_milp.hpp"

namespace guarantor::plan {

namespace {

// Columns 0..sites-1 are y (open), then one z per demand point that has weight and a coverer.
detail::MilpModel max_covering_model(const CoveringInstance& instance, std::size_t p) {
  detail::MilpModel model;
  const std::size_t sites = instance.site_count();
  for (std::size_t site = 0; site < sites; ++site) model.add_column(0.0, 0.0, 1.0, true);
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t demand = 0; demand < instance.demand_count(); ++demand) {
    const auto& coverers = instance.covering_sites(demand);
    if (instance.demand_weight(demand) == 0 || coverers.empty()) continue;
    // z continuous: with y binary, z = min(1, sum y) is integral at an optimum.
    columns.assign(1, model.add_column(-instance.demand_weight(demand), 0.0, 1.0, false));
    coefficients.assign(1, 1.0);
    for (std::size_t site : coverers) columns.push_back(static_cast<int>(site)), coefficients.push_back(-1.0);
    model.add_row(-detail::MilpModel::INF, 0.0, columns, coefficients);
  }
  columns.clear();
  for (std::size_t site = 0; site < sites; ++site) columns.push_back(static_cast<int>(site));
  coefficients.assign(sites, 1.0);
  model.add_row(static_cast<double>(p), static_cast<double>(p), columns, coefficients);
  return model;
}

bool infeasible(const CoveringInstance& instance, std::size_t p, CoveringResult& result) {
  if (p <= instance.site_count()) return false;
  result.stats.status = SolveStatus::Infeasible;
  result.stats.proved_by = ProofMethod::Trivial;
  return true;
}

}  // namespace

CoveringResult solve_max_covering(const CoveringInstance& instance, std::size_t p, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  CoveringResult result;
  if (infeasible(instance, p, result)) return result;
  CoveringSolution incumbent = max_covering_heuristic(instance, p);
  const double incumbent_weight = covered_weight(instance, incumbent.open_sites);
  result.stats.phases.heuristic = clock.elapsed();
  const detail::MilpModel model = max_covering_model(instance, p);
  const double step = detail::objective_step(instance.demand_weights());
  const std::vector<std::size_t> open = detail::prove_covering(
      model, instance.site_count(), incumbent.open_sites, -incumbent_weight, step, -1.0, options, clock, result.stats);
  result.solution = covering_solution(instance, open);
  return result;
}

CoveringResult solve_max_covering_textbook_milp(const CoveringInstance& instance, std::size_t p,
                                                const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  CoveringResult result;
  if (infeasible(instance, p, result)) return result;
  const detail::MilpModel model = max_covering_model(instance, p);
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.solve_limit_s = options.time_limit_s;
  const detail::TextbookRun run = detail::run_textbook_milp(model, params, options);
  const detail::MilpOutcome& outcome = run.outcome;
  std::vector<std::size_t> open;
  for (std::size_t site = 0; outcome.has_solution && site < instance.site_count(); ++site) {
    if (outcome.values[site] > 0.5) open.push_back(site);
  }
  result.solution = covering_solution(instance, open);
  result.stats.objective = -outcome.objective;
  result.stats.bound = -outcome.bound;
  result.stats.exact_columns = model.column_count();
  result.stats.status = outcome.finished ? SolveStatus::Optimal : SolveStatus::TimeLimit;
  result.stats.proved_by = run.method;
  result.stats.relative_gap = relative_gap(result.stats.objective, result.stats.bound);
  result.stats.wall_seconds = result.stats.phases.exact = clock.elapsed() - run.excluded_seconds;
  return result;
}

}  // namespace guarantor::plan
