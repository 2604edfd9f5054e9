// Stage 7: gaps. Every line's status and, when it falls short, each reason: no pledge of the
// capability, pledges blocked by a named caveat or condition, eligible units used elsewhere,
// no admissible site with room, coverage below target, units arriving late. Each reason is
// stated twice: typed (LineReason, which the checker re-derives) and in words, one for one.
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "guarantor/force/eligibility.hpp"
#include "guarantor/planner/montreux.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
LineCause cause_of(force::Verdict verdict) {
  switch (verdict) {
    case force::Verdict::WrongPhase: return LineCause::WrongPhase;
    case force::Verdict::ConditionUnmet: return LineCause::ConditionUnmet;
    case force::Verdict::TooLate: return LineCause::TooLate;
    case force::Verdict::Expired: return LineCause::Expired;
    default: return LineCause::BlockedByCaveat;
  }
}

void state(LineResult& result, LineReason cause, std::string words) {
  result.causes.push_back(std::move(cause));
  result.reasons.push_back(std::move(words));
}

void explain_shortfall(const StageContext& context, const model::RequirementLine& line, LineResult& result,
                       const Plan& plan) {
  int offered = 0, eligible = 0, eligible_elsewhere = 0;
  // Montreux: the non-littoral warship tonnage the plan already has in the Black Sea.
  const auto& montreux = context.params.montreux;
  const double non_littoral_tonnage = non_littoral_black_sea_tonnage(montreux, context.scenario, plan);
  for (const auto& pledge : context.scenario.coalition.pledges) {
    if (pledge.capability != line.capability) continue;
    offered += pledge.quantity;
    if (const auto blocked = force::assess_eligibility(context.scenario, pledge, line, line.phase)) {
      state(result, {cause_of(blocked->verdict), pledge.id, 0},
            fmt::format("{}: {}", force::to_string(blocked->verdict), blocked->reason));
      continue;
    }
    eligible += pledge.quantity;
    int assigned = 0;
    for (const auto& a : plan.assignments) {
      if (a.pledge_id != pledge.id) continue;
      ++assigned;
      if (a.line_id != line.id) ++eligible_elsewhere;
    }
    // Eligible under the caveats, yet kept out of the Black Sea by the Straits' regime.
    if (const auto refusal = montreux_refusal(montreux, context.scenario, pledge, line)) {
      state(result, {LineCause::StraitsClosed, pledge.id, 0}, *refusal);
    } else if (assigned < pledge.quantity && exceeds_straits_tonnage(montreux, pledge, line, non_littoral_tonnage)) {
      state(result, {LineCause::StraitsTonnage, pledge.id, 0},
            fmt::format("Montreux Convention art. 18(1): another {} warship would take non-littoral tonnage in the Black "
                        "Sea past {:.0f} t", pledge.nation, montreux.non_littoral_tonnage_t));
    }
  }
  if (offered == 0) state(result, {LineCause::NoPledge, "", 0}, fmt::format("no pledge offers {}", line.capability));
  if (eligible_elsewhere > 0)
    state(result, {LineCause::ServingElsewhere, "", eligible_elsewhere},
          fmt::format("{} eligible units serve lines of more value", eligible_elsewhere));
  if (offered > 0 && eligible < result.required)
    state(result, {LineCause::EligibleShort, "", eligible},
          fmt::format("eligible units total {} of {} required", eligible, result.required));
  if (result.placed < result.required)
    state(result, {LineCause::NoSiteRoom, "", result.placed},
          fmt::format("only {} of {} positions found an admissible {} site with room", result.placed, result.required,
                      model::to_string(line.location)));
}
}  // namespace

StageReport run_gaps(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  std::map<std::string, const model::RequirementLine*> line_by_id;
  for (const auto& line : context.scenario.mandate.requirements) line_by_id[line.id] = &line;
  int unmet = 0;
  for (auto& result : plan.lines) {
    const auto& line = *line_by_id.at(result.line_id);
    result.units.clear();
    result.reasons.clear();
    result.causes.clear();
    for (const auto& a : plan.assignments)
      if (a.line_id == result.line_id) result.units.push_back(a.unit_id);
    result.filled = static_cast<int>(result.units.size());
    if (result.filled < result.required) explain_shortfall(context, line, result, plan);
    const bool coverage_short = !result.demand.empty() && result.covered_fraction + 1e-9 < result.target_fraction;
    if (coverage_short) {
      state(result, {LineCause::CoverageShort, "", 0},
            fmt::format("covers {:.1f} % of {}{} against a target of {:.0f} %", 100 * result.covered_fraction,
                        result.demand, result.filter.empty() ? "" : " " + result.filter, 100 * result.target_fraction));
      if (result.target_fraction >= 1.0 && result.units_to_cover_all > result.required)
        state(result, {LineCause::CoverAllNeedsMore, "", result.units_to_cover_all},
              fmt::format("covering all of it takes {} units; the line asks for {}", result.units_to_cover_all,
                          result.required));
      if (result.target_fraction >= 1.0 && result.units_to_cover_all < 0)
        state(result, {LineCause::DemandOutOfReach, "", 0}, "part of the demand lies beyond the reach of every admissible site");
      if (result.covered_design + 1e-9 < result.target_fraction)
        state(result, {LineCause::DesignShort, "", 0},
              fmt::format("even fully filled, the best placement covers {:.1f} %", 100 * result.covered_design));
    }
    if (result.late > 0)
      state(result, {LineCause::Late, "", result.late},
            fmt::format("{} units arrive after day {} (phase gate + required-by day)", result.late,
                        phase_gate_day(context.scenario.mandate, line.phase) + line.required_by_day));
    const bool met = result.filled >= result.required && !coverage_short && result.late == 0;
    result.status = met ? LineStatus::Met : result.filled > 0 ? LineStatus::Partial : LineStatus::Missing;
    unmet += !met;
  }
  StageReport report;
  report.stage = "gaps";
  report.sense = "min";
  report.unit = "lines not met";
  report.method = "reasons per line from caveats, capacity, coverage and arrival";
  report.note = fmt::format("{} of {} lines not met", unmet, plan.lines.size());
  report.stats = closed_form(unmet, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return report;
}

}  // namespace guarantor::planner::detail
