// The coverage each line claims once units are assigned: only filled positions count.
#include <map>

#include "guarantor/planner/demand.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

void claim_coverage(const StageContext& context, Plan& plan) {
  std::map<std::string, const model::RequirementLine*> line_by_id;
  for (const auto& line : context.scenario.mandate.requirements) line_by_id[line.id] = &line;
  std::map<std::string, std::vector<const Position*>> filled;
  for (const auto& a : plan.assignments)
    if (const auto* position = plan.find_position(a.position_id)) filled[a.line_id].push_back(position);
  for (auto& result : plan.lines) {
    const auto& line = *line_by_id.at(result.line_id);
    if (!line.coverage || result.demand_total <= 0) continue;
    const DemandSet demand = build_demand(context.scenario, context.params, *line.coverage, line.location, plan);
    double covered = 0;
    for (const auto& point : demand.points) {
      for (const auto* position : filled[result.line_id]) {
        if (!position->site_id.empty() && distance_km(point.position, position->position) <= position->reach_km) {
          covered += point.weight;
          break;
        }
      }
    }
    result.covered_fraction = covered / result.demand_total;
  }
  for (auto& hub : plan.hubs) {
    hub.load_personnel = 0;
    for (const auto& a : plan.assignments)
      if (a.site_id == hub.site_id) hub.load_personnel += a.personnel;
  }
}

}  // namespace guarantor::planner::detail
