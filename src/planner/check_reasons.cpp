// Checker rule reason: every typed cause a unit is said to stay home for is re-derived from the
// pledge, the mandate and the plan's positions and assignments, with this file's own reading of
// the caveats; a false cause, a missing one, or a unit both home and assigned fails. The prose
// is never read: it is the cause's translation, not its evidence.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/planner/montreux.hpp"
#include "guarantor/core/date.hpp"

namespace guarantor::planner::detail {

namespace {
// Every cause of ineligibility that holds for the pledge on the line (several may).
std::set<HomeCause> blocking_causes(const model::Scenario& scenario, const model::Pledge& pledge,
                                    const model::RequirementLine& line) {
  std::set<HomeCause> causes;
  for (const auto& caveat : pledge.caveats) {
    switch (caveat.kind()) {
      case model::CaveatKind::Where:
        if (!caveat.allows(line.location)) causes.insert(HomeCause::BlockedByCaveat);
        break;
      case model::CaveatKind::ExcludedRole:
        if (caveat.excluded_role() == line.role) causes.insert(HomeCause::BlockedByCaveat);
        break;
      case model::CaveatKind::When:
        if (caveat.phase() > line.phase) causes.insert(HomeCause::WrongPhase);
        break;
      case model::CaveatKind::Condition:
        if (!scenario.mandate.condition_met(caveat.key())) causes.insert(HomeCause::ConditionUnmet);
        break;
    }
  }
  if (pledge.valid_until) {
    const auto opens = scenario.phase_start(line.phase);
    if (opens && *pledge.valid_until < *opens) causes.insert(HomeCause::Expired);
  }
  if (pledge.readiness_days > line.required_by_day) causes.insert(HomeCause::TooLate);
  return causes;
}

// Whether a unit of the pledge may sit at the site: host support only in its own nation, a
// pledge that names its sites only there.
bool may_sit(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& site_id) {
  const auto* site = scenario.theatre.find_site(site_id);
  if (!site) return true;
  const auto* capability = scenario.catalogue.find(pledge.capability);
  if (capability && capability->domain == model::Domain::Host && site->country != pledge.nation) return false;
  return pledge.sites.empty() || std::find(pledge.sites.begin(), pledge.sites.end(), site_id) != pledge.sites.end();
}
}  // namespace

void check_reasons(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  // Montreux rules as the plan recorded them, and the non-littoral tonnage already in the Black Sea.
  const auto montreux = montreux_of(plan);
  const double non_littoral_tonnage = non_littoral_black_sea_tonnage(montreux, scenario, plan);
  std::set<std::string> filled_positions, assigned_units;
  for (const auto& a : plan.assignments) filled_positions.insert(a.position_id), assigned_units.insert(a.unit_id);
  for (const auto& u : plan.unassigned) {
    auto fail = [&](std::string message) { out.push_back({"reason", u.unit_id, std::move(message)}); };
    const auto* pledge = scenario.coalition.find_pledge(u.pledge_id);
    if (!pledge) {
      fail(fmt::format("pledge {} is not in the scenario", u.pledge_id));
      continue;
    }
    if (assigned_units.contains(u.unit_id)) fail("the unit is said to stay home but is assigned");
    if (u.causes.empty()) {
      fail("states no typed cause, so its reason cannot be verified");
      continue;
    }
    std::set<std::string> explained;
    for (const auto& cause : u.causes) {
      const model::RequirementLine* line = nullptr;
      for (const auto& l : scenario.mandate.requirements)
        if (l.id == cause.line_id) line = &l;
      if (cause.cause == HomeCause::NoLine) {
        if (std::any_of(scenario.mandate.requirements.begin(), scenario.mandate.requirements.end(),
                        [&](const model::RequirementLine& l) { return l.capability == pledge->capability; }))
          fail(fmt::format("says no requirement line asks for {}, but the mandate has one", pledge->capability));
        continue;
      }
      if (!line || line->capability != pledge->capability) {
        fail(fmt::format("gives a cause on {}, which is not a line of {}", cause.line_id, pledge->capability));
        continue;
      }
      explained.insert(line->id);
      auto blocking = blocking_causes(scenario, *pledge, *line);
      if (montreux_refusal(montreux, scenario, *pledge, *line)) blocking.insert(HomeCause::StraitsClosed);
      int positions = 0, allowed = 0, taken = 0;
      for (const auto& p : plan.positions) {
        if (p.line_id != line->id) continue;
        ++positions;
        if (!may_sit(scenario, *pledge, p.site_id)) continue;
        ++allowed;
        taken += filled_positions.contains(p.id);
      }
      bool holds = false;
      switch (cause.cause) {
        case HomeCause::BlockedByCaveat:
        case HomeCause::WrongPhase:
        case HomeCause::ConditionUnmet:
        case HomeCause::TooLate:
        case HomeCause::Expired: holds = blocking.contains(cause.cause); break;
        case HomeCause::NoPosition: holds = positions < line->quantity && taken == allowed; break;
        case HomeCause::NotItsSite: holds = positions > 0 && allowed == 0; break;
        case HomeCause::StraitsClosed: holds = blocking.contains(cause.cause); break;
        case HomeCause::StraitsTonnage:
          holds = exceeds_straits_tonnage(montreux, *pledge, *line, non_littoral_tonnage);
          break;
        case HomeCause::LineFull: holds = allowed > 0 && taken == allowed; break;
        case HomeCause::NotChosen: holds = blocking.empty() && taken < allowed; break;
        case HomeCause::NoLine: break;
      }
      if (!holds)
        fail(fmt::format("says {} on {}, which does not hold ({} positions, {} it may take, {} filled; ready {} days "
                         "after the gate, needed by day {})", to_string(cause.cause), line->id, positions, allowed, taken,
                         pledge->readiness_days, line->required_by_day));
    }
    for (const auto& line : scenario.mandate.requirements)
      if (line.capability == pledge->capability && !explained.contains(line.id))
        fail(fmt::format("says nothing of line {}, which asks for {}", line.id, pledge->capability));
  }
}

void check_line_reasons(const Plan& plan, const model::Scenario& scenario,
                        const std::map<std::string, double>& covered_share, std::vector<Violation>& out) {
  const auto montreux = montreux_of(plan);
  const double non_littoral_tonnage = non_littoral_black_sea_tonnage(montreux, scenario, plan);
  for (const auto& claim : plan.lines) {
    const model::RequirementLine* line = nullptr;
    for (const auto& l : scenario.mandate.requirements)
      if (l.id == claim.line_id) line = &l;
    if (!line) continue;  // unknown_reference reports it
    auto fail = [&](std::string message) { out.push_back({"reason", line->id, std::move(message)}); };
    if (claim.causes.size() != claim.reasons.size()) {
      fail(fmt::format("states {} reasons in words and {} typed; every reason needs its typed cause to be verified",
                       claim.reasons.size(), claim.causes.size()));
      continue;
    }
    // The facts each cause is judged against, recounted here.
    int pledged = 0, eligible = 0, elsewhere = 0, late = 0;
    const int due = [&] {
      const auto* gate = scenario.mandate.find_phase(line->phase);
      return (gate ? gate->opens_day : 0) + line->required_by_day;
    }();
    for (const auto& pledge : scenario.coalition.pledges) {
      if (pledge.capability != line->capability) continue;
      pledged += pledge.quantity;
      if (!blocking_causes(scenario, pledge, *line).empty()) continue;
      eligible += pledge.quantity;
      for (const auto& a : plan.assignments) elsewhere += a.pledge_id == pledge.id && a.line_id != line->id;
    }
    int positions = 0;
    for (const auto& p : plan.positions) positions += p.line_id == line->id;
    for (const auto& a : plan.assignments) late += a.line_id == line->id && a.arrival_day > due;
    const auto share = covered_share.find(line->id);
    const bool coverage_short = line->coverage && (share == covered_share.end() ||
                                                   share->second + 1e-9 < line->coverage->fraction);
    for (std::size_t i = 0; i < claim.causes.size(); ++i) {
      const auto& c = claim.causes[i];
      bool holds = false;
      switch (c.cause) {
        case LineCause::NoPledge: holds = pledged == 0; break;
        case LineCause::BlockedByCaveat:
        case LineCause::WrongPhase:
        case LineCause::ConditionUnmet:
        case LineCause::TooLate:
        case LineCause::Expired: {
          const auto* pledge = scenario.coalition.find_pledge(c.pledge_id);
          const HomeCause as_home = c.cause == LineCause::BlockedByCaveat ? HomeCause::BlockedByCaveat
                                    : c.cause == LineCause::WrongPhase    ? HomeCause::WrongPhase
                                    : c.cause == LineCause::ConditionUnmet ? HomeCause::ConditionUnmet
                                    : c.cause == LineCause::TooLate        ? HomeCause::TooLate
                                                                           : HomeCause::Expired;
          holds = pledge && pledge->capability == line->capability &&
                  blocking_causes(scenario, *pledge, *line).contains(as_home);
          break;
        }
        case LineCause::ServingElsewhere: holds = c.count > 0 && c.count == elsewhere; break;
        case LineCause::EligibleShort: holds = c.count == eligible && eligible < line->quantity; break;
        case LineCause::NoSiteRoom: holds = c.count == positions && positions < line->quantity; break;
        case LineCause::CoverageShort: holds = coverage_short; break;
        // Solver figures (the least units covering all, the best design share) are not re-solved
        // here; the cause must agree with the line's target and recorded design.
        case LineCause::CoverAllNeedsMore:
          holds = coverage_short && line->coverage->fraction >= 1.0 && c.count > line->quantity;
          break;
        case LineCause::DemandOutOfReach: holds = coverage_short && line->coverage->fraction >= 1.0; break;
        case LineCause::DesignShort:
          holds = coverage_short && claim.covered_design + 1e-9 < line->coverage->fraction;
          break;
        case LineCause::Late: holds = c.count > 0 && c.count == late; break;
        case LineCause::StraitsClosed: {
          const auto* pledge = scenario.coalition.find_pledge(c.pledge_id);
          holds = pledge && pledge->capability == line->capability &&
                  montreux_refusal(montreux, scenario, *pledge, *line).has_value();
          break;
        }
        case LineCause::StraitsTonnage: {
          const auto* pledge = scenario.coalition.find_pledge(c.pledge_id);
          holds = pledge && pledge->capability == line->capability &&
                  exceeds_straits_tonnage(montreux, *pledge, *line, non_littoral_tonnage);
          break;
        }
      }
      if (!holds)
        fail(fmt::format("states \"{}\" ({}{}{}), which does not hold: {} pledged, {} eligible, {} of them serving "
                         "elsewhere, {} positions, {} late against {} required", claim.reasons[i], to_string(c.cause),
                         c.pledge_id.empty() ? "" : " " + c.pledge_id, c.count ? fmt::format(" {}", c.count) : "",
                         pledged, eligible, elsewhere, positions, late, line->quantity));
    }
  }
}

}  // namespace guarantor::planner::detail
