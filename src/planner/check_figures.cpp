// Checker rules line_status and rotation: the plan's verdict on every requirement line and its
// rotation figures are recomputed from the mandate, the scenario and the assignments, so a
// plan.json edited to claim a line met, or a shortfall of zero, fails. Decisions use typed
// fields only (line status, locations, capability domains), never the prose of a reason.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/force/figures.hpp"

namespace guarantor::planner::detail {

namespace {
// A share is "reached" when within round-off of the target (the gaps stage uses the same slack).
constexpr double TARGET_TOLERANCE = 1e-9;

int gate_day(const model::Mandate& mandate, model::Phase phase) {
  const auto* gate = mandate.find_phase(phase);
  return gate ? gate->opens_day : 0;
}
}  // namespace

void check_line_status(const Plan& plan, const model::Scenario& scenario,
                       const std::map<std::string, double>& covered_share, std::vector<Violation>& out) {
  std::set<std::string> reported;
  for (const auto& claim : plan.lines) {
    reported.insert(claim.line_id);
    const auto* line = [&]() -> const model::RequirementLine* {
      for (const auto& l : scenario.mandate.requirements)
        if (l.id == claim.line_id) return &l;
      return nullptr;
    }();
    if (!line) continue;  // unknown_reference reports it
    const int due = gate_day(scenario.mandate, line->phase) + line->required_by_day;
    int filled = 0, late = 0;
    for (const auto& a : plan.assignments) {
      if (a.line_id != line->id) continue;
      ++filled;
      late += a.arrival_day > due;
    }
    bool coverage_short = false;
    if (line->coverage) {
      const auto it = covered_share.find(line->id);
      coverage_short = it == covered_share.end() || it->second + TARGET_TOLERANCE < line->coverage->fraction;
    }
    const bool met = filled >= line->quantity && !coverage_short && late == 0;
    const LineStatus status = met ? LineStatus::Met : filled > 0 ? LineStatus::Partial : LineStatus::Missing;
    if (claim.required != line->quantity)
      out.push_back(
          {"line_status", line->id,
           fmt::format("records {} units required; the mandate asks for {}", claim.required, line->quantity)});
    if (claim.filled != filled)
      out.push_back({"line_status", line->id,
                     fmt::format("records {} units filled; the assignments fill {}", claim.filled, filled)});
    if (claim.late != late)
      out.push_back({"line_status", line->id,
                     fmt::format("records {} units late; {} arrive after day {}", claim.late, late, due)});
    if (claim.status != status)
      out.push_back({"line_status", line->id,
                     fmt::format("records status {}; recomputed {} ({} of {} units, {} late{})",
                                 to_string(claim.status), to_string(status), filled, line->quantity, late,
                                 coverage_short ? ", coverage below target" : "")});
    if (status == LineStatus::Met && !claim.reasons.empty())
      out.push_back({"line_status", line->id, "a met line records reasons for a shortfall"});
    if (status != LineStatus::Met && claim.reasons.empty())
      out.push_back({"line_status", line->id, fmt::format("the line is {} but records no reason", to_string(status))});
  }
  for (const auto& line : scenario.mandate.requirements)
    if (!reported.contains(line.id))
      out.push_back({"line_status", line.id, "the mandate's line is missing from the plan, so its gap is hidden"});
}

void check_rotation(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  std::map<std::string, model::Location> location_of;
  for (const auto& line : scenario.mandate.requirements) location_of[line.id] = line.location;
  std::vector<force::PlacedUnit> placed;
  for (const auto& a : plan.assignments) {
    const auto* pledge = scenario.coalition.find_pledge(a.pledge_id);
    const auto it = location_of.find(a.line_id);
    if (pledge && it != location_of.end()) placed.push_back({pledge, it->second});
  }
  // The plan's figures are those of the mandate's last phase (latest opening day).
  model::Phase last = model::Phase::Ceasefire;
  int opens = -1;
  for (const auto& gate : scenario.mandate.phases)
    if (gate.opens_day > opens) opens = gate.opens_day, last = gate.phase;
  const auto f = force::compute_figures(scenario, last, placed, plan.provenance.rotation_factor);
  const auto& r = plan.rotation;
  auto compare = [&](const char* name, double recorded, double recomputed) {
    if (std::abs(recorded - recomputed) > 1e-9)
      out.push_back({"rotation", name,
                     fmt::format("records {} {}; recomputed from the assignments {}", name, recorded, recomputed)});
  };
  compare("deployed_units", r.deployed_units, static_cast<double>(plan.assignments.size()));
  compare("deployed_personnel", r.figures.deployed_personnel, f.deployed_personnel);
  compare("rotation_factor", r.figures.rotation_factor, f.rotation_factor);
  compare("rotating_personnel", r.figures.rotating_personnel, f.rotating_personnel);
  compare("required_pool", r.figures.required_pool, f.required_pool);
  compare("pledged_personnel", r.figures.pledged_personnel, f.pledged_personnel);
  compare("eligible_personnel", r.figures.eligible_personnel, f.eligible_personnel);
  compare("pool_personnel", r.figures.pool_personnel, f.pool_personnel);
  compare("shortfall", r.figures.shortfall, f.shortfall);
}

}  // namespace guarantor::planner::detail
