#include "guarantor/force/force_generation.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "caveat_rules.hpp"
#include "gap_reasons.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/force/figures.hpp"
#include "guarantor/model/enum_names.hpp"

namespace guarantor::force {

namespace {
using model::Phase;

struct Candidate {
  const model::Pledge* pledge;
  std::optional<detail::Ineligibility> ineligible;
};

LineStatus status_of(int filled, int required) {
  if (filled >= required) return LineStatus::Covered;
  return filled > 0 ? LineStatus::Partial : LineStatus::Missing;
}

PhaseResult generate_phase(const model::Scenario& scenario, const model::PhaseGate& gate, double rotation_factor) {
  const auto& mandate = scenario.mandate;
  const std::optional<Date> phase_start =
      scenario.as_of ? std::optional<Date>(scenario.as_of->plus_days(gate.opens_day)) : std::nullopt;

  PhaseResult result;
  result.phase = gate.phase;
  result.opens_day = gate.opens_day;

  // A line is needed from its own phase on: the peace-deal phase keeps every ceasefire line and
  // adds its own.
  std::vector<const model::RequirementLine*> lines;
  for (const auto& line : mandate.requirements)
    if (line.phase <= gate.phase) lines.push_back(&line);
  std::stable_sort(lines.begin(), lines.end(), [](const auto* a, const auto* b) {
    return std::tie(a->priority, a->id) < std::tie(b->priority, b->id);
  });

  // A unit serves one line at a time within a phase; each phase starts from the full pledge.
  std::map<std::string, int> remaining;
  for (const auto& pledge : scenario.coalition.pledges) remaining[pledge.id] = pledge.quantity;

  for (const auto* line : lines) {
    LineResult line_result;
    line_result.line_id = line->id;
    line_result.capability = line->capability;
    line_result.phase = line->phase;  // the phase the line opens in, not the one evaluated
    line_result.priority = line->priority;
    line_result.required = line->quantity;

    std::vector<Candidate> candidates;
    for (const auto& pledge : scenario.coalition.pledges)
      if (pledge.capability == line->capability)
        candidates.push_back({&pledge, detail::assess(pledge, *line, gate.phase, mandate, phase_start)});
    // Earliest-ready units first; ties by id so the result never depends on file order.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.pledge->readiness_days, a.pledge->id) < std::tie(b.pledge->readiness_days, b.pledge->id);
    });

    for (const auto& candidate : candidates) {
      const auto& pledge = *candidate.pledge;
      PledgeAssessment assessment{pledge.id, pledge.nation, pledge.quantity, 0, Verdict::Counted, "", 1};
      if (candidate.ineligible) {
        assessment.verdict = candidate.ineligible->verdict;
        assessment.reason = candidate.ineligible->reason;
      } else {
        const int need = line_result.required - line_result.filled;
        const int take = std::min(need, remaining[pledge.id]);
        if (take > 0) {
          assessment.committed = take;
          remaining[pledge.id] -= take;
          line_result.filled += take;
          assessment.reason = fmt::format("{}: {} of {} committed", pledge.id, take, pledge.quantity);
        } else if (need > 0) {
          assessment.verdict = Verdict::CommittedElsewhere;
          assessment.reason =
              fmt::format("{}: all {} already committed to higher-priority lines", pledge.id, pledge.quantity);
        } else {
          assessment.reason = fmt::format("{}: eligible, not needed (line already filled)", pledge.id);
        }
      }
      line_result.pledges.push_back(std::move(assessment));
    }
    line_result.status = status_of(line_result.filled, line_result.required);
    if (line_result.status != LineStatus::Covered)
      line_result.gap_reasons = detail::explain_gap(line_result, line_result);
    result.lines.push_back(std::move(line_result));
  }

  // Rotation pool and the other headline figures, as defined once in figures.hpp: the
  // committed units are the ones put in place.
  std::vector<PlacedUnit> placed;
  for (std::size_t i = 0; i < lines.size(); ++i)  // result.lines follows `lines`, one entry each
    for (const auto& assessment : result.lines[i].pledges)
      for (int n = 0; n < assessment.committed; ++n)
        placed.push_back({scenario.coalition.find_pledge(assessment.pledge_id), lines[i]->location});
  const ForceFigures figures = compute_figures(scenario, gate.phase, placed, rotation_factor);
  result.rotation.figures = figures;
  result.rotation.rotation_source = mandate.posture.rotation_factor.source;
  return result;
}
}  // namespace

ForceGenerationResult generate_force(const model::Scenario& scenario, const ForceGenerationOptions& options) {
  ForceGenerationResult result;
  result.illustrative = scenario.coalition.has_illustrative();
  const double rotation_factor = options.rotation_factor_override > 0.0
                                     ? options.rotation_factor_override
                                     : scenario.mandate.posture.rotation_factor.value;
  std::vector<model::PhaseGate> gates = scenario.mandate.phases;
  std::stable_sort(gates.begin(), gates.end(), [](const auto& a, const auto& b) { return a.opens_day < b.opens_day; });
  for (const auto& gate : gates) result.phases.push_back(generate_phase(scenario, gate, rotation_factor));
  return result;
}

namespace {
constexpr model::detail::NameTable<Verdict, 8> VERDICTS{{{Verdict::Counted, "counted"},
                                                         {Verdict::BlockedByCaveat, "blocked_by_caveat"},
                                                         {Verdict::WrongPhase, "wrong_phase"},
                                                         {Verdict::ConditionUnmet, "condition_unmet"},
                                                         {Verdict::TooLate, "too_late"},
                                                         {Verdict::CommittedElsewhere, "committed_elsewhere"},
                                                         {Verdict::Expired, "expired"},
                                                         {Verdict::Undisclosed, "undisclosed"}}};
constexpr model::detail::NameTable<LineStatus, 3> LINE_STATUSES{
    {{LineStatus::Covered, "covered"}, {LineStatus::Partial, "partial"}, {LineStatus::Missing, "missing"}}};
}  // namespace

std::string_view to_string(Verdict verdict) { return model::detail::name_of(VERDICTS, verdict); }
std::string_view to_string(LineStatus status) { return model::detail::name_of(LINE_STATUSES, status); }

}  // namespace guarantor::force
