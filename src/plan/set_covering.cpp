// solve_set_covering: Chvátal's greedy plus redundancy removal → LP bound → CBC with cutoff.
#include "guarantor/plan/set_covering.hpp"

#include <algorithm>

#include "covering_solve.hpp"
#include "guarantor/core/error.hpp"
#include "objective_step.hpp"

namespace guarantor::plan {

CoveringSolution set_covering_heuristic(const CoveringInstance& instance) {
  const std::size_t sites = instance.site_count();
  std::vector<char> covered(instance.demand_count(), 0), is_open(sites, 0);
  std::size_t uncovered = instance.demand_count();
  std::vector<std::size_t> open;
  while (uncovered > 0) {
    // Least cost per newly covered point; a free site that covers anything wins outright.
    double best_ratio = 0;
    std::size_t best_site = sites;
    for (std::size_t site = 0; site < sites; ++site) {
      if (is_open[site]) continue;
      std::size_t fresh = 0;
      for (std::size_t demand : instance.covered_demands(site)) fresh += covered[demand] ? 0 : 1;
      if (fresh == 0) continue;
      const double ratio = instance.site_cost(site) / static_cast<double>(fresh);
      if (best_site == sites || ratio < best_ratio) best_ratio = ratio, best_site = site;
    }
    GUARANTOR_ASSERT(best_site < sites, "every demand point has a covering site");
    is_open[best_site] = 1;
    open.push_back(best_site);
    for (std::size_t demand : instance.covered_demands(best_site)) {
      if (!covered[demand]) covered[demand] = 1, --uncovered;
    }
  }
  // Drop redundant sites, dearest first.
  std::vector<int> count(instance.demand_count(), 0);
  for (std::size_t site : open) {
    for (std::size_t demand : instance.covered_demands(site)) ++count[demand];
  }
  std::stable_sort(open.begin(), open.end(),
                   [&](std::size_t a, std::size_t b) { return instance.site_cost(a) > instance.site_cost(b); });
  std::vector<std::size_t> kept;
  for (std::size_t site : open) {
    const auto& demands = instance.covered_demands(site);
    const bool redundant = std::all_of(demands.begin(), demands.end(), [&](std::size_t d) { return count[d] > 1; });
    if (redundant) {
      for (std::size_t demand : demands) --count[demand];
    } else {
      kept.push_back(site);
    }
  }
  return covering_solution(instance, std::move(kept));
}

CoveringResult solve_set_covering(const CoveringInstance& instance, const SolveOptions& options) {
  const detail::Stopwatch clock(options.time_limit_s);
  CoveringResult result;
  for (std::size_t demand = 0; demand < instance.demand_count(); ++demand) {
    if (instance.covering_sites(demand).empty()) {
      result.stats.status = SolveStatus::Infeasible;
      result.stats.proved_by = ProofMethod::Trivial;
      result.stats.wall_seconds = clock.elapsed();
      return result;
    }
  }
  const CoveringSolution incumbent = set_covering_heuristic(instance);
  double incumbent_cost = 0;
  for (std::size_t site : incumbent.open_sites) incumbent_cost += instance.site_cost(site);
  result.stats.phases.heuristic = clock.elapsed();

  detail::MilpModel model;
  for (std::size_t site = 0; site < instance.site_count(); ++site) {
    model.add_column(instance.site_cost(site), 0.0, 1.0, true);
  }
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t demand = 0; demand < instance.demand_count(); ++demand) {
    columns.assign(instance.covering_sites(demand).begin(), instance.covering_sites(demand).end());
    coefficients.assign(columns.size(), 1.0);
    model.add_row(1.0, detail::MilpModel::INF, columns, coefficients);
  }
  const double step = detail::objective_step(instance.site_costs());
  const std::vector<std::size_t> open = detail::prove_covering(
      model, instance.site_count(), incumbent.open_sites, incumbent_cost, step, 1.0, options, clock, result.stats);
  result.solution = covering_solution(instance, open);
  return result;
}

}  // namespace guarantor::plan
