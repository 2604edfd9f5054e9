// Public face of the caveat rules (caveat_rules.hpp), so the planner reuses them unchanged.
#include "guarantor/force/eligibility.hpp"

#include "caveat_rules.hpp"

namespace guarantor::force {

std::optional<Ineligibility> assess_eligibility(const model::Scenario& scenario, const model::Pledge& pledge,
                                                const model::RequirementLine& line, model::Phase phase) {
  auto result = detail::assess(pledge, line, phase, scenario.mandate, scenario.phase_start(phase));
  if (!result) return std::nullopt;
  return Ineligibility{result->verdict, std::move(result->reason)};
}

}  // namespace guarantor::force
