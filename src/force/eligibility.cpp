// Public face of the caveat rules (caveat_rules.hpp), so the planner reuses them unchanged.
#include "guarantor/force/eligibility.hpp"

#include "caveat_rules.hpp"
#include "guarantor/core/date.hpp"

namespace guarantor::force {

std::optional<Ineligibility> assess_eligibility(const model::Scenario& scenario, const model::Pledge& pledge,
                                                const model::RequirementLine& line, model::Phase phase) {
  const auto as_of = parse_iso_date(scenario.as_of);
  const auto* gate = scenario.mandate.find_phase(phase);
  const std::optional<long> start =
      as_of ? std::optional<long>(*as_of + (gate ? gate->opens_day : 0)) : std::nullopt;
  auto result = detail::assess(pledge, line, phase, scenario.mandate, start);
  if (!result) return std::nullopt;
  return Ineligibility{result->verdict, std::move(result->reason)};
}

}  // namespace guarantor::force
