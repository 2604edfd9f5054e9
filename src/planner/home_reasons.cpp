// Why a unit stays home, line by line: the binding reason on each line of its capability, never
// the first caveat found on some other line. A unit blocked on one line and crowded out of
// another is "line full" there, not "caveat-blocked"; a unit that could serve a line that placed
// no position is stopped by site room, not by the absence of a line.
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/force/eligibility.hpp"
#include "guarantor/planner/montreux.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
HomeCause cause_of(force::Verdict verdict) {
  switch (verdict) {
    case force::Verdict::WrongPhase: return HomeCause::WrongPhase;
    case force::Verdict::ConditionUnmet: return HomeCause::ConditionUnmet;
    case force::Verdict::TooLate: return HomeCause::TooLate;
    case force::Verdict::Expired: return HomeCause::Expired;
    default: return HomeCause::BlockedByCaveat;
  }
}
}  // namespace

UnassignedUnit explain_home(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& unit_id,
                            const Plan& plan) {
  UnassignedUnit unit{unit_id, pledge.id, pledge.capability, "", {}};
  const auto* capability = scenario.catalogue.find(pledge.capability);
  std::vector<std::string> words;
  for (const auto& line : scenario.mandate.requirements) {
    if (line.capability != pledge.capability) continue;
    const auto eligibility = force::assess_eligibility(scenario, pledge, line, line.phase);
    // The Straits' regime blocks like a caveat (rules as the plan recorded them).
    const auto straits = eligibility ? std::nullopt : montreux_refusal(montreux_of(plan), scenario, pledge, line);
    const bool blocked = eligibility.has_value() || straits.has_value();
    int positions = 0, allowed = 0, taken = 0;
    std::string free_position;
    for (const auto& position : plan.positions) {
      if (position.line_id != line.id) continue;
      ++positions;
      if (capability && placement_refused(scenario, pledge, *capability, position.site_id)) continue;
      ++allowed;
      const bool filled = std::any_of(plan.assignments.begin(), plan.assignments.end(),
                                      [&](const Assignment& a) { return a.position_id == position.id; });
      taken += filled;
      if (!filled && free_position.empty()) free_position = position.id;
    }
    auto state = [&](HomeCause cause, std::string detail) {
      unit.causes.push_back({line.id, cause});
      words.push_back(fmt::format("{}: {} ({})", line.id, to_string(cause), detail));
    };
    if (eligibility) state(cause_of(eligibility->verdict), eligibility->reason);
    if (straits) state(HomeCause::StraitsClosed, *straits);
    // Readiness binds beside a caveat or condition (the eligibility rules stop at the first).
    if (blocked && !(eligibility && eligibility->verdict == force::Verdict::TooLate) && pledge.readiness_days > line.required_by_day)
      state(HomeCause::TooLate, fmt::format("{}: ready {} days after the phase opens; needed by day {}", pledge.id,
                                            pledge.readiness_days, line.required_by_day));
    // Site room binds the line whatever the unit: it is stated beside a caveat or readiness.
    if (positions == 0) {
      state(HomeCause::NoPosition,
            fmt::format("no admissible {} site had room for a position of the line", model::to_string(line.location)));
    } else if (taken == allowed && positions < line.quantity) {
      state(HomeCause::NoPosition, fmt::format("only {} of {} positions found an admissible site with room, all filled",
                                               positions, line.quantity));
    } else if (!blocked) {
      if (allowed == 0)
        state(HomeCause::NotItsSite, fmt::format("none of its {} positions is at a site the pledge may take", positions));
      else if (taken == allowed)
        state(HomeCause::LineFull, fmt::format("every position it may take is filled ({} of {})", taken, positions));
      else
        state(HomeCause::NotChosen, fmt::format("position {} was left empty (the assignment was not proven optimal)",
                                                free_position));
    }
  }
  if (unit.causes.empty()) {
    unit.causes.push_back({"", HomeCause::NoLine});
    words.push_back(fmt::format("no requirement line asks for {}", pledge.capability));
  }
  for (const auto& w : words) unit.reason += (unit.reason.empty() ? "" : "; ") + w;
  return unit;
}

}  // namespace guarantor::planner::detail
