// Checker: the Montreux rules recorded in the plan, applied to its Black Sea assignments.
#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/planner/montreux.hpp"

namespace guarantor::planner::detail {

void check_montreux(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  const auto rules = montreux_of(plan);
  if (!rules.enabled()) return;
  std::map<std::string, const model::RequirementLine*> lines;
  for (const auto& line : scenario.mandate.requirements) lines[line.id] = &line;
  for (const auto& a : plan.assignments) {
    const auto it = lines.find(a.line_id);
    const auto* pledge = scenario.coalition.find_pledge(a.pledge_id);
    if (it == lines.end() || pledge == nullptr) continue;  // the core rules report unknown references
    if (const auto refusal = montreux_refusal(rules, scenario, *pledge, *it->second))
      out.push_back({"montreux", a.unit_id, *refusal});
  }
  for (const auto& [assignment, tonnage] : over_tonnage(rules, scenario, plan))
    out.push_back({"montreux", assignment->unit_id,
                   fmt::format("non-littoral warships in the Black Sea total {:.0f} t with this one; Montreux art. 18(1) allows {:.0f} t",
                               tonnage, rules.non_littoral_tonnage_t)});
}

}  // namespace guarantor::planner::detail
