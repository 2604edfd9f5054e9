// solve_gap: heuristic → LP bound → CBC with the heuristic's cost as cutoff. Pairs whose resource
// exceeds the agent's capacity are left out of the model; a job with no such pair left makes the
// instance infeasible without search.
#include <algorithm>

#include "guarantor/plan/generalized_assignment.hpp"
#include "milp.hpp"
#include "objective_step.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan {

GapResult solve_gap(const GapInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  GapResult result;
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  auto finish = [&](SolveStatus status, ProofMethod method) {
    result.stats.status = status;
    result.stats.proved_by = method;
    finish_stats(result.stats, clock.elapsed());
    return result;
  };

  detail::MilpModel model;
  std::vector<int> column(agents * jobs, -1);
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t job = 0; job < jobs; ++job) {
    columns.clear();
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (instance.resource(agent, job) > instance.capacity(agent)) continue;
      column[agent * jobs + job] = model.add_column(instance.cost(agent, job), 0.0, 1.0, true);
      columns.push_back(column[agent * jobs + job]);
    }
    if (columns.empty()) return finish(SolveStatus::Infeasible, ProofMethod::Trivial);
    coefficients.assign(columns.size(), 1.0);
    model.add_row(1.0, 1.0, columns, coefficients);
  }
  for (std::size_t agent = 0; agent < agents; ++agent) {
    columns.clear(), coefficients.clear();
    for (std::size_t job = 0; job < jobs; ++job) {
      if (column[agent * jobs + job] < 0) continue;
      columns.push_back(column[agent * jobs + job]);
      coefficients.push_back(instance.resource(agent, job));
    }
    model.add_row(-detail::MilpModel::INF, instance.capacity(agent), columns, coefficients);
  }

  GapSolution incumbent = gap_heuristic(instance);
  const bool have_incumbent = gap_feasible(instance, incumbent);
  if (have_incumbent) result.stats.objective = gap_cost(instance, incumbent), result.solution = incumbent;
  result.stats.phases.heuristic = clock.elapsed();
  const double step = detail::objective_step(instance.costs());
  const double threshold =
      have_incumbent ? detail::improvement_threshold(result.stats.objective, step) : detail::MilpModel::INF;

  const detail::LpOutcome lp = detail::solve_lp(model);
  result.stats.phases.bound = clock.elapsed() - result.stats.phases.heuristic;
  if (lp.infeasible) return finish(SolveStatus::Infeasible, ProofMethod::LpBound);
  if (lp.optimal) result.stats.bound = std::min(lp.objective, result.stats.objective);
  if (have_incumbent && lp.optimal && detail::bound_excludes(lp.objective, threshold)) {
    result.stats.bound = result.stats.objective;
    return finish(SolveStatus::Optimal, ProofMethod::LpBound);
  }
  if (!options.exact) {
    return finish(have_incumbent ? SolveStatus::Feasible : SolveStatus::TimeLimit, ProofMethod::LpBound);
  }
  result.stats.exact_columns = model.column_count();
  detail::MilpParams params;
  params.time_limit_s = clock.remaining();
  params.cutoff = threshold;
  const detail::MilpOutcome outcome = detail::solve_milp(model, params);
  if (outcome.has_solution) {
    GapSolution found{std::vector<std::size_t>(jobs, 0)};
    for (std::size_t agent = 0; agent < agents; ++agent) {
      for (std::size_t job = 0; job < jobs; ++job) {
        const int col = column[agent * jobs + job];
        // Binary columns come back as 0/1 up to CBC's integrality tolerance.
        if (col >= 0 && outcome.values[static_cast<std::size_t>(col)] > 0.5) found.agent_of_job[job] = agent;
      }
    }
    if (gap_feasible(instance, found) && gap_cost(instance, found) < result.stats.objective) {
      result.stats.objective = gap_cost(instance, found);
      result.solution = std::move(found);
    }
  }
  if (!outcome.finished) {
    result.stats.bound = std::max(result.stats.bound, std::min(outcome.bound, result.stats.objective));
    return finish(SolveStatus::TimeLimit, ProofMethod::Cbc);
  }
  if (result.solution.agent_of_job.empty()) return finish(SolveStatus::Infeasible, ProofMethod::Cbc);
  result.stats.bound = result.stats.objective;
  return finish(SolveStatus::Optimal, ProofMethod::Cbc);
}

}  // namespace guarantor::plan
