#pragma once
// Whether a pledge may serve a requirement line: the caveat rules force generation applies,
// for other modules (the planner) that must apply exactly the same rules.
#include <optional>
#include <string>

#include "guarantor/force/force_generation.hpp"

namespace guarantor::force {

/// Why a pledge cannot serve a line.
struct Ineligibility {
  Verdict verdict = Verdict::BlockedByCaveat;
  std::string reason;  ///< names the pledge and the caveat, condition or day
};

/// The first reason (place, role, phase, condition, validity, readiness) the pledge cannot serve
/// the line in `phase` (the line's own phase or a later one), or nullopt when it can.
/// Precondition: the scenario passed validation.
std::optional<Ineligibility> assess_eligibility(const model::Scenario& scenario, const model::Pledge& pledge,
                                                const model::RequirementLine& line, model::Phase phase);

}  // namespace guarantor::force
