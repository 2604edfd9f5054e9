#pragma once
// Whether a pledge may serve a requirement line, caveat by caveat.
#include <optional>
#include <string>

#include "guarantor/core/date.hpp"
#include "guarantor/force/force_generation.hpp"

namespace guarantor::force::detail {

/// The first reason (in the order: phase, place, role, condition, validity, readiness) a pledge
/// cannot serve a line, or nullopt when it can. `phase_start` is the day the phase opens
/// (Scenario::phase_start; nullopt when as_of is unknown).
struct Ineligibility {
  Verdict verdict;
  std::string reason;
};
/// `phase` is the phase being evaluated, which may be later than the line's own.
std::optional<Ineligibility> assess(const model::Pledge& pledge, const model::RequirementLine& line, model::Phase phase,
                                    const model::Mandate& mandate, std::optional<Date> phase_start);

/// True when the pledge may serve somewhere in the phase at all (its when, condition and
/// validity caveats allow it), whatever the line.
bool usable_in_phase(const model::Pledge& pledge, model::Phase phase, const model::Mandate& mandate,
                     std::optional<Date> phase_start);

}  // namespace guarantor::force::detail
