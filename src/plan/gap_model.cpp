#include "gap_model.hpp"

namespace guarantor::plan::detail {

GapModel build_gap_model(const GapInstance& instance, const std::vector<char>& removed) {
  GapModel built;
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  built.column.assign(agents * jobs, -1);
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t job = 0; job < jobs; ++job) {
    columns.clear();
    for (std::size_t agent = 0; agent < agents; ++agent) {
      const std::size_t pair = agent * jobs + job;
      if (instance.resource(agent, job) > instance.capacity(agent) || (!removed.empty() && removed[pair])) continue;
      built.column[pair] = built.model.add_column(instance.cost(agent, job), 0.0, 1.0, true);
      columns.push_back(built.column[pair]);
    }
    if (columns.empty()) built.job_without_pair = true;
    coefficients.assign(columns.size(), 1.0);
    built.model.add_row(1.0, 1.0, columns, coefficients);
  }
  for (std::size_t agent = 0; agent < agents; ++agent) {
    columns.clear(), coefficients.clear();
    for (std::size_t job = 0; job < jobs; ++job) {
      if (built.column[agent * jobs + job] < 0) continue;
      columns.push_back(built.column[agent * jobs + job]);
      coefficients.push_back(instance.resource(agent, job));
    }
    built.model.add_row(-MilpModel::INF, instance.capacity(agent), columns, coefficients);
  }
  return built;
}

GapSolution read_gap_solution(const GapInstance& instance, const GapModel& model, const std::vector<double>& values) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  GapSolution found{std::vector<std::size_t>(jobs, agents)};
  for (std::size_t agent = 0; agent < agents; ++agent) {
    for (std::size_t job = 0; job < jobs; ++job) {
      const int col = model.column[agent * jobs + job];
      // Binary columns come back as 0/1 up to CBC's integrality tolerance.
      if (col >= 0 && values[static_cast<std::size_t>(col)] > 0.5) found.agent_of_job[job] = agent;
    }
  }
  return found;
}

GapInstance negated(const GapInstance& instance) {
  std::vector<double> cost = instance.costs();
  for (double& value : cost) value = -value;
  return GapInstance(instance.agent_count(), instance.job_count(), std::move(cost), instance.resources(),
                     instance.capacities());
}

}  // namespace guarantor::plan::detail
