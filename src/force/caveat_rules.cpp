#include "caveat_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"

namespace guarantor::force::detail {

namespace {
std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::optional<Ineligibility> phase_and_condition(const model::Pledge& pledge, model::Phase phase,
                                                 const model::Mandate& mandate, std::optional<Date> phase_start) {
  for (const auto& caveat : pledge.caveats) {
    if (caveat.kind() == model::CaveatKind::When && caveat.phase() > phase) {
      return Ineligibility{Verdict::WrongPhase,
                           fmt::format("{}: caveat \"only from phase {}\"", pledge.id, model::to_string(caveat.phase()))};
    }
  }
  for (const auto& caveat : pledge.caveats) {
    if (caveat.kind() == model::CaveatKind::Condition && !mandate.condition_met(caveat.key())) {
      return Ineligibility{Verdict::ConditionUnmet,
                           fmt::format("{}: conditional on \"{}\", which is not met", pledge.id, caveat.key())};
    }
  }
  if (pledge.valid_until && phase_start && *pledge.valid_until < *phase_start) {
    return Ineligibility{Verdict::Expired, fmt::format("{}: valid until {}, before the phase opens on {}", pledge.id,
                                                       pledge.valid_until->iso(), phase_start->iso())};
  }
  return std::nullopt;
}
}  // namespace

bool usable_in_phase(const model::Pledge& pledge, model::Phase phase, const model::Mandate& mandate,
                     std::optional<Date> phase_start) {
  return !phase_and_condition(pledge, phase, mandate, phase_start).has_value();
}

std::optional<Ineligibility> assess(const model::Pledge& pledge, const model::RequirementLine& line, model::Phase phase,
                                    const model::Mandate& mandate, std::optional<Date> phase_start) {
  // Place and role caveats come first: they block in every phase, while a phase, condition or
  // validity restriction may lift, and readiness is only worth reporting for a usable pledge.
  for (const auto& caveat : pledge.caveats) {
    if (!caveat.allows(line.location)) {
      return Ineligibility{Verdict::BlockedByCaveat, fmt::format("{}: caveat \"only in {}\" excludes {}", pledge.id,
                                                                 join(caveat.value_names()), model::to_string(line.location))};
    }
    if (caveat.excluded_role() == line.role) {
      return Ineligibility{Verdict::BlockedByCaveat,
                           fmt::format("{}: caveat excludes the role \"{}\"", pledge.id, model::to_string(line.role))};
    }
  }
  if (auto blocked = phase_and_condition(pledge, phase, mandate, phase_start)) return blocked;
  if (pledge.readiness_days > line.required_by_day) {
    return Ineligibility{Verdict::TooLate, fmt::format("{}: ready {} days after the phase opens; needed by day {}",
                                                       pledge.id, pledge.readiness_days, line.required_by_day)};
  }
  return std::nullopt;
}

}  // namespace guarantor::force::detail
